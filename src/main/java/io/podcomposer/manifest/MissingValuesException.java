package io.podcomposer.manifest;

import java.util.List;

/** Required parameters that got neither a value nor a default, all of them at once. */
public class MissingValuesException extends RuntimeException {

	private final List<String> names;

	public MissingValuesException(List<String> names) {
		super("missing required values: " + String.join(", ", names));
		this.names = List.copyOf(names);
	}

	public List<String> names() {
		return this.names;
	}

}
