package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class RunAsUserCheckTest {

	private final RunAsUserCheck check = new RunAsUserCheck();

	@Test
	void passesNonZeroOrUnset() {
		assertThat(this.check.check(view(pod("""
				securityContext:
				  runAsUser: 1000
				containers:
				- name: a
				- name: b
				  securityContext:
				    runAsUser: 1
				""")))).isNull();
	}

	@Test
	void passesRootInAUserNamespace() {
		assertThat(this.check.check(view(pod("""
				hostUsers: false
				securityContext:
				  runAsUser: 0
				containers:
				- name: a
				""")))).isNull();
	}

	@InEachKind
	void failsPodAndContainersWithUserZero(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				securityContext:
				  runAsUser: 0
				containers:
				- name: a
				- name: c
				  securityContext:
				    runAsUser: 0
				""")))).isEqualTo(new Violation(Level.RESTRICTED, "runAsUser", "runAsUser=0",
				"pod and container \"c\" must not set runAsUser=0",
				paths(kind, "spec.securityContext.runAsUser", "spec.containers[1].securityContext.runAsUser")));
	}

}
