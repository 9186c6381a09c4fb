package io.podcomposer.podsecurity;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The Pod Security Standards levels, from least to most restricted. */
public enum Level {

	PRIVILEGED, BASELINE, RESTRICTED;

	/**
	 * As the admission controller and namespace labels write it: privileged, baseline,
	 * restricted.
	 */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
