package io.podcomposer.podsecurity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class PodSecurityEvaluatorTest {

	private static final String RESTRICTED_SPEC = """
			securityContext:
			  runAsNonRoot: true
			  seccompProfile:
			    type: RuntimeDefault
			containers:
			- name: app
			  image: nginx
			  securityContext:
			    allowPrivilegeEscalation: false
			    capabilities:
			      drop: [ALL]
			""";

	@Test
	void registersEveryCheckOfTheLatestPolicyOnce() {
		assertThat(PodSecurityChecks.ALL).extracting(PodSecurityCheck::id)
			.containsExactly("privileged", "hostNamespaces", "hostPathVolumes", "hostPorts",
					"hostProbesAndHostLifecycle", "capabilities_baseline", "appArmorProfile", "seLinuxOptions",
					"procMount", "seccompProfile_baseline", "sysctls", "windowsHostProcess", "restrictedVolumes",
					"allowPrivilegeEscalation", "runAsNonRoot", "runAsUser", "seccompProfile_restricted",
					"capabilities_restricted", "procMount_restricted");
		assertThat(PodSecurityChecks.ALL).filteredOn((check) -> check.level() == Level.RESTRICTED)
			.extracting(PodSecurityCheck::id)
			.containsExactly("restrictedVolumes", "allowPrivilegeEscalation", "runAsNonRoot", "runAsUser",
					"seccompProfile_restricted", "capabilities_restricted", "procMount_restricted");
	}

	@Test
	void answersRestrictedForAHardenedPod() {
		PodSecurityResult result = PodSecurityEvaluator.evaluate(view(pod(RESTRICTED_SPEC)));
		assertThat(result.level()).isEqualTo(Level.RESTRICTED);
		assertThat(result.violations()).isEmpty();
	}

	@Test
	void answersBaselineWhenOnlyRestrictedChecksFail() {
		PodSecurityResult result = PodSecurityEvaluator.evaluate(view(pod("""
				containers:
				- name: app
				  image: nginx
				""")));
		assertThat(result.level()).isEqualTo(Level.BASELINE);
		assertThat(result.violations()).extracting(Violation::check)
			.containsExactly("allowPrivilegeEscalation", "runAsNonRoot", "seccompProfile_restricted",
					"capabilities_restricted");
	}

	@Test
	void exemptsWindowsPodsFromTheLinuxOnlyChecks() {
		String spec = """
				securityContext:
				  runAsNonRoot: true
				containers:
				- name: app
				""";
		assertThat(PodSecurityEvaluator.evaluate(view(pod(spec + "os:\n  name: windows\n"))).level())
			.isEqualTo(Level.RESTRICTED);
		assertThat(PodSecurityEvaluator.evaluate(view(pod(spec))).violations()).extracting(Violation::check)
			.containsExactly("allowPrivilegeEscalation", "seccompProfile_restricted", "capabilities_restricted");
	}

	/** The seed case: a second container adds IPC_LOCK. */
	@InEachKind
	void answersPrivilegedForANonDefaultCapability(WorkloadKind kind) {
		PodSecurityResult result = PodSecurityEvaluator.evaluate(view(kind, pod("""
				containers:
				- name: container1
				  image: nginx
				- name: container2
				  image: nginx
				  securityContext:
				    capabilities:
				      add: [IPC_LOCK]
				""")));
		assertThat(result.level()).isEqualTo(Level.PRIVILEGED);
		assertThat(result.violations()).filteredOn((violation) -> violation.level() == Level.BASELINE)
			.containsExactly(new Violation(Level.BASELINE, "capabilities_baseline", "non-default capabilities",
					"container \"container2\" must not include \"IPC_LOCK\" in securityContext.capabilities.add",
					paths(kind, "spec.containers[1].securityContext.capabilities.add")));
	}

	@Test
	void answersBaselineForUnmaskedProcInAUserNamespace() {
		PodSecurityResult result = PodSecurityEvaluator.evaluate(view(pod(RESTRICTED_SPEC.replace("drop: [ALL]", """
				drop: [ALL]
				    procMount: Unmasked""") + "hostUsers: false\n")));
		assertThat(result.level()).isEqualTo(Level.BASELINE);
		assertThat(result.violations()).extracting(Violation::check).containsExactly("procMount_restricted");
	}

	@ParameterizedTest
	@ValueSource(strings = { "spec: []", "spec: {containers: x, initContainers: [7, null, [a]], volumes: {a: b}}",
			"spec: {containers: [{name: 5, securityContext: [x], ports: {p: 1}, livenessProbe: x, lifecycle: [1]}]}",
			"spec: {containers: [{securityContext: {capabilities: {add: [1, null, {x: y}], drop: ALL}}}]}",
			"spec: {securityContext: {sysctls: [x, {name: 5}], seLinuxOptions: x, appArmorProfile: []},"
					+ " os: windows, hostUsers: x, volumes: [x, {name: v, hostPath: x}]}",
			"{metadata: {annotations: {container.apparmor.security.beta.kubernetes.io/a: [x]}}}",
			"{metadata: [x], spec: {containers: [{securityContext: {runAsUser: '0', seccompProfile: {type: 1},"
					+ " procMount: 7, windowsOptions: x, seLinuxOptions: {type: [x], user: 1}}}]}}" })
	void neverThrowsOnOddInput(String fields) {
		String yaml = "apiVersion: v1\nkind: Pod\n" + (fields.startsWith("{")
				? fields.substring(1, fields.length() - 1).replace(", spec:", "\nspec:") : fields);
		PodView pod = view(yaml);
		for (PodSecurityCheck check : PodSecurityChecks.ALL) {
			check.check(pod);
		}
		assertThat(PodSecurityEvaluator.evaluate(pod).level()).isNotNull();
	}

	@Test
	void joinsNamesTheUpstreamWay() {
		assertThat(Words.containers(List.of("a"))).isEqualTo("container \"a\"");
		assertThat(Words.containers(List.of("a", "b"))).isEqualTo("containers \"a\", \"b\"");
		assertThat(Words.joinQuote(List.of())).isEmpty();
		assertThat(Words.goQuote("a\"b\\c\nd\u0001é")).isEqualTo("\"a\\\"b\\\\c\\nd\\x01é\"");
	}

}
