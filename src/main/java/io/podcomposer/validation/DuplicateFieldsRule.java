package io.podcomposer.validation;

import java.util.List;

import io.podcomposer.manifest.PodView;

/**
 * {@code duplicate-field}: no field is given twice within one mapping of the YAML text.
 * kubectl reads such a text (the last value wins), and the API server's strict decoding,
 * which kubectl asks for, refuses it with
 * {@code strict decoding error: duplicate field "spec.replicas"}, the field's whole path.
 * Reported at that path for each repeated field the reader found.
 */
final class DuplicateFieldsRule extends ApiServerRule {

	DuplicateFieldsRule() {
		super("duplicate-field");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		report(pod.manifest().duplicateFields(), findings);
	}

	/**
	 * The same findings for an object of any kind, given the fields its text repeated.
	 */
	static void report(List<String> duplicateFields, Findings findings) {
		for (String field : duplicateFields) {
			findings.add(field, "strict decoding error: duplicate field " + Messages.quote(field));
		}
	}

}
