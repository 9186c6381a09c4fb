package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class ProcMountBaselineCheckTest {

	private final ProcMountBaselineCheck check = new ProcMountBaselineCheck();

	@Test
	void passesDefault() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  securityContext:
				    procMount: Default
				""")))).isNull();
	}

	@Test
	void passesAnyValueInAUserNamespace() {
		assertThat(this.check.check(view(pod("""
				hostUsers: false
				containers:
				- name: a
				  securityContext:
				    procMount: Unmasked
				""")))).isNull();
	}

	@InEachKind
	void failsUnmaskedOnTheHostsUsers(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				hostUsers: true
				initContainers:
				- name: init
				  securityContext:
				    procMount: Unmasked
				containers:
				- name: a
				  securityContext:
				    procMount: Other
				""")))).isEqualTo(new Violation(Level.BASELINE, "procMount", "procMount",
				"containers \"init\", \"a\" must not set securityContext.procMount to \"Other\", \"Unmasked\"",
				paths(kind, "spec.initContainers[0].securityContext.procMount",
						"spec.containers[0].securityContext.procMount")));
	}

}
