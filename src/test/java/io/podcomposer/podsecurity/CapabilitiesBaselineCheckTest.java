package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class CapabilitiesBaselineCheckTest {

	private final CapabilitiesBaselineCheck check = new CapabilitiesBaselineCheck();

	@Test
	void passesTheDefaultSet() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  securityContext:
				    capabilities:
				      add: [AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP,
				        SETGID, SETPCAP, SETUID, SYS_CHROOT]
				      drop: [NET_RAW]
				""")))).isNull();
	}

	@InEachKind
	void failsCapabilitiesBeyondTheDefaultSet(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				initContainers:
				- name: init
				  securityContext:
				    capabilities:
				      add: [NET_RAW, chown]
				containers:
				- name: a
				  securityContext:
				    capabilities:
				      add: [CHOWN, SYS_ADMIN, CAP_CHOWN, NET_RAW]
				""")))).isEqualTo(new Violation(Level.BASELINE, "capabilities_baseline", "non-default capabilities",
				"containers \"init\", \"a\" must not include \"CAP_CHOWN\", \"NET_RAW\", \"SYS_ADMIN\", \"chown\" "
						+ "in securityContext.capabilities.add",
				paths(kind, "spec.initContainers[0].securityContext.capabilities.add",
						"spec.containers[0].securityContext.capabilities.add")));
	}

	@Test
	void readsAnObjectAsNoList() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  securityContext:
				    capabilities:
				      add: {x: SYS_ADMIN}
				""")))).isNull();
	}

}
