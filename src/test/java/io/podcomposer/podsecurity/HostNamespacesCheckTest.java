package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class HostNamespacesCheckTest {

	private final HostNamespacesCheck check = new HostNamespacesCheck();

	@Test
	void passesUnsetOrFalse() {
		assertThat(this.check.check(view(pod("""
				hostNetwork: false
				hostIPC: false
				containers:
				- name: a
				""")))).isNull();
	}

	@InEachKind
	void failsEveryHostNamespaceInUpstreamOrder(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				hostIPC: true
				hostPID: true
				hostNetwork: true
				containers:
				- name: a
				""")))).isEqualTo(new Violation(Level.BASELINE, "hostNamespaces", "host namespaces",
				"hostNetwork=true, hostPID=true, hostIPC=true",
				paths(kind, "spec.hostNetwork", "spec.hostPID", "spec.hostIPC")));
	}

	@Test
	void failsOne() {
		assertThat(this.check.check(view(pod("""
				hostPID: true
				containers:
				- name: a
				""")))).isEqualTo(new Violation(Level.BASELINE, "hostNamespaces", "host namespaces", "hostPID=true",
				paths(WorkloadKind.POD, "spec.hostPID")));
	}

}
