package io.podcomposer.validation;

import java.util.List;

import io.podcomposer.manifest.Nodes;
import tools.jackson.databind.JsonNode;

/**
 * A field that takes one of a few values. Unset or empty is fine: the API server puts its
 * default there before it validates.
 */
final class AllowedValues {

	private final List<String> values;

	private final String supportedValues;

	AllowedValues(String... values) {
		this.values = List.of(values);
		this.supportedValues = Messages.supportedValues(values);
	}

	void check(JsonNode node, String path, Findings findings) {
		String problem = problem(node);
		if (problem != null) {
			findings.add(path, problem);
		}
	}

	/**
	 * The message for a value that is none of these, else null; for a path made only when
	 * needed.
	 */
	String problem(JsonNode node) {
		String value = Nodes.nonEmptyText(node);
		return (value != null && !this.values.contains(value)) ? Messages.notSupported(value, this.supportedValues)
				: null;
	}

}
