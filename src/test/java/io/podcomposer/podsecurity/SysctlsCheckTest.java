package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class SysctlsCheckTest {

	private final SysctlsCheck check = new SysctlsCheck();

	@Test
	void passesSafeSysctlsUpTo137() {
		assertThat(this.check.check(view(pod("""
				securityContext:
				  sysctls:
				  - {name: kernel.shm_rmid_forced, value: "1"}
				  - {name: net.ipv4.ip_local_reserved_ports, value: "1024-4999"}
				  - {name: net.ipv4.tcp_wmem, value: "4096 16384 4194304"}
				  - {name: net.ipv4.tcp_slow_start_after_idle, value: "0"}
				  - {name: net.ipv4.tcp_notsent_lowat, value: "16384"}
				containers:
				- name: a
				""")))).isNull();
	}

	@InEachKind
	void failsOtherSysctlsInTheirOrder(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				securityContext:
				  sysctls:
				  - {name: vm.swappiness, value: "10"}
				  - {name: kernel.shm_rmid_forced, value: "1"}
				  - {name: kernel.msgmax, value: "65536"}
				containers:
				- name: a
				"""))))
			.isEqualTo(new Violation(Level.BASELINE, "sysctls", "forbidden sysctls", "vm.swappiness, kernel.msgmax",
					paths(kind, "spec.securityContext.sysctls[0].name", "spec.securityContext.sysctls[2].name")));
	}

}
