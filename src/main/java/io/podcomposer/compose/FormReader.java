package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.podcomposer.compose.ComposeForm.KeyValue;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.TreeEdits.text;

/**
 * Draws the form from a manifest, section by section: the inverse of {@link FormApplier}.
 */
final class FormReader {

	private FormReader() {
	}

	static ComposeForm read(Manifest manifest) {
		ComposeForm form = new ComposeForm();
		ObjectSection.read(manifest, form);
		JsonNode spec = manifest.podSpec();
		form.pod = PodSection.read(spec);
		form.initContainers = ContainerSection.readList(spec.path("initContainers"));
		form.containers = ContainerSection.readList(spec.path("containers"));
		form.volumes = VolumeSection.readList(spec.path("volumes"));
		return form;
	}

	static List<KeyValue> keyValues(JsonNode map) {
		List<KeyValue> rows = new ArrayList<>();
		if (map.isObject()) {
			map.properties().forEach((entry) -> rows.add(new KeyValue(entry.getKey(), text(entry.getValue()))));
		}
		return rows;
	}

	/**
	 * The fields of {@code object} the form has no inputs for, as YAML; empty when there
	 * are none.
	 */
	static String otherYaml(JsonNode object, Set<String> known) {
		ObjectNode other = JsonNodeFactory.instance.objectNode();
		if (object.isObject()) {
			object.properties()
				.stream()
				.filter((entry) -> !known.contains(entry.getKey()))
				.forEach((entry) -> other.set(entry.getKey(), entry.getValue()));
		}
		return other.isEmpty() ? "" : ManifestWriter.toYaml(other);
	}

}
