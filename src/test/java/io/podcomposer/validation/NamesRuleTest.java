package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static io.podcomposer.validation.RuleTesting.web;

class NamesRuleTest {

	private static final String LABEL_MESSAGE = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
			+ "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
			+ "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

	private final NamesRule rule = new NamesRule();

	@Test
	void acceptsWellFormedNames() {
		assertFindings(this.rule, """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web.example-1
				  namespace: shop
				spec:
				  containers:
				  - name: web
				    image: nginx:1.27
				    ports:
				    - name: http-alt
				      containerPort: 8080
				  initContainers:
				  - name: 0-migrate
				    image: busybox:1.36
				  volumes:
				  - name: data
				    emptyDir: {}
				""");
	}

	@Test
	void containerNameIsALowercaseLabel() {
		assertFindings(this.rule, pod("""
				containers:
				- name: Web
				  image: nginx:1.27
				"""), finding("spec.containers[0].name", "Invalid value: \"Web\": " + LABEL_MESSAGE));
	}

	@Test
	void aLabelWithDotsSaysSo() {
		assertFindings(this.rule, pod("""
				containers:
				- name: web
				  image: nginx:1.27
				volumes:
				- name: my.data
				"""), finding("spec.volumes[0].name", "Invalid value: \"my.data\": must not contain dots"));
	}

	@Test
	void containerAndVolumeNamesAreRequired() {
		assertFindings(this.rule, pod("""
				containers:
				- image: nginx:1.27
				volumes:
				- name: ""
				"""), finding("spec.containers[0].name", "Required value"),
				finding("spec.volumes[0].name", "Required value"));
	}

	@Test
	void objectNameIsASubdomainAndRequiredWithoutGenerateName() {
		assertFindings(this.rule, """
				apiVersion: v1
				kind: Pod
				metadata:
				  namespace: Shop
				spec: {}
				""", finding("metadata.name", "Required value: name or generateName is required"),
				finding("metadata.namespace", "Invalid value: \"Shop\": " + LABEL_MESSAGE));
		assertFindings(this.rule, """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web_1
				spec: {}
				""", finding("metadata.name", "Invalid value: \"web_1\": a lowercase RFC 1123 subdomain must consist "
				+ "of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
				+ "character (e.g. 'example.com', regex used for validation is "
				+ "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
	}

	@Test
	void generateNameMayEndInADash() {
		assertFindings(this.rule, """
				apiVersion: v1
				kind: Pod
				metadata:
				  generateName: web-
				spec: {}
				""");
	}

	@Test
	void statefulSetNameIsALabelAndCronJobNameFitsItsJobs() {
		assertFindings(this.rule, """
				apiVersion: apps/v1
				kind: StatefulSet
				metadata:
				  name: db.main
				spec: {}
				""", finding("metadata.name", "Invalid value: \"db.main\": must not contain dots"));
		String longName = "a".repeat(53);
		assertFindings(this.rule, """
				apiVersion: batch/v1
				kind: CronJob
				metadata:
				  name: %s
				spec: {}
				""".formatted(longName),
				finding("metadata.name", "Invalid value: \"" + longName + "\": must be no more than 52 characters"));
	}

	@Test
	void portNamesAreServiceNames() {
		assertFindings(this.rule, pod(web("""
				ports:
				- name: 8080
				  containerPort: 8080
				- name: HTTP--
				  containerPort: 8081
				""")), finding("spec.containers[0].ports[1].name",
				"Invalid value: \"HTTP--\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"),
				finding("spec.containers[0].ports[1].name",
						"Invalid value: \"HTTP--\": must contain at least one letter (a-z)"),
				finding("spec.containers[0].ports[1].name",
						"Invalid value: \"HTTP--\": must not contain consecutive hyphens"),
				finding("spec.containers[0].ports[1].name",
						"Invalid value: \"HTTP--\": must not begin or end with a hyphen"));
	}

}
