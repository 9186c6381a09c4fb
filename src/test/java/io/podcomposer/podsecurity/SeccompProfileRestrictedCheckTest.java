package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class SeccompProfileRestrictedCheckTest {

	private final SeccompProfileRestrictedCheck check = new SeccompProfileRestrictedCheck();

	@Test
	void passesAPodLevelProfile() {
		assertThat(this.check.check(view(pod("""
				securityContext:
				  seccompProfile:
				    type: RuntimeDefault
				containers:
				- name: a
				""")))).isNull();
	}

	@Test
	void passesProfilesOnEveryContainer() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  securityContext:
				    seccompProfile:
				      type: RuntimeDefault
				""")))).isNull();
	}

	@InEachKind
	void failsContainersLeftWithoutProfile(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				containers:
				- name: a
				  securityContext:
				    seccompProfile:
				      type: RuntimeDefault
				- name: b
				- name: c
				""")))).isEqualTo(new Violation(Level.RESTRICTED, "seccompProfile_restricted", "seccompProfile",
				"pod or containers \"b\", \"c\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
				paths(kind, "spec.securityContext.seccompProfile.type",
						"spec.containers[1].securityContext.seccompProfile.type",
						"spec.containers[2].securityContext.seccompProfile.type")));
	}

	@Test
	void failsForbiddenTypesFirst() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  securityContext:
				    seccompProfile:
				      type: Unconfined
				- name: b
				""")))).isEqualTo(new Violation(Level.RESTRICTED, "seccompProfile_restricted", "seccompProfile",
				"container \"a\" must not set securityContext.seccompProfile.type to \"Unconfined\"",
				paths(WorkloadKind.POD, "spec.containers[0].securityContext.seccompProfile.type")));
	}

}
