package io.podcomposer.validation;

import java.util.regex.Pattern;

import io.podcomposer.manifest.Nodes;
import tools.jackson.databind.JsonNode;

/**
 * An int-or-string count of pods ({@code maxUnavailable}, {@code maxSurge}) as the apps
 * API reads it: a number, or a percentage such as {@code 25%}. A string that is no
 * percentage counts as its leading number or 0, as upstream's {@code IntValue} reads it.
 */
record IntOrPercent(JsonNode node) {

	private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

	static final String PERCENT_ERROR = Names.regexError(
			"a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%");

	/**
	 * A number or a string; anything else (or unset) is none, the structure rule's or a
	 * default's.
	 */
	static IntOrPercent of(JsonNode node) {
		return (node.isIntegralNumber() || node.isString()) ? new IntOrPercent(node) : null;
	}

	boolean isPercent() {
		return this.node.isString() && PERCENT.matcher(this.node.stringValue()).matches();
	}

	boolean isMalformedString() {
		return this.node.isString() && !isPercent();
	}

	/** The number, or the percentage's number; 0 for a malformed string. */
	long value() {
		if (this.node.isIntegralNumber()) {
			Long value = Nodes.integer(this.node);
			return value;
		}
		String text = this.node.stringValue();
		if (isPercent()) {
			return Long.parseLong(text.substring(0, Math.min(text.length() - 1, 18)));
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * As Go's {@code %#v} prints an {@code intstr.IntOrString}, the way upstream shows
	 * one.
	 */
	String goValue() {
		return this.node.isString()
				? "intstr.IntOrString{Type:1, IntVal:0, StrVal:" + Messages.quote(this.node.stringValue()) + "}"
				: "intstr.IntOrString{Type:0, IntVal:" + value() + ", StrVal:\"\"}";
	}

}
