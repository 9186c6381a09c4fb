package io.podcomposer.manifest;

import java.math.BigInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reading tree values the way the validation rules and the Pod Security checks need them,
 * on any tree: a value of the wrong type reads as no value, so a rule passes it by and
 * the {@code structure} rule alone reports it (the API server rejects such a manifest
 * anyway).
 */
public final class Nodes {

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private Nodes() {
	}

	/** Missing or null: Kubernetes reads both as unset. */
	public static boolean absent(JsonNode node) {
		return node == null || node.isMissingNode() || node.isNull();
	}

	/**
	 * An object, or unset: a place whose missing fields are really missing, not hidden by
	 * a wrong type.
	 */
	public static boolean objectOrAbsent(JsonNode node) {
		return absent(node) || node.isObject();
	}

	/** Unset or the empty string, what the API server calls a missing required string. */
	public static boolean unsetText(JsonNode node) {
		return absent(node) || (node.isString() && node.stringValue().isEmpty());
	}

	/** The string, or null when the node is not a string. */
	public static String text(JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	/** The string when it is a non-empty one, else null. */
	public static String nonEmptyText(JsonNode node) {
		String text = text(node);
		return (text == null || text.isEmpty()) ? null : text;
	}

	/** The integer, clamped to a long, or null when the node is not an integer. */
	public static Long integer(JsonNode node) {
		if (node == null || !node.isIntegralNumber()) {
			return null;
		}
		if (node.canConvertToLong()) {
			return node.longValue();
		}
		BigInteger value = node.bigIntegerValue();
		return (value.compareTo(LONG_MAX) > 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
	}

	public static boolean isTrue(JsonNode node) {
		return node != null && node.isBoolean() && node.booleanValue();
	}

	public static boolean isFalse(JsonNode node) {
		return node != null && node.isBoolean() && !node.booleanValue();
	}

	/** The string, or "" when unset or not a string, as Go's zero value. */
	public static String textOrEmpty(JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : "";
	}

	/**
	 * The list, or an empty node to loop over when the field is no list (an object would
	 * loop over its values).
	 */
	public static JsonNode array(JsonNode node) {
		return (node != null && node.isArray()) ? node : MissingNode.getInstance();
	}

	/** The size of a list, 0 for anything else. */
	public static int count(JsonNode node) {
		return (node != null && node.isArray()) ? node.size() : 0;
	}

	/** The length of the text in UTF-8, as Go's {@code len} counts a string. */
	public static int utf8Length(String text) {
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
