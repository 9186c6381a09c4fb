package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class PrivilegedCheckTest {

	private final PrivilegedCheck check = new PrivilegedCheck();

	@Test
	void passesUnsetOrFalse() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				- name: b
				  securityContext:
				    privileged: false
				""")))).isNull();
	}

	@InEachKind
	void failsPrivilegedContainers(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				initContainers:
				- name: init
				  securityContext:
				    privileged: true
				containers:
				- name: a
				- name: b
				  securityContext:
				    privileged: true
				""")))).isEqualTo(new Violation(Level.BASELINE, "privileged", "privileged",
				"containers \"init\", \"b\" must not set securityContext.privileged=true",
				paths(kind, "spec.initContainers[0].securityContext.privileged",
						"spec.containers[1].securityContext.privileged")));
	}

	@Test
	void failsOneEphemeralContainer() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				ephemeralContainers:
				- name: debug
				  securityContext:
				    privileged: true
				""")))).isEqualTo(new Violation(Level.BASELINE, "privileged", "privileged",
				"container \"debug\" must not set securityContext.privileged=true",
				paths(WorkloadKind.POD, "spec.ephemeralContainers[0].securityContext.privileged")));
	}

	@Test
	void readsAStringAsUnset() {
		// the API server rejects "true" as a boolean; the check leaves that to validation
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  securityContext:
				    privileged: "true"
				""")))).isNull();
	}

}
