package io.podcomposer.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deploy form as sent: where to, which revision, as which kind, with which values
 * (sent as {@code values.NAME}). What cannot be read stays as typed and is refused by the
 * deploy, so that the form can show it again with the reason.
 */
record DeployForm(String clusterId, String namespace, String kind, String revision, Map<String, String> values) {

	private static final String VALUES = "values.";

	static DeployForm read(Map<String, String> params) {
		Map<String, String> values = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(VALUES)) {
				values.put(name.substring(VALUES.length()), value);
			}
		});
		return new DeployForm(params.getOrDefault("clusterId", ""), params.getOrDefault("namespace", ""),
				params.getOrDefault("kind", ""), params.getOrDefault("revision", ""), values);
	}

	/** What the deploy is asked to do; an empty value takes the parameter's default. */
	DeployRequest request(long templateId, boolean dryRun, boolean force, boolean replace) {
		Map<String, String> given = new LinkedHashMap<>(this.values);
		given.values().removeIf(String::isBlank);
		Long revisionNumber = number(this.revision);
		return new DeployRequest(templateId, (revisionNumber == null) ? null : revisionNumber.intValue(),
				number(this.clusterId), this.namespace, given, this.kind.isBlank() ? null : this.kind, dryRun, force,
				replace);
	}

	/** The form's fields, to send it again from a confirmation page. */
	List<Field> fields() {
		List<Field> fields = new ArrayList<>(
				List.of(new Field("clusterId", this.clusterId), new Field("namespace", this.namespace),
						new Field("kind", this.kind), new Field("revision", this.revision)));
		this.values.forEach((name, value) -> fields.add(new Field(VALUES + name, value)));
		return fields;
	}

	/**
	 * The form's fields in one line, to tell a form sent again unchanged: a deploy the
	 * cluster refused is not offered again as it was.
	 */
	public String fingerprint() {
		StringBuilder fields = new StringBuilder();
		new TreeMap<>(this.values).forEach((name, value) -> fields.append(name).append('=').append(value).append('\n'));
		String all = String.join("\n", this.clusterId, this.namespace, this.kind, this.revision) + "\n" + fields;
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	/** The value typed for a parameter, else its default. */
	public String value(String name, String defaultValue) {
		return this.values.getOrDefault(name, defaultValue);
	}

	private static Long number(String text) {
		try {
			return text.isBlank() ? null : Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A hidden field of a form sent again. */
	record Field(String name, String value) {
	}

}
