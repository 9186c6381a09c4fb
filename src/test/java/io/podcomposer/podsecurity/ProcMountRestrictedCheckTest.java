package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class ProcMountRestrictedCheckTest {

	private final ProcMountRestrictedCheck check = new ProcMountRestrictedCheck();

	@Test
	void passesDefault() {
		assertThat(this.check.check(view(pod("""
				hostUsers: false
				containers:
				- name: a
				  securityContext:
				    procMount: Default
				- name: b
				""")))).isNull();
	}

	@InEachKind
	void failsUnmaskedEvenInAUserNamespace(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				hostUsers: false
				containers:
				- name: a
				  securityContext:
				    procMount: Unmasked
				""")))).isEqualTo(new Violation(Level.RESTRICTED, "procMount_restricted", "procMount",
				"container \"a\" must not set securityContext.procMount to \"Unmasked\"",
				paths(kind, "spec.containers[0].securityContext.procMount")));
	}

}
