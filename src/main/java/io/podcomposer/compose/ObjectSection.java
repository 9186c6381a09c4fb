package io.podcomposer.compose;

import java.util.Set;

import io.podcomposer.compose.FieldPath.Step;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.FormApplier.trimmed;
import static io.podcomposer.compose.TreeEdits.editObject;
import static io.podcomposer.compose.TreeEdits.setInteger;
import static io.podcomposer.compose.TreeEdits.setString;
import static io.podcomposer.compose.TreeEdits.text;

/**
 * The "Object" part of the form: the name, namespace, pod labels and annotations, and the
 * few fields of the workload around the pod; how they are read from the manifest and
 * applied to it, the fields they cover, and the input a metadata or workload field path
 * belongs to. The kind, name, namespace, labels and annotations are fields of
 * {@link ComposeForm} itself.
 */
final class ObjectSection {

	static final Set<String> KNOWN_ROOT = Set.of("apiVersion", "kind", "metadata", "spec");

	static final Set<String> KNOWN_METADATA = Set.of("name", "namespace", "labels", "annotations");

	static final Set<String> KNOWN_TEMPLATE_METADATA = Set.of("labels", "annotations");

	static final Set<String> KNOWN_WORKLOAD_SPEC = Set.of("replicas", "serviceName", "schedule", "concurrencyPolicy",
			"completions", "parallelism", "backoffLimit", "ttlSecondsAfterFinished", "selector", "template",
			"jobTemplate");

	/** Workload fields with an input of the same name, prefixed by {@code workload.}. */
	private static final Set<String> WORKLOAD_INPUTS = Set.of("replicas", "serviceName", "schedule",
			"concurrencyPolicy", "completions", "parallelism", "backoffLimit", "ttlSecondsAfterFinished");

	private ObjectSection() {
	}

	/** The few fields of the controller around the pod. */
	public static class WorkloadForm {

		public String replicas;

		public String serviceName;

		public String schedule;

		public String concurrencyPolicy;

		public String completions;

		public String parallelism;

		public String backoffLimit;

		public String ttlSecondsAfterFinished;

	}

	static void read(Manifest manifest, ComposeForm form) {
		JsonNode root = manifest.root();
		form.kind = manifest.kind().kindName();
		form.name = text(root.path("metadata").path("name"));
		form.namespace = text(root.path("metadata").path("namespace"));
		form.labels = FormReader.keyValues(manifest.podMetadata().path("labels"));
		form.annotations = FormReader.keyValues(manifest.podMetadata().path("annotations"));
		if (!manifest.kind().isPod()) {
			readWorkload(root.path("spec"), manifest, form.workload);
		}
	}

	private static void readWorkload(JsonNode spec, Manifest manifest, WorkloadForm workload) {
		workload.replicas = text(spec.path("replicas"));
		workload.serviceName = text(spec.path("serviceName"));
		workload.schedule = text(spec.path("schedule"));
		workload.concurrencyPolicy = text(spec.path("concurrencyPolicy"));
		JsonNode job = manifest.kind() == WorkloadKind.CRON_JOB ? spec.path("jobTemplate").path("spec") : spec;
		workload.completions = text(job.path("completions"));
		workload.parallelism = text(job.path("parallelism"));
		workload.backoffLimit = text(job.path("backoffLimit"));
		workload.ttlSecondsAfterFinished = text(job.path("ttlSecondsAfterFinished"));
	}

	static void apply(Manifest manifest, ComposeForm form, FormApplier applier) {
		editObject(manifest.root(), "metadata", (metadata) -> {
			setString(metadata, "name", trimmed(form.name));
			setString(metadata, "namespace", trimmed(form.namespace));
		});
		ObjectNode podMetadataParent = manifest.editPodTemplate();
		editObject(podMetadataParent, "metadata", (metadata) -> {
			boolean labelsChanged = applier.setMap(metadata, "labels", form.labels);
			applier.setMap(metadata, "annotations", form.annotations);
			if (!manifest.kind().isPod()) {
				syncWorkloadLabels(manifest, metadata, labelsChanged);
			}
		});
		if (!manifest.kind().isPod()) {
			applyWorkload(manifest, form.workload);
		}
	}

	/**
	 * A workload's selector and its own labels follow the pod labels; with none, it gets
	 * app: name. A Job needs no selector, so one without labels stays so until its labels
	 * are edited.
	 */
	private static void syncWorkloadLabels(Manifest manifest, ObjectNode podMetadata, boolean labelsChanged) {
		boolean hasSelector = manifest.kind().requiresRestartAlways();
		boolean noLabels = !podMetadata.path("labels").isObject() || podMetadata.get("labels").isEmpty();
		if (noLabels && (hasSelector || labelsChanged)) {
			String name = manifest.name().isEmpty() ? "app" : manifest.name();
			podMetadata.putObject("labels").put("app", name);
			labelsChanged = true;
		}
		if (!labelsChanged) {
			return;
		}
		ObjectNode labels = (ObjectNode) podMetadata.get("labels");
		editObject(manifest.root(), "metadata", (metadata) -> metadata.set("labels", labels.deepCopy()));
		if (hasSelector) {
			ObjectNode selector = manifest.editWorkloadSpec().path("selector") instanceof ObjectNode existing ? existing
					: manifest.editWorkloadSpec().putObject("selector");
			if (!selector.has("matchExpressions")) {
				selector.set("matchLabels", labels.deepCopy());
			}
		}
	}

	private static void applyWorkload(Manifest manifest, WorkloadForm workload) {
		ObjectNode spec = manifest.editWorkloadSpec();
		WorkloadKind kind = manifest.kind();
		if (kind.hasReplicas()) {
			setInteger(spec, "replicas", workload.replicas);
		}
		if (kind == WorkloadKind.STATEFUL_SET) {
			setString(spec, "serviceName", trimmed(workload.serviceName));
		}
		if (kind == WorkloadKind.CRON_JOB) {
			setString(spec, "schedule", trimmed(workload.schedule));
			setString(spec, "concurrencyPolicy", workload.concurrencyPolicy);
		}
		if (kind.isBatch()) {
			ObjectNode job = manifest.editJobSpec();
			setInteger(job, "completions", workload.completions);
			setInteger(job, "parallelism", workload.parallelism);
			setInteger(job, "backoffLimit", workload.backoffLimit);
			setInteger(job, "ttlSecondsAfterFinished", workload.ttlSecondsAfterFinished);
		}
	}

	/**
	 * The input for a path within the object's or the pod template's metadata, or null.
	 */
	static String metadataInput(FieldPath path, Manifest manifest) {
		Step field = path.step(0);
		if (field.isField("name") || field.isField("namespace")) {
			return field.text();
		}
		if (field.isField("labels") || field.isField("annotations")) {
			// the rows are the pod's labels and annotations, in their order
			return FormFieldNames.keyRow(field.text(), path.step(1), manifest.podMetadata().path(field.text()));
		}
		return null;
	}

	/**
	 * The input for a path within the workload spec (a CronJob's Job spec included), or
	 * null.
	 */
	static String workloadInput(FieldPath field) {
		return (field.size() == 1 && WORKLOAD_INPUTS.contains(field.step(0).text()))
				? "workload." + field.step(0).text() : null;
	}

}
