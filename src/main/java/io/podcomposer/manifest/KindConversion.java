package io.podcomposer.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wraps a pod into a controller or unwraps it, keeping every pod field.
 * <ul>
 * <li>The object's name, namespace and other metadata stay on the outer object; the pod's
 * labels go on both, and its annotations on the pod template.</li>
 * <li>The selector is the pod's labels. A pod without labels gets
 * {@code app: <name>}.</li>
 * <li>restartPolicy is changed only where the target kind would reject it: controllers
 * that keep pods running accept only Always (the default), Jobs only OnFailure or
 * Never.</li>
 * <li>Replicas carry over between the kinds that have them; a new controller starts with
 * 1.</li>
 * </ul>
 * A switch back is lossless: the manifest remembers what each kind it left had (its
 * {@link KindMemory}), so converting to that kind again undoes what the switches changed
 * in the pod and brings back the kind's own fields (replicas, schedule, backoffLimit,
 * selector, …), keeping what the user changed in between. A manifest read from text
 * remembers nothing: for it, converting to a kind and back gives the same pod as long as
 * its restartPolicy suits the kind in between and it has labels.
 */
public final class KindConversion {

	static final String DEFAULT_SCHEDULE = "0 * * * *";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** The metadata fields the pod decides for every kind. */
	private static final Set<String> POD_METADATA = Set.of("name", "namespace", "labels", "annotations");

	private KindConversion() {
	}

	/** The converted manifest and what the conversion changed beyond moving the pod. */
	public record Result(Manifest manifest, List<String> notes) {
	}

	static Result convert(Manifest source, WorkloadKind target) {
		if (source.kind() == target) {
			return new Result(source.deepCopy(), List.of());
		}
		List<String> notes = new ArrayList<>();
		ObjectNode sourcePod = toPod(source);
		ObjectNode pod = sourcePod.deepCopy();
		KindMemory.Left before = source.kindMemory().leftAs(target);
		if (before != null) {
			before.undo(pod);
		}
		// replicas a switch gave, having none to carry, are no choice to carry on
		JsonNode replicas = source.kind().hasReplicas() ? source.root().path("spec").get("replicas") : null;
		if (replicas != null && replicas.equals(source.kindMemory().replicasGiven())) {
			replicas = null;
		}
		ObjectNode root = (target == WorkloadKind.POD) ? pod : wrap(pod, target, replicas, before == null, notes);
		if (before != null) {
			restore(root, pod.path("metadata"), before.fields(), target, replicas != null);
		}
		JsonNode replicasGiven = (target.hasReplicas() && replicas == null && before == null)
				? root.path("spec").get("replicas") : null;
		Manifest converted = Manifest.trusted(root, target, KindMemory.NONE);
		KindMemory memory = source.kindMemory().after(source, sourcePod, converted, toPod(converted), replicasGiven);
		return new Result(Manifest.trusted(root, target, memory), notes);
	}

	private static ObjectNode toPod(Manifest source) {
		if (source.kind() == WorkloadKind.POD) {
			return source.root().deepCopy();
		}
		ObjectNode template = source.podTemplate().isObject() ? (ObjectNode) source.podTemplate().deepCopy()
				: NODES.objectNode();
		ObjectNode outerMetadata = source.root().path("metadata").isObject()
				? (ObjectNode) source.root().get("metadata").deepCopy() : NODES.objectNode();
		JsonNode templateMetadata = template.path("metadata");

		ObjectNode metadata = outerMetadata.deepCopy();
		metadata.remove(List.of("labels", "annotations"));
		JsonNode labels = templateMetadata.has("labels") ? templateMetadata.get("labels") : outerMetadata.get("labels");
		if (labels != null) {
			metadata.set("labels", labels);
		}
		ObjectNode annotations = NODES.objectNode();
		if (outerMetadata.path("annotations").isObject()) {
			annotations.setAll((ObjectNode) outerMetadata.get("annotations"));
		}
		if (templateMetadata.path("annotations").isObject()) {
			annotations.setAll((ObjectNode) templateMetadata.get("annotations"));
		}
		if (!annotations.isEmpty()) {
			metadata.set("annotations", annotations);
		}
		// Anything else the template's metadata held (say a generateName) belongs to the
		// pod too.
		templateMetadata.properties().forEach((entry) -> {
			if (!metadata.has(entry.getKey()) && !"annotations".equals(entry.getKey())) {
				metadata.set(entry.getKey(), entry.getValue());
			}
		});

		ObjectNode pod = NODES.objectNode();
		pod.put("apiVersion", WorkloadKind.POD.apiVersion());
		pod.put("kind", WorkloadKind.POD.kindName());
		pod.set("metadata", metadata);
		pod.set("spec", template.has("spec") ? template.get("spec") : NODES.objectNode());
		return pod;
	}

	private static ObjectNode wrap(ObjectNode pod, WorkloadKind target, JsonNode replicas, boolean firstTime,
			List<String> notes) {
		ObjectNode podMetadata = pod.path("metadata").isObject() ? (ObjectNode) pod.get("metadata")
				: NODES.objectNode();
		String name = podMetadata.path("name").asString("");
		ObjectNode labels = podMetadata.path("labels").isObject() && !podMetadata.get("labels").isEmpty()
				? (ObjectNode) podMetadata.get("labels") : null;
		if (labels == null) {
			labels = NODES.objectNode().put("app", name.isEmpty() ? "app" : name);
			notes.add("The pod had no labels, so it gets app: " + labels.get("app").asString() + " for the selector.");
		}

		ObjectNode metadata = podMetadata.deepCopy();
		metadata.remove("annotations");
		metadata.set("labels", labels.deepCopy());

		ObjectNode templateMetadata = NODES.objectNode();
		templateMetadata.set("labels", labels.deepCopy());
		if (podMetadata.has("annotations")) {
			templateMetadata.set("annotations", podMetadata.get("annotations"));
		}
		ObjectNode podSpec = pod.path("spec").isObject() ? (ObjectNode) pod.get("spec") : NODES.objectNode();
		fitRestartPolicy(podSpec, target, notes);
		ObjectNode template = NODES.objectNode();
		template.set("metadata", templateMetadata);
		template.set("spec", podSpec);

		ObjectNode spec = NODES.objectNode();
		switch (target) {
			case DEPLOYMENT, REPLICA_SET, STATEFUL_SET -> {
				spec.set("replicas", (replicas != null) ? replicas : NODES.numberNode(1));
				if (target == WorkloadKind.STATEFUL_SET) {
					spec.put("serviceName", name);
				}
				spec.set("selector", NODES.objectNode().set("matchLabels", labels.deepCopy()));
				spec.set("template", template);
			}
			case DAEMON_SET -> {
				spec.set("selector", NODES.objectNode().set("matchLabels", labels.deepCopy()));
				spec.set("template", template);
			}
			case JOB -> spec.set("template", template);
			case CRON_JOB -> {
				spec.put("schedule", DEFAULT_SCHEDULE);
				if (firstTime) {
					notes.add("The CronJob runs hourly (" + DEFAULT_SCHEDULE + ") until you set its schedule.");
				}
				spec.set("jobTemplate", NODES.objectNode().set("spec", NODES.objectNode().set("template", template)));
			}
			case POD -> throw new IllegalArgumentException("a Pod is not wrapped");
		}

		ObjectNode workload = NODES.objectNode();
		workload.put("apiVersion", target.apiVersion());
		workload.put("kind", target.kindName());
		workload.set("metadata", metadata);
		workload.set("spec", spec);
		return workload;
	}

	/**
	 * Brings back, onto a conversion to a kind the manifest had before, the fields only
	 * that kind held. Its labels and selector come back while the pod's labels are as
	 * they were, and the split of annotations between the object and its pod while the
	 * pod's annotations are.
	 */
	private static void restore(ObjectNode converted, JsonNode podMetadataBefore, ObjectNode kept, WorkloadKind kind,
			boolean replicasCarried) {
		kept.properties().forEach((entry) -> {
			if (!converted.has(entry.getKey())) {
				converted.set(entry.getKey(), entry.getValue());
			}
		});
		if (kind.isPod()) {
			return;
		}
		JsonNode keptPodMetadata = Manifest.trusted(kept, kind, KindMemory.NONE).podMetadata();
		Manifest result = Manifest.trusted(converted, kind, KindMemory.NONE);
		ObjectNode convertedTemplate = result.editPodTemplate();
		ObjectNode metadata = Manifest.objectField(converted, "metadata");
		JsonNode replicas = converted.path("spec").get("replicas");
		JsonNode selector = converted.path("spec").get("selector");

		ObjectNode spec = kept.path("spec").isObject() ? (ObjectNode) kept.get("spec").deepCopy() : NODES.objectNode();
		converted.set("spec", spec);
		ObjectNode template = result.editPodTemplate();
		template.setAll(convertedTemplate);
		ObjectNode podMetadata = Manifest.objectField(template, "metadata");
		if (replicasCarried) {
			setOrRemove(spec, "replicas", replicas);
		}
		if (Objects.equals(keptPodMetadata.get("labels"), podMetadataBefore.get("labels"))) {
			setOrRemove(metadata, "labels", kept.path("metadata").get("labels"));
			setOrRemove(podMetadata, "labels", keptPodMetadata.get("labels"));
		}
		else {
			setOrRemove(spec, "selector", selector);
		}
		JsonNode keptAnnotations = kept.path("metadata").get("annotations");
		ObjectNode merged = NODES.objectNode();
		if (keptAnnotations instanceof ObjectNode object) {
			merged.setAll(object);
		}
		if (keptPodMetadata.path("annotations") instanceof ObjectNode object) {
			merged.setAll(object);
		}
		if (merged.equals(podMetadataBefore.path("annotations").isObject() ? podMetadataBefore.get("annotations")
				: NODES.objectNode())) {
			setOrRemove(metadata, "annotations", keptAnnotations);
			setOrRemove(podMetadata, "annotations", keptPodMetadata.get("annotations"));
		}
		if (podMetadata.isEmpty() && keptPodMetadata.isMissingNode()) {
			template.remove("metadata");
		}
		kept.path("metadata").properties().forEach((entry) -> {
			if (!POD_METADATA.contains(entry.getKey()) && !metadata.has(entry.getKey())) {
				metadata.set(entry.getKey(), entry.getValue());
			}
		});
	}

	private static void setOrRemove(ObjectNode object, String field, JsonNode value) {
		if (value == null) {
			object.remove(field);
		}
		else {
			object.set(field, value.deepCopy());
		}
	}

	private static void fitRestartPolicy(ObjectNode podSpec, WorkloadKind target, List<String> notes) {
		String policy = podSpec.path("restartPolicy").asString("Always");
		if (target.requiresRestartAlways() && !"Always".equals(policy)) {
			podSpec.remove("restartPolicy");
			notes.add("restartPolicy " + policy + " was removed: a " + target.kindName()
					+ " only runs pods with restartPolicy Always.");
		}
		else if (target.isBatch() && "Always".equals(policy)) {
			podSpec.put("restartPolicy", "Never");
			notes.add("restartPolicy is now Never: a " + target.kindName()
					+ " needs Never or OnFailure, so that its pods finish.");
		}
	}

}
