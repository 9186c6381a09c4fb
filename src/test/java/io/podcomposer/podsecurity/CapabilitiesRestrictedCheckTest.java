package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class CapabilitiesRestrictedCheckTest {

	private final CapabilitiesRestrictedCheck check = new CapabilitiesRestrictedCheck();

	@Test
	void passesDropAllAndNetBindService() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  securityContext:
				    capabilities:
				      drop: [ALL]
				      add: [NET_BIND_SERVICE]
				""")))).isNull();
	}

	@InEachKind
	void failsMissingDropAndForbiddenAdds(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				containers:
				- name: a
				- name: b
				  securityContext:
				    capabilities:
				      drop: [NET_RAW]
				- name: c
				  securityContext:
				    capabilities:
				      drop: [ALL]
				      add: [NET_BIND_SERVICE, SYS_TIME, CHOWN]
				""")))).isEqualTo(new Violation(Level.RESTRICTED, "capabilities_restricted",
				"unrestricted capabilities",
				"containers \"a\", \"b\" must set securityContext.capabilities.drop=[\"ALL\"]; "
						+ "container \"c\" must not include \"CHOWN\", \"SYS_TIME\" in securityContext.capabilities.add",
				paths(kind, "spec.containers[0].securityContext.capabilities.drop",
						"spec.containers[1].securityContext.capabilities.drop",
						"spec.containers[2].securityContext.capabilities.add")));
	}

}
