package io.podcomposer.manifest;

import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Half of a UTF-16 surrogate pair, which only an escape ({@code \uD800}) can put into
 * text: it is no character, UTF-8 cannot hold it, and a database would store a {@code ?}
 * in its place. go-yaml (kubectl's reader) refuses such an escape; so does this reader,
 * in YAML and in JSON alike, so that what is kept is what was sent.
 */
final class LoneSurrogates {

	/** go-yaml's words for it. */
	static final String PROBLEM = "found invalid Unicode character escape code";

	private static final Pattern SURROGATE_ESCAPE = Pattern.compile("\\\\u[dD][89a-fA-F]");

	private LoneSurrogates() {
	}

	/** Whether the text holds a surrogate that is not part of a pair. */
	static boolean in(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Refuses a JSON tree with a lone surrogate in a key or a value, naming the field;
	 * only a text with a surrogate's escape is walked.
	 */
	static void refuseIn(JsonNode tree, String text) {
		if (SURROGATE_ESCAPE.matcher(text).find()) {
			refuseAt(tree, "");
		}
	}

	private static void refuseAt(JsonNode node, String path) {
		if (node.isString() && in(node.asString())) {
			throw new ManifestParseException(PROBLEM + " in the value of " + (path.isEmpty() ? "the document" : path),
					0, 0);
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
				if (in(entry.getKey())) {
					throw new ManifestParseException(PROBLEM + " in the key " + field, 0, 0);
				}
				refuseAt(entry.getValue(), field);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				refuseAt(node.get(i), path + "[" + i + "]");
			}
		}
	}

}
