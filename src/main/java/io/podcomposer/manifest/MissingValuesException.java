package io.podcomposer.manifest;

import java.util.List;

import io.podcomposer.system.DomainException;
import io.podcomposer.system.FieldProblem;

/** Required parameters that got neither a value nor a default, all of them at once. */
public class MissingValuesException extends DomainException {

	private final List<String> names;

	public MissingValuesException(List<String> names) {
		super(Kind.INVALID, "Missing values", "missing required values: " + String.join(", ", names));
		this.names = List.copyOf(names);
		property("errors",
				this.names.stream()
					.map((name) -> new FieldProblem("values." + name,
							"required parameter " + name + " has neither a value nor a default", "required"))
					.toList());
	}

	public List<String> names() {
		return this.names;
	}

}
