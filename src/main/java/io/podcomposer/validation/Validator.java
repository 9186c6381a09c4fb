package io.podcomposer.validation;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.PodView;
import io.podcomposer.podsecurity.PodSecurityEvaluator;

/**
 * Runs every rule of {@link ValidationRules} and the Pod Security checks over one
 * manifest.
 */
public final class Validator {

	private Validator() {
	}

	public static ValidationReport validate(Manifest manifest) {
		PodView pod = new PodView(manifest);
		Findings findings = new Findings();
		for (ValidationRule rule : ValidationRules.ALL) {
			findings.runAs(rule);
			rule.check(pod, findings);
		}
		return new ValidationReport(findings.errors().isEmpty(), findings.errors(), findings.warnings(),
				PodSecurityEvaluator.evaluate(pod));
	}

}
