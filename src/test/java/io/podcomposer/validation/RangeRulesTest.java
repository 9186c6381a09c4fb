package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.deployment;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static io.podcomposer.validation.RuleTesting.web;

class RangeRulesTest {

	@Test
	void portsAreFromOneTo65535() {
		assertFindings(new PortsRule(), pod(web("""
				ports:
				- containerPort: 1
				- containerPort: 65535
				  hostPort: 8080
				- containerPort: 8081
				  hostPort: 0
				""")));
		assertFindings(new PortsRule(), pod(web("""
				ports:
				- containerPort: 70000
				  hostPort: -1
				- name: http
				- containerPort: 0
				""")),
				finding("spec.containers[0].ports[0].containerPort",
						"Invalid value: 70000: must be between 1 and 65535, inclusive"),
				finding("spec.containers[0].ports[0].hostPort",
						"Invalid value: -1: must be between 1 and 65535, inclusive"),
				finding("spec.containers[0].ports[1].containerPort", "Required value"),
				finding("spec.containers[0].ports[2].containerPort", "Required value"));
	}

	@Test
	void probeTimingsAreNotNegativeAndZeroMeansTheDefault() {
		assertFindings(new ProbeTimingsRule(), pod(web("""
				livenessProbe:
				  httpGet: {path: /, port: 80}
				  initialDelaySeconds: 0
				  periodSeconds: 0
				  timeoutSeconds: 1
				  successThreshold: 1
				  failureThreshold: 0
				  terminationGracePeriodSeconds: 10
				readinessProbe:
				  httpGet: {path: /, port: 80}
				  successThreshold: 3
				""")));
		assertFindings(new ProbeTimingsRule(), pod(web("""
				livenessProbe:
				  httpGet: {path: /, port: 80}
				  initialDelaySeconds: -5
				  periodSeconds: -1
				  successThreshold: 2
				  terminationGracePeriodSeconds: 0
				readinessProbe:
				  httpGet: {path: /, port: 80}
				  terminationGracePeriodSeconds: 10
				startupProbe:
				  httpGet: {path: /, port: 80}
				  failureThreshold: -3
				""")),
				finding("spec.containers[0].livenessProbe.initialDelaySeconds",
						"Invalid value: -5: must be greater than or equal to 0"),
				finding("spec.containers[0].livenessProbe.periodSeconds",
						"Invalid value: -1: must be greater than or equal to 0"),
				finding("spec.containers[0].livenessProbe.successThreshold", "Invalid value: 2: must be 1"),
				finding("spec.containers[0].livenessProbe.terminationGracePeriodSeconds",
						"Invalid value: 0: must be greater than 0"),
				finding("spec.containers[0].readinessProbe.terminationGracePeriodSeconds",
						"Invalid value: 10: must not be set for readinessProbes"),
				finding("spec.containers[0].startupProbe.failureThreshold",
						"Invalid value: -3: must be greater than or equal to 0"));
	}

	@Test
	void activeDeadlineIsPositiveAndOnlyForPodsThatEnd() {
		assertFindings(new ActiveDeadlineRule(), pod("activeDeadlineSeconds: 600\n" + RuleTesting.ONE_CONTAINER));
		assertFindings(new ActiveDeadlineRule(), pod("activeDeadlineSeconds: 0\n" + RuleTesting.ONE_CONTAINER),
				finding("spec.activeDeadlineSeconds", "Invalid value: 0: must be between 1 and 2147483647, inclusive"));
		assertFindings(new ActiveDeadlineRule(), deployment("activeDeadlineSeconds: 600\n" + RuleTesting.ONE_CONTAINER),
				finding("spec.template.spec.activeDeadlineSeconds",
						"Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"));
	}

	@Test
	void workloadCountsAreNotNegative() {
		assertFindings(new WorkloadCountsRule(),
				deployment(RuleTesting.ONE_CONTAINER).replace("replicas: 2", "replicas: 0\n  revisionHistoryLimit: 0"));
		assertFindings(new WorkloadCountsRule(),
				deployment(RuleTesting.ONE_CONTAINER).replace("replicas: 2", "replicas: -1\n  minReadySeconds: -10"),
				finding("spec.replicas", "Invalid value: -1: must be greater than or equal to 0"),
				finding("spec.minReadySeconds", "Invalid value: -10: must be greater than or equal to 0"));
		assertFindings(new WorkloadCountsRule(),
				RuleTesting.cronJob(RuleTesting.ONE_CONTAINER)
					.replace("    spec:\n      template:",
							"    spec:\n      backoffLimit: -1\n      parallelism: 2\n      template:")
					.replace("  schedule:", "  failedJobsHistoryLimit: -1\n  schedule:"),
				finding("spec.failedJobsHistoryLimit", "Invalid value: -1: must be greater than or equal to 0"),
				finding("spec.jobTemplate.spec.backoffLimit", "Invalid value: -1: must be greater than or equal to 0"));
	}

}
