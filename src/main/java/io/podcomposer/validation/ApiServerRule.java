package io.podcomposer.validation;

/**
 * A rule the API server enforces: its findings are errors, the object would be refused on
 * create.
 */
abstract class ApiServerRule implements ValidationRule {

	private final String id;

	ApiServerRule(String id) {
		this.id = id;
	}

	@Override
	public final String id() {
		return this.id;
	}

	@Override
	public final Severity severity() {
		return Severity.ERROR;
	}

}
