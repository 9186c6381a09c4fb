package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class AppArmorProfileCheckTest {

	private final AppArmorProfileCheck check = new AppArmorProfileCheck();

	@Test
	void passesAllowedFieldsAndAnnotations() {
		assertThat(this.check.check(view(pod("""
				container.apparmor.security.beta.kubernetes.io/a: runtime/default
				container.apparmor.security.beta.kubernetes.io/b: localhost/custom
				container.apparmor.security.beta.kubernetes.io/c: ""
				team: unconfined
				""", """
				securityContext:
				  appArmorProfile:
				    type: RuntimeDefault
				containers:
				- name: a
				  securityContext:
				    appArmorProfile:
				      type: Localhost
				      localhostProfile: custom
				""")))).isNull();
	}

	@InEachKind
	void failsFieldsAndAnnotations(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				container.apparmor.security.beta.kubernetes.io/b: unconfined
				container.apparmor.security.beta.kubernetes.io/a: 'say "hi"'
				""", """
				securityContext:
				  appArmorProfile:
				    type: Unconfined
				containers:
				- name: a
				  securityContext:
				    appArmorProfile:
				      type: Unconfined
				- name: b
				  securityContext:
				    appArmorProfile: {}
				""")))).isEqualTo(new Violation(Level.BASELINE, "appArmorProfile", "forbidden AppArmor profiles",
				"pod and containers \"a\", \"b\" and annotations must not set AppArmor profile type to \"\", \"Unconfined\", "
						+ "\"container.apparmor.security.beta.kubernetes.io/a=\"say \\\"hi\\\"\"\", "
						+ "\"container.apparmor.security.beta.kubernetes.io/b=\"unconfined\"\"",
				paths(kind, "spec.securityContext.appArmorProfile.type",
						"spec.containers[0].securityContext.appArmorProfile.type",
						"spec.containers[1].securityContext.appArmorProfile.type",
						"metadata.annotations[container.apparmor.security.beta.kubernetes.io/a]",
						"metadata.annotations[container.apparmor.security.beta.kubernetes.io/b]")));
	}

	@Test
	void failsOneAnnotation() {
		assertThat(this.check.check(view(pod("""
				container.apparmor.security.beta.kubernetes.io/a: unconfined
				""", """
				containers:
				- name: a
				""")))).isEqualTo(new Violation(Level.BASELINE, "appArmorProfile", "forbidden AppArmor profile",
				"annotation must not set AppArmor profile type to "
						+ "\"container.apparmor.security.beta.kubernetes.io/a=\"unconfined\"\"",
				paths(WorkloadKind.POD, "metadata.annotations[container.apparmor.security.beta.kubernetes.io/a]")));
	}

	@Test
	void sortsAnnotationsAsUpstreamWritesThem() {
		// upstream sorts key="value": '-' sorts before '=', so a-b comes before a
		assertThat(this.check.check(view(pod("""
				container.apparmor.security.beta.kubernetes.io/a: unconfined
				container.apparmor.security.beta.kubernetes.io/a-b: unconfined
				""", """
				containers:
				- name: a
				"""))).detail()).isEqualTo("annotations must not set AppArmor profile type to "
				+ "\"container.apparmor.security.beta.kubernetes.io/a-b=\"unconfined\"\", "
				+ "\"container.apparmor.security.beta.kubernetes.io/a=\"unconfined\"\"");
	}

}
