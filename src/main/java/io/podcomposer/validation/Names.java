package io.podcomposer.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The name formats of k8s.io/apimachinery/pkg/util/validation, with the API server's
 * messages: DNS-1123 labels and subdomains, qualified names (label keys), label values
 * and IANA service names (port names). Each check answers the messages for what is wrong,
 * none when the value is fine; each message is one finding, as each is one field error
 * upstream.
 */
final class Names {

	static final int LABEL_MAX = 63;

	static final int SUBDOMAIN_MAX = 253;

	/** IsValidPortNum's message. */
	static final String PORT_RANGE = "must be between 1 and 65535, inclusive";

	private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

	private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";

	private static final String KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";

	private static final String VALUE_FMT = "(" + KEY_FMT + ")?";

	private static final Pattern LABEL = Pattern.compile(LABEL_FMT);

	private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);

	private static final Pattern KEY = Pattern.compile(KEY_FMT);

	private static final Pattern VALUE = Pattern.compile(VALUE_FMT);

	private static final Pattern PORT_NAME_CHARS = Pattern.compile("[-a-z0-9]+");

	private static final String LABEL_MESSAGE = regexError(
			"a lowercase RFC 1123 label must consist of lower case "
					+ "alphanumeric characters or '-', and must start and end with an alphanumeric character",
			LABEL_FMT, "my-name", "123-abc");

	private static final String SUBDOMAIN_MESSAGE = regexError("a lowercase RFC 1123 subdomain must consist of "
			+ "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
			SUBDOMAIN_FMT, "example.com");

	private static final String KEY_MESSAGE = regexError("must consist of alphanumeric characters, '-', '_' or '.', "
			+ "and must start and end with an alphanumeric character", KEY_FMT, "MyName", "my.name", "123-abc");

	private static final String VALUE_MESSAGE = regexError(
			"a valid label must be an empty string or consist of "
					+ "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
			VALUE_FMT, "MyValue", "my_value", "12345");

	private Names() {
	}

	/** IsDNS1123Label: container, volume and namespace names. */
	static List<String> dns1123Label(String value) {
		// a valid subdomain that is no label can only be one with dots
		return lengthAndFormat(value, LABEL_MAX, LABEL,
				() -> SUBDOMAIN.matcher(value).matches() ? "must not contain dots" : LABEL_MESSAGE);
	}

	/** IsDNS1123Subdomain: object names. */
	static List<String> dns1123Subdomain(String value) {
		return lengthAndFormat(value, SUBDOMAIN_MAX, SUBDOMAIN, () -> SUBDOMAIN_MESSAGE);
	}

	/**
	 * IsQualifiedName (a label key): an optional DNS subdomain prefix and '/', then a
	 * name of 63 at most.
	 */
	static List<String> qualifiedName(String value) {
		int slash = value.indexOf('/');
		if (slash >= 0 && value.indexOf('/', slash + 1) >= 0) {
			return List.of("a valid label key " + KEY_MESSAGE
					+ " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
		}
		String name = value.substring(slash + 1);
		if (slash < 0 && !name.isEmpty() && name.length() <= LABEL_MAX && KEY.matcher(name).matches()) {
			return List.of();
		}
		List<String> messages = new ArrayList<>(2);
		if (slash >= 0) {
			String prefix = value.substring(0, slash);
			if (prefix.isEmpty()) {
				messages.add("prefix part must be non-empty");
			}
			else {
				dns1123Subdomain(prefix).forEach((message) -> messages.add("prefix part " + message));
			}
		}
		if (name.isEmpty()) {
			messages.add("name part must be non-empty");
		}
		else if (name.length() > LABEL_MAX) {
			messages.add("name part " + maxLength(LABEL_MAX));
		}
		if (!KEY.matcher(name).matches()) {
			messages.add("name part " + KEY_MESSAGE);
		}
		return messages;
	}

	/** IsValidLabelValue: empty, or 63 characters at most of the label key's alphabet. */
	static List<String> labelValue(String value) {
		return lengthAndFormat(value, LABEL_MAX, VALUE, () -> VALUE_MESSAGE);
	}

	/**
	 * IsValidPortName: an IANA service name, 15 characters at most with at least one
	 * letter.
	 */
	static List<String> portName(String value) {
		if (isPlainPortName(value)) {
			return List.of();
		}
		List<String> messages = new ArrayList<>(4);
		if (value.length() > 15) {
			messages.add(maxLength(15));
		}
		if (!PORT_NAME_CHARS.matcher(value).matches()) {
			messages.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
		}
		if (value.chars().noneMatch((c) -> c >= 'a' && c <= 'z')) {
			messages.add("must contain at least one letter (a-z)");
		}
		if (value.contains("--")) {
			messages.add("must not contain consecutive hyphens");
		}
		if (!value.isEmpty() && (value.charAt(0) == '-' || value.charAt(value.length() - 1) == '-')) {
			messages.add("must not begin or end with a hyphen");
		}
		return messages;
	}

	/**
	 * The common case, without a regex: 1 to 15 of [-a-z0-9] with a letter, no leading,
	 * trailing or double '-'.
	 */
	private static boolean isPlainPortName(String value) {
		if (value.isEmpty() || value.length() > 15 || value.charAt(0) == '-'
				|| value.charAt(value.length() - 1) == '-') {
			return false;
		}
		boolean letter = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			letter |= c >= 'a' && c <= 'z';
			boolean digit = c >= '0' && c <= '9';
			if (!(c >= 'a' && c <= 'z') && !digit && (c != '-' || value.charAt(i - 1) == '-')) {
				return false;
			}
		}
		return letter;
	}

	/** Upstream's two checks of most formats: the length, then the regex. */
	private static List<String> lengthAndFormat(String value, int max, Pattern format, Supplier<String> formatMessage) {
		boolean tooLong = value.length() > max;
		boolean malformed = !format.matcher(value).matches();
		if (!tooLong && !malformed) {
			return List.of();
		}
		List<String> messages = new ArrayList<>(2);
		if (tooLong) {
			messages.add(maxLength(max));
		}
		if (malformed) {
			messages.add(formatMessage.get());
		}
		return messages;
	}

	static String maxLength(int length) {
		return "must be no more than " + length + " characters";
	}

	/** RegexError: the message, examples and the regex, in upstream's punctuation. */
	static String regexError(String message, String format, String... examples) {
		StringBuilder text = new StringBuilder(message).append(" (e.g. ");
		for (int i = 0; i < examples.length; i++) {
			text.append(i == 0 ? "" : " or ").append('\'').append(examples[i]).append("', ");
		}
		return text.append("regex used for validation is '").append(format).append("')").toString();
	}

}
