package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import tools.jackson.databind.JsonNode;

/**
 * A list of strings (command, args) in a text area: one item per line, or a YAML list
 * when an item holds a line break or is blank at the end, which lines cannot show, or
 * blank at the start, which a text area drops (HTML ignores a line break right after
 * {@code <textarea>}).
 */
final class StringListText {

	private StringListText() {
	}

	static boolean needsYaml(JsonNode list) {
		List<String> items = TreeEdits.textsOf(list);
		return items.stream().anyMatch((item) -> item.indexOf('\n') >= 0 || item.indexOf('\r') >= 0)
				|| (!items.isEmpty() && (items.get(0).isEmpty() || items.get(items.size() - 1).isEmpty()));
	}

	static String write(JsonNode list) {
		if (!list.isArray() || list.isEmpty()) {
			return "";
		}
		return needsYaml(list) ? ManifestWriter.toYaml(list) : String.join("\n", TreeEdits.textsOf(list));
	}

	/**
	 * The items in the text, {@code null} when the field was not in the form.
	 * @throws ManifestParseException when YAML text is not a list of plain values
	 */
	static List<String> read(String text, boolean yaml) {
		if (text == null) {
			return null;
		}
		if (text.isBlank()) {
			return List.of();
		}
		if (yaml) {
			JsonNode node = ManifestReader.readYaml(text);
			if (!node.isArray() || node.values().stream().anyMatch((item) -> !item.isValueNode())) {
				throw new ManifestParseException("expected a YAML list of strings", 0, 0);
			}
			return TreeEdits.textsOf(node);
		}
		List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

}
