package io.podcomposer.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.Level;
import io.podcomposer.podsecurity.PodSecurityResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.podcomposer.validation.RuleTesting.cronJob;
import static io.podcomposer.validation.RuleTesting.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ValidatorTest {

	private static final List<String> EXAMPLES = List.of("two-containers", "shared-volume", "ipc-lock");

	@ParameterizedTest
	@ValueSource(strings = { "two-containers", "shared-volume", "ipc-lock" })
	void theComposerExamplesHaveNoErrors(String example) throws IOException {
		ValidationReport report = Validator.validate(example(example));

		assertThat(report.errors()).isEmpty();
		assertThat(report.valid()).isTrue();
	}

	@Test
	void theIpcLockExampleIsPrivilegedInTheAdmissionControllersWords() throws IOException {
		PodSecurityResult podSecurity = Validator.validate(example("ipc-lock")).podSecurity();

		assertThat(podSecurity.level()).isEqualTo(Level.PRIVILEGED);
		assertThat(podSecurity.violations()).filteredOn((violation) -> violation.level() == Level.BASELINE)
			.singleElement()
			.satisfies((violation) -> {
				assertThat(violation.check()).isEqualTo("capabilities_baseline");
				assertThat(violation.reason()).isEqualTo("non-default capabilities");
				assertThat(violation.detail()).isEqualTo(
						"container \"container2\" must not include \"IPC_LOCK\" in securityContext.capabilities.add");
				assertThat(violation.paths()).containsExactly("spec.containers[1].securityContext.capabilities.add");
			});
	}

	@ParameterizedTest
	@EnumSource(WorkloadKind.class)
	void theExamplesStayValidAsEveryKind(WorkloadKind kind) throws IOException {
		for (String example : EXAMPLES) {
			Manifest converted = example(example).convertTo(kind).manifest();
			assertThat(Validator.validate(converted).errors()).as(example + " as " + kind).isEmpty();
		}
	}

	@Test
	void aMisspeltCapabilityIsAnErrorNotAHint() {
		ValidationReport report = Validator.validate(Manifest.of(ManifestReader.readYaml("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				spec:
				  containers:
				  - name: web
				    image: nginx:1.27
				    securityContext:
				      capabilities:
				        add: [IPC_LOK]
				""")));

		assertThat(report.valid()).isFalse();
		assertThat(report.errors()).extracting(Finding::rule, Finding::path)
			.containsExactly(tuple("unknown-capability", "spec.containers[0].securityContext.capabilities.add[0]"));
		assertThat(report.warnings()).extracting(Finding::rule).doesNotContain("unknown-capability");
	}

	@Test
	void aDeploymentsPodErrorsHaveTheTemplatePaths() {
		ValidationReport report = Validator.validate(Manifest.of(ManifestReader.readYaml(deployment("""
				containers:
				- name: Web
				  image: nginx:1.27
				  volumeMounts:
				  - name: data
				    mountPath: /data
				"""))));

		assertThat(report.valid()).isFalse();
		assertThat(report.errors()).extracting(Finding::rule, Finding::path)
			.containsExactly(tuple("names", "spec.template.spec.containers[0].name"),
					tuple("volume-mounts", "spec.template.spec.containers[0].volumeMounts[0].name"));
	}

	@Test
	void aCronJobsPodErrorsHaveTheJobTemplatePaths() {
		ValidationReport report = Validator.validate(Manifest.of(ManifestReader.readYaml(cronJob("""
				containers:
				- name: job
				  image: busybox:1.36
				  ports:
				  - containerPort: 0
				""").replace("\"0 * * * *\"", "\"0 * * *\""))));

		assertThat(report.errors()).extracting(Finding::rule, Finding::path)
			.containsExactly(tuple("ports", "spec.jobTemplate.spec.template.spec.containers[0].ports[0].containerPort"),
					tuple("workload-restart-policy", "spec.jobTemplate.spec.template.spec.restartPolicy"),
					tuple("cron-schedule", "spec.schedule"));
	}

	@Test
	void everyRuleHasItsOwnId() {
		assertThat(ValidationRules.ALL).extracting(ValidationRule::id).doesNotHaveDuplicates();
	}

	private static Manifest example(String name) throws IOException {
		try (InputStream in = ValidatorTest.class.getResourceAsStream("/examples/" + name + ".yaml")) {
			return Manifest.of(ManifestReader.readYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
	}

}
