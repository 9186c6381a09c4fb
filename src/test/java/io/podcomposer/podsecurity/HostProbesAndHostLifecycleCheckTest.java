package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class HostProbesAndHostLifecycleCheckTest {

	private final HostProbesAndHostLifecycleCheck check = new HostProbesAndHostLifecycleCheck();

	@Test
	void passesHandlersWithoutHost() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  livenessProbe:
				    httpGet:
				      port: 8080
				  readinessProbe:
				    tcpSocket:
				      port: 8080
				      host: ""
				  lifecycle:
				    preStop:
				      exec:
				        command: [sleep, "5"]
				""")))).isNull();
	}

	@InEachKind
	void failsHostsWithContainersAndHostsSorted(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				containers:
				- name: web
				  startupProbe:
				    httpGet:
				      host: b.example
				      port: 80
				  lifecycle:
				    postStart:
				      tcpSocket:
				        host: 127.0.0.1
				        port: 80
				- name: api
				  readinessProbe:
				    tcpSocket:
				      host: b.example
				      port: 80
				""")))).isEqualTo(new Violation(Level.BASELINE, "hostProbesAndHostLifecycle", "probe or lifecycle host",
				"containers \"api\", \"web\" use probe or lifecycle hosts \"127.0.0.1\", \"b.example\"",
				paths(kind, "spec.containers[0].startupProbe.httpGet.host",
						"spec.containers[0].lifecycle.postStart.tcpSocket.host",
						"spec.containers[1].readinessProbe.tcpSocket.host")));
	}

	@Test
	void failsOneHost() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  livenessProbe:
				    httpGet:
				      host: ::1
				      port: 8080
				""")))).isEqualTo(new Violation(Level.BASELINE, "hostProbesAndHostLifecycle", "probe or lifecycle host",
				"container \"a\" uses probe or lifecycle host \"::1\"",
				paths(WorkloadKind.POD, "spec.containers[0].livenessProbe.httpGet.host")));
	}

}
