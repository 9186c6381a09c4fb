package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class SeLinuxOptionsCheckTest {

	private final SeLinuxOptionsCheck check = new SeLinuxOptionsCheck();

	@Test
	void passesContainerTypesAndLevels() {
		assertThat(this.check.check(view(pod("""
				securityContext:
				  seLinuxOptions:
				    type: container_t
				    level: s0:c123,c456
				containers:
				- name: a
				  securityContext:
				    seLinuxOptions:
				      type: container_engine_t
				- name: b
				  securityContext:
				    seLinuxOptions: {}
				""")))).isNull();
	}

	@InEachKind
	void failsTypesUserAndRole(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				securityContext:
				  seLinuxOptions:
				    type: foo
				    user: bar
				containers:
				- name: a
				  securityContext:
				    seLinuxOptions:
				      type: container_t
				- name: e
				  securityContext:
				    seLinuxOptions:
				      type: bar
				- name: g
				  securityContext:
				    seLinuxOptions:
				      role: baz
				""")))).isEqualTo(new Violation(Level.BASELINE, "seLinuxOptions", "seLinuxOptions",
				"pod and containers \"e\", \"g\" set forbidden securityContext.seLinuxOptions: "
						+ "types \"bar\", \"foo\"; user may not be set; role may not be set",
				paths(kind, "spec.securityContext.seLinuxOptions.type", "spec.securityContext.seLinuxOptions.user",
						"spec.containers[1].securityContext.seLinuxOptions.type",
						"spec.containers[2].securityContext.seLinuxOptions.role")));
	}

	@Test
	void failsAUserAlone() {
		assertThat(this.check.check(view(pod("""
				securityContext:
				  seLinuxOptions:
				    user: somevalue
				containers:
				- name: a
				""")))).isEqualTo(new Violation(Level.BASELINE, "seLinuxOptions", "seLinuxOptions",
				"pod set forbidden securityContext.seLinuxOptions: user may not be set",
				paths(WorkloadKind.POD, "spec.securityContext.seLinuxOptions.user")));
	}

}
