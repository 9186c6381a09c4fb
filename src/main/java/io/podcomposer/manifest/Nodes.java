package io.podcomposer.validation;

import java.math.BigInteger;

import tools.jackson.databind.JsonNode;

/**
 * Reading tree values the way the rules need them, on any tree: a value of the wrong type reads
 * as no value, so a rule passes it by and the {@code structure} rule alone reports it.
 */
final class Nodes {

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private Nodes() {
	}

	/** Missing or null: Kubernetes reads both as unset. */
	static boolean absent(JsonNode node) {
		return node == null || node.isMissingNode() || node.isNull();
	}

	/** An object, or unset: a place whose missing fields are really missing, not hidden by a wrong type. */
	static boolean objectOrAbsent(JsonNode node) {
		return absent(node) || node.isObject();
	}

	/** Unset or the empty string, what the API server calls a missing required string. */
	static boolean unsetText(JsonNode node) {
		return absent(node) || (node.isString() && node.stringValue().isEmpty());
	}

	/** The string, or null when the node is not a string. */
	static String text(JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	/** The string when it is a non-empty one, else null. */
	static String nonEmptyText(JsonNode node) {
		String text = text(node);
		return (text == null || text.isEmpty()) ? null : text;
	}

	/** The integer, clamped to a long, or null when the node is not an integer. */
	static Long integer(JsonNode node) {
		if (node == null || !node.isIntegralNumber()) {
			return null;
		}
		if (node.canConvertToLong()) {
			return node.longValue();
		}
		BigInteger value = node.bigIntegerValue();
		return (value.compareTo(LONG_MAX) > 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
	}

	static boolean isTrue(JsonNode node) {
		return node != null && node.isBoolean() && node.booleanValue();
	}

	/** The size of a list, 0 for anything else. */
	static int count(JsonNode node) {
		return (node != null && node.isArray()) ? node.size() : 0;
	}

	/** The length of the text in UTF-8, as Go's {@code len} counts a string. */
	static int utf8Length(String text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
