package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.deployment;
import static io.podcomposer.validation.RuleTesting.finding;

class LabelsRuleTest {

	private static final String KEY_NAME_MESSAGE = "name part must consist of alphanumeric characters, '-', '_' or "
			+ "'.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
			+ "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

	private final LabelsRule rule = new LabelsRule();

	@Test
	void acceptsQualifiedKeysAndLabelValues() {
		assertFindings(this.rule, """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  labels:
				    app.kubernetes.io/name: web
				    tier: ""
				    Version: v1.2_3
				  annotations:
				    Example.COM/Owner: "Team Platform, room 4"
				spec:
				  nodeSelector:
				    kubernetes.io/os: linux
				""");
	}

	@Test
	void reportsBadKeysAndValuesAtTheMap() {
		assertFindings(this.rule, """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  labels:
				    -app: web
				    team: platform team
				  annotations:
				    example.com/: x
				spec: {}
				""", finding("metadata.labels", "Invalid value: \"-app\": " + KEY_NAME_MESSAGE),
				finding("metadata.labels", "Invalid value: \"platform team\": a valid label must be an empty string "
						+ "or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
						+ "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
						+ "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
				finding("metadata.annotations", "Invalid value: \"example.com/\": name part must be non-empty"),
				finding("metadata.annotations", "Invalid value: \"example.com/\": " + KEY_NAME_MESSAGE));
	}

	@Test
	void labelValuesHoldSixtyThreeCharactersAtMost() {
		String value = "v".repeat(64);
		assertFindings(this.rule,
				deployment(RuleTesting.ONE_CONTAINER).replace("      labels:\n        app: web",
						"      labels:\n        app: web\n        build: " + value),
				finding("spec.template.metadata.labels",
						"Invalid value: \"" + value + "\": must be no more than 63 characters"));
	}

	@Test
	void annotationsHoldTwoHundredFiftySixKibibytesAtMost() {
		String big = "x".repeat(LabelsRule.ANNOTATIONS_MAX_BYTES);
		assertFindings(this.rule, """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  annotations:
				    notes: %s
				spec: {}
				""".formatted(big), finding("metadata.annotations", "Too long: must have at most 262144 bytes"));
	}

}
