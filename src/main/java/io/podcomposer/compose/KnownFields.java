package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.validation.Finding;
import io.podcomposer.validation.ValidationReport;
import tools.jackson.databind.JsonNode;

/**
 * The fields the form has no inputs for, level by level, by the known fields of each
 * section of the form. Every such field is kept as it came and listed as "kept from
 * YAML", marked when the API server would refuse it; those of the pod spec, the workload
 * spec and each container can be edited as YAML in place.
 */
final class KnownFields {

	private KnownFields() {
	}

	/**
	 * The fields the form keeps without showing an input for them, as in {@code affinity}
	 * or {@code containers[0].lifecycle} (relative to the pod spec) and
	 * {@code spec.strategy} or {@code metadata.finalizers} (relative to the object), each
	 * with what the API server would say of it when the report's {@code structure} rule
	 * refuses it or a field within it.
	 */
	static List<KeptField> kept(Manifest manifest, ValidationReport report) {
		Kept kept = new Kept(report.errors().stream().filter((error) -> error.rule().equals("structure")).toList());
		JsonNode root = manifest.root();
		kept.unknown(root, ObjectSection.KNOWN_ROOT, "", "");
		kept.unknown(root.path("metadata"), ObjectSection.KNOWN_METADATA, "metadata.", "metadata.");
		WorkloadKind kind = manifest.kind();
		String templatePath = String.join(".", kind.templatePath());
		if (!kind.isPod()) {
			kept.unknown(manifest.podTemplate().path("metadata"), ObjectSection.KNOWN_TEMPLATE_METADATA,
					"template metadata.", templatePath + ".metadata.");
			kept.unknown(root.path("spec"), ObjectSection.KNOWN_WORKLOAD_SPEC, "spec.", "spec.");
			if (kind == WorkloadKind.CRON_JOB) {
				kept.unknown(root.path("spec").path("jobTemplate").path("spec"), ObjectSection.KNOWN_WORKLOAD_SPEC,
						"jobTemplate.spec.", "spec.jobTemplate.spec.");
			}
		}
		JsonNode podSpec = manifest.podSpec();
		String podSpecPath = kind.podSpecPath() + ".";
		kept.unknown(podSpec, PodSection.KNOWN, "", podSpecPath);
		kept.unknown(podSpec.path("securityContext"), PodSection.KNOWN_SECURITY_CONTEXT, "securityContext.",
				podSpecPath + "securityContext.");
		for (String list : List.of("initContainers", "containers")) {
			JsonNode containers = podSpec.path(list);
			for (int i = 0; i < containers.size(); i++) {
				String prefix = list + "[" + i + "].";
				// path, not get: a mapping typed where the list belongs has a size but no
				// items by index
				kept.unknown(containers.path(i), ContainerSection.KNOWN, prefix, podSpecPath + prefix);
				kept.unknown(containers.path(i).path("securityContext"), ContainerSection.KNOWN_SECURITY_CONTEXT,
						prefix + "securityContext.", podSpecPath + prefix + "securityContext.");
			}
		}
		return kept.fields;
	}

	/** The kept fields found so far, and the schema's errors to mark them by. */
	private static final class Kept {

		private final List<Finding> refusals;

		private final List<KeptField> fields = new ArrayList<>();

		Kept(List<Finding> refusals) {
			this.refusals = refusals;
		}

		/**
		 * Adds the fields of {@code object} the form has no input for: shown with one
		 * prefix, found with the other.
		 */
		void unknown(JsonNode object, Set<String> known, String shownPrefix, String pathPrefix) {
			if (object.isObject()) {
				for (String key : object.propertyNames()) {
					if (!known.contains(key)) {
						this.fields.add(new KeptField(shownPrefix + key, refusal(pathPrefix + key)));
					}
				}
			}
		}

		/**
		 * What the API server says of the field or of a value within it; null when
		 * nothing.
		 */
		private String refusal(String path) {
			for (Finding finding : this.refusals) {
				String at = finding.path();
				if (at.startsWith(path) && (at.length() == path.length() || at.charAt(path.length()) == '.'
						|| at.charAt(path.length()) == '[')) {
					return finding.message();
				}
			}
			return null;
		}

	}

}
