package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class SeccompProfileBaselineCheckTest {

	private final SeccompProfileBaselineCheck check = new SeccompProfileBaselineCheck();

	@Test
	void passesUnsetOrAllowed() {
		assertThat(this.check.check(view(pod("""
				securityContext:
				  seccompProfile:
				    type: RuntimeDefault
				containers:
				- name: a
				- name: b
				  securityContext:
				    seccompProfile:
				      type: Localhost
				      localhostProfile: profiles/audit.json
				""")))).isNull();
	}

	@InEachKind
	void failsUnconfinedAndEmptyTypes(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				securityContext:
				  seccompProfile:
				    type: Unconfined
				containers:
				- name: a
				  securityContext:
				    seccompProfile: {}
				- name: b
				  securityContext:
				    seccompProfile:
				      type: Unconfined
				""")))).isEqualTo(new Violation(Level.BASELINE, "seccompProfile_baseline", "seccompProfile",
				"pod and containers \"a\", \"b\" must not set securityContext.seccompProfile.type to \"\", \"Unconfined\"",
				paths(kind, "spec.securityContext.seccompProfile.type",
						"spec.containers[0].securityContext.seccompProfile.type",
						"spec.containers[1].securityContext.seccompProfile.type")));
	}

}
