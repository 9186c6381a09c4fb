package io.podcomposer.validation;

/**
 * The API server's field error texts, the part after the path, as k8s.io/apimachinery's
 * {@code field.Error} writes them: {@code Invalid value: "Web": <detail>},
 * {@code Required value}, {@code Duplicate value: "web"},
 * {@code Unsupported value: "x": supported values: "a", "b"}.
 */
final class Messages {

	static final String REQUIRED = "Required value";

	/** Upstream's IsNegativeErrorMsg. */
	static final String NOT_NEGATIVE = "must be greater than or equal to 0";

	private Messages() {
	}

	static String required(String detail) {
		return REQUIRED + ": " + detail;
	}

	static String invalid(String value, String detail) {
		return "Invalid value: " + quote(value) + ": " + detail;
	}

	/** Numbers and booleans are written bare, as Go's {@code %v} does. */
	static String invalid(Object bare, String detail) {
		return "Invalid value: " + bare + ": " + detail;
	}

	/** A value written as upstream prints it, unquoted: a Go map, say. */
	static String invalidAsShown(String shown, String detail) {
		return "Invalid value: " + shown + ": " + detail;
	}

	static String duplicate(String value) {
		return "Duplicate value: " + quote(value);
	}

	static String notFound(String value) {
		return "Not found: " + quote(value);
	}

	static String notFound(String value, String detail) {
		return "Not found: " + quote(value) + ": " + detail;
	}

	static String notSupported(String value, String supportedValues) {
		return "Unsupported value: " + quote(value) + ": " + supportedValues;
	}

	/** Built once per rule: {@code supported values: "Always", "Never"}. */
	static String supportedValues(String... values) {
		StringBuilder text = new StringBuilder("supported values: ");
		for (int i = 0; i < values.length; i++) {
			text.append(i == 0 ? "" : ", ").append(quote(values[i]));
		}
		return text.toString();
	}

	static String forbidden(String detail) {
		return "Forbidden: " + detail;
	}

	static String tooLong(int bytes) {
		return "Too long: must have at most " + bytes + " bytes";
	}

	/**
	 * A string as Go's {@code %q} writes it: in double quotes, with escapes for quotes
	 * and controls.
	 */
	static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		value.codePoints().forEach((c) -> {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						quoted.append(String.format("\\x%02x", c));
					}
					else if (Character.isISOControl(c) || !Character.isDefined(c)) {
						quoted.append(String.format("\\u%04x", c));
					}
					else {
						quoted.appendCodePoint(c);
					}
				}
			}
		});
		return quoted.append('"').toString();
	}

}
