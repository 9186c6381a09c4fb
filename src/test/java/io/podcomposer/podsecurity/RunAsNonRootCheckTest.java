package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class RunAsNonRootCheckTest {

	private final RunAsNonRootCheck check = new RunAsNonRootCheck();

	@Test
	void passesPodLevelTrue() {
		assertThat(this.check.check(view(pod("""
				securityContext:
				  runAsNonRoot: true
				containers:
				- name: a
				""")))).isNull();
	}

	@Test
	void passesTrueOnEveryContainer() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				  securityContext:
				    runAsNonRoot: true
				""")))).isNull();
	}

	@Test
	void passesAUserNamespace() {
		assertThat(this.check.check(view(pod("""
				hostUsers: false
				securityContext:
				  runAsNonRoot: false
				containers:
				- name: a
				""")))).isNull();
	}

	@InEachKind
	void failsExplicitFalse(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				securityContext:
				  runAsNonRoot: true
				containers:
				- name: a
				- name: c
				  securityContext:
				    runAsNonRoot: false
				- name: d
				  securityContext:
				    runAsNonRoot: false
				""")))).isEqualTo(new Violation(Level.RESTRICTED, "runAsNonRoot", "runAsNonRoot != true",
				"containers \"c\", \"d\" must not set securityContext.runAsNonRoot=false",
				paths(kind, "spec.containers[1].securityContext.runAsNonRoot",
						"spec.containers[2].securityContext.runAsNonRoot")));
	}

	@InEachKind
	void failsUnsetEverywhere(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				containers:
				- name: a
				- name: b
				  securityContext:
				    runAsNonRoot: true
				""")))).isEqualTo(new Violation(Level.RESTRICTED, "runAsNonRoot", "runAsNonRoot != true",
				"pod or container \"a\" must set securityContext.runAsNonRoot=true",
				paths(kind, "spec.securityContext.runAsNonRoot", "spec.containers[0].securityContext.runAsNonRoot")));
	}

}
