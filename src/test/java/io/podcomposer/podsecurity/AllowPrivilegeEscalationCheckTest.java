package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class AllowPrivilegeEscalationCheckTest {

	private final AllowPrivilegeEscalationCheck check = new AllowPrivilegeEscalationCheck();

	@Test
	void passesFalse() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  securityContext:
				    allowPrivilegeEscalation: false
				""")))).isNull();
	}

	@InEachKind
	void failsUnsetAndTrue(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				containers:
				- name: a
				- name: b
				  securityContext: {}
				- name: c
				  securityContext:
				    allowPrivilegeEscalation: true
				- name: d
				  securityContext:
				    allowPrivilegeEscalation: false
				"""))))
			.isEqualTo(new Violation(Level.RESTRICTED, "allowPrivilegeEscalation", "allowPrivilegeEscalation != false",
					"containers \"a\", \"b\", \"c\" must set securityContext.allowPrivilegeEscalation=false",
					paths(kind, "spec.containers[0].securityContext.allowPrivilegeEscalation",
							"spec.containers[1].securityContext.allowPrivilegeEscalation",
							"spec.containers[2].securityContext.allowPrivilegeEscalation")));
	}

}
