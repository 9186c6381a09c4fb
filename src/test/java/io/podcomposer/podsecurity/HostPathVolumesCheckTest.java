package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class HostPathVolumesCheckTest {

	private final HostPathVolumesCheck check = new HostPathVolumesCheck();

	@Test
	void passesOtherVolumes() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				volumes:
				- name: cache
				  emptyDir: {}
				- name: odd
				  hostPath: null
				""")))).isNull();
	}

	@InEachKind
	void failsHostPathVolumes(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				containers:
				- name: a
				volumes:
				- name: a
				  hostPath:
				    path: /a
				- name: cache
				  emptyDir: {}
				- name: b
				  hostPath:
				    path: /b
				""")))).isEqualTo(new Violation(Level.BASELINE, "hostPathVolumes", "hostPath volumes",
				"volumes \"a\", \"b\"", paths(kind, "spec.volumes[0].hostPath", "spec.volumes[2].hostPath")));
	}

	@Test
	void failsOne() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				volumes:
				- name: root
				  hostPath:
				    path: /
				""")))).isEqualTo(new Violation(Level.BASELINE, "hostPathVolumes", "hostPath volumes",
				"volume \"root\"", paths(WorkloadKind.POD, "spec.volumes[0].hostPath")));
	}

}
