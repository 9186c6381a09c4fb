package io.podcomposer.podsecurity;

import java.util.Collection;

/**
 * How the admission controller words its details, so that the portal's read the same:
 * names quoted and joined with commas, singular or plural after the count.
 */
final class Words {

	private Words() {
	}

	/** {@code "a", "b"}; empty for no items. Upstream quotes without escaping. */
	static String joinQuote(Collection<String> items) {
		return items.isEmpty() ? "" : "\"" + String.join("\", \"", items) + "\"";
	}

	static String pluralize(String singular, String plural, int count) {
		return (count == 1) ? singular : plural;
	}

	/** {@code container "a"} or {@code containers "a", "b"}. */
	static String containers(Collection<String> names) {
		return pluralize("container", "containers", names.size()) + " " + joinQuote(names);
	}

	/** {@code volume "a"} or {@code volumes "a", "b"}. */
	static String volumes(Collection<String> names) {
		return pluralize("volume", "volumes", names.size()) + " " + joinQuote(names);
	}

	/** {@code uses} for one subject, {@code use} for more. */
	static String use(int subjects) {
		return pluralize("uses", "use", subjects);
	}

	/** A Go-quoted string, as {@code %q} writes annotation values into a detail. */
	static String goQuote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case 0x07 -> quoted.append("\\a");
				case '\b' -> quoted.append("\\b");
				case '\f' -> quoted.append("\\f");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				case 0x0B -> quoted.append("\\v");
				default -> {
					if (c < 0x20 || c == 0x7F) {
						quoted.append(String.format("\\x%02x", c));
					}
					else if (Character.isISOControl(c) || !Character.isDefined(c)) {
						quoted.append((c <= 0xFFFF) ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
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
