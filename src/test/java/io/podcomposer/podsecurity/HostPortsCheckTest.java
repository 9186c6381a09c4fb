package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class HostPortsCheckTest {

	private final HostPortsCheck check = new HostPortsCheck();

	@Test
	void passesContainerPortsOnly() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  ports:
				  - containerPort: 8080
				  - containerPort: 9090
				    hostPort: 0
				""")))).isNull();
	}

	@InEachKind
	void failsHostPortsSortedAsText(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				containers:
				- name: a
				  ports:
				  - containerPort: 80
				- name: b
				  ports:
				  - containerPort: 8080
				    hostPort: 8080
				  - containerPort: 10000
				    hostPort: 10000
				- name: c
				  ports:
				  - containerPort: 8080
				    hostPort: 8080
				""")))).isEqualTo(new Violation(Level.BASELINE, "hostPorts", "hostPort",
				"containers \"b\", \"c\" use hostPorts 10000, 8080", paths(kind, "spec.containers[1].ports[0].hostPort",
						"spec.containers[1].ports[1].hostPort", "spec.containers[2].ports[0].hostPort")));
	}

	@Test
	void failsOne() {
		assertThat(this.check.check(view(pod("""
				initContainers:
				- name: init
				  ports:
				  - containerPort: 53
				    hostPort: 53
				containers:
				- name: a
				"""))))
			.isEqualTo(new Violation(Level.BASELINE, "hostPorts", "hostPort", "container \"init\" uses hostPort 53",
					paths(WorkloadKind.POD, "spec.initContainers[0].ports[0].hostPort")));
	}

}
