package io.podcomposer.compose;

import java.util.List;

import io.podcomposer.compose.FieldPath.Step;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * Where a finding belongs in the form: the name of the input for an API field path, as
 * {@code spec.template.spec.containers[1].name} gives {@code containers[1].name}. A field
 * the form shows in a row or a select of its own gives that input; a field the form keeps
 * as YAML gives its "other fields" text area; anything else gives null, and the finding
 * stays in the preview's summary only.
 */
final class FormFieldNames {

	private FormFieldNames() {
	}

	/** The input's name, or null when the form has none for the path. */
	static String of(String apiPath, Manifest manifest) {
		FieldPath path = FieldPath.parse(apiPath);
		WorkloadKind kind = manifest.kind();
		String template = String.join(".", kind.templatePath());
		if (path.startsWith(kind.podSpecPath())) {
			return podField(path.drop(FieldPath.parse(kind.podSpecPath()).size()), manifest.podSpec());
		}
		if (!kind.isPod() && path.startsWith(template + ".metadata")) {
			return ObjectSection.metadataInput(path.drop(FieldPath.parse(template).size() + 1), manifest);
		}
		if (path.startsWith("metadata")) {
			return ObjectSection.metadataInput(path.drop(1), manifest);
		}
		if (!kind.isPod() && path.startsWith("spec")) {
			// a CronJob's Job fields sit under jobTemplate.spec, and the form shows them
			// with the rest
			FieldPath spec = path.drop(1);
			FieldPath field = (kind == WorkloadKind.CRON_JOB && spec.startsWith("jobTemplate.spec")) ? spec.drop(2)
					: spec;
			return ObjectSection.workloadInput(field);
		}
		return null;
	}

	/**
	 * The row of a map key, with a problem of the key or its value shown by the value.
	 */
	static String keyRow(String prefix, Step key, JsonNode map) {
		if (!key.bracketed() || !map.isObject()) {
			return null;
		}
		List<String> keys = map.propertyNames().stream().toList();
		int row = keys.indexOf(key.text());
		return (row < 0) ? null : prefix + "[" + row + "].value";
	}

	/** A pod spec path: a container's, a volume's, or one of the pod section's. */
	private static String podField(FieldPath path, JsonNode spec) {
		Step field = path.step(0);
		if ((field.isField("containers") || field.isField("initContainers")) && path.step(1).index() >= 0) {
			return ContainerSection.inputName(field.text() + "[" + path.step(1).index() + "].", path.drop(2));
		}
		if (field.isField("volumes") && path.step(1).index() >= 0) {
			return VolumeSection.inputName("volumes[" + path.step(1).index() + "].", path.drop(2));
		}
		return PodSection.inputName(path, spec);
	}

}
