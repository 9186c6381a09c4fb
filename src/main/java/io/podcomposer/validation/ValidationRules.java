package io.podcomposer.validation;

import java.util.List;

/** Every rule the validator runs: the API server's (errors) and the best-practice hints (warnings). */
final class ValidationRules {

	static final List<ValidationRule> ALL = List.of();

	private ValidationRules() {
	}

}
