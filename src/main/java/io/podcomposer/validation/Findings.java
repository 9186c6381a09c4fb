package io.podcomposer.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects what the rules find, each finding tagged with the rule that is running. */
public final class Findings {

	private final List<Finding> errors = new ArrayList<>();

	private final List<Finding> warnings = new ArrayList<>();

	private ValidationRule rule;

	void runAs(ValidationRule rule) {
		this.rule = rule;
	}

	public void add(String path, String message) {
		Finding finding = new Finding(path, message, this.rule.id());
		(this.rule.severity() == Severity.ERROR ? this.errors : this.warnings).add(finding);
	}

	List<Finding> errors() {
		return this.errors;
	}

	List<Finding> warnings() {
		return this.warnings;
	}

}
