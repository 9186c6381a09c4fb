package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class WindowsHostProcessCheckTest {

	private final WindowsHostProcessCheck check = new WindowsHostProcessCheck();

	@Test
	void passesUnsetOrFalse() {
		assertThat(this.check.check(view(pod("""
				securityContext:
				  windowsOptions: {}
				containers:
				- name: a
				  securityContext:
				    windowsOptions:
				      hostProcess: false
				""")))).isNull();
	}

	@InEachKind
	void failsPodAndContainers(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				securityContext:
				  windowsOptions:
				    hostProcess: true
				containers:
				- name: a
				- name: e
				  securityContext:
				    windowsOptions:
				      hostProcess: true
				- name: f
				  securityContext:
				    windowsOptions:
				      hostProcess: true
				""")))).isEqualTo(new Violation(Level.BASELINE, "windowsHostProcess", "hostProcess",
				"pod and containers \"e\", \"f\" must not set securityContext.windowsOptions.hostProcess=true",
				paths(kind, "spec.securityContext.windowsOptions.hostProcess",
						"spec.containers[1].securityContext.windowsOptions.hostProcess",
						"spec.containers[2].securityContext.windowsOptions.hostProcess")));
	}

}
