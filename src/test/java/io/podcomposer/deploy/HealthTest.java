package io.podcomposer.deploy;

import java.util.List;

import io.podcomposer.deploy.Health.Status;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** An object's health, derived from what the API server answers for it and its pods. */
class HealthTest {

	private static final String RUNNING_POD = """
			metadata: {name: web-1}
			status:
			  phase: Running
			  conditions: [{type: PodScheduled, status: "True"}, {type: Ready, status: "True"}]
			  containerStatuses: [{name: app, ready: true, state: {running: {startedAt: "2026-11-29T05:00:00Z"}}}]
			""";

	private static final String PULL_BACK_OFF_POD = """
			metadata: {name: web-2}
			status:
			  phase: Pending
			  conditions: [{type: PodScheduled, status: "True"}, {type: Ready, status: "False"}]
			  containerStatuses:
			  - {name: app, ready: false, state: {waiting: {reason: ImagePullBackOff, message: "Back-off pulling image \\"registry.invalid/x:1\\""}}}
			""";

	@Test
	void aRunningReadyPodIsHealthy() {
		assertThat(pod(RUNNING_POD)).isEqualTo(new Health(Status.Healthy, null, null));
	}

	@Test
	void aContainerThatCannotPullItsImageIsDegradedWithTheReason() {
		Health health = pod(PULL_BACK_OFF_POD);

		assertThat(health.status()).isEqualTo(Status.Degraded);
		assertThat(health.reason()).isEqualTo("ImagePullBackOff");
		assertThat(health.message())
			.isEqualTo("Container app of pod web-2: Back-off pulling image \"registry.invalid/x:1\"");
		assertThat(health.bad()).isTrue();
	}

	@Test
	void aCrashingContainerIsDegradedAlsoInAnInitContainer() {
		assertThat(
				pod("""
						metadata: {name: web-3}
						status:
						  phase: Running
						  containerStatuses: [{name: app, restartCount: 5, state: {waiting: {reason: CrashLoopBackOff, message: back-off 5m0s}}}]
						""")
					.reason())
			.isEqualTo("CrashLoopBackOff");
		assertThat(pod("""
				metadata: {name: web-4}
				status:
				  phase: Pending
				  initContainerStatuses: [{name: migrate, state: {waiting: {reason: ErrImagePull}}}]
				""")).extracting(Health::status, Health::reason).containsExactly(Status.Degraded, "ErrImagePull");
	}

	@Test
	void aPodOnItsWayIsProgressing() {
		assertThat(pod("""
				metadata: {name: web-5}
				status:
				  phase: Pending
				  conditions: [{type: PodScheduled, status: "True"}]
				  containerStatuses: [{name: app, state: {waiting: {reason: ContainerCreating}}}]
				""")).extracting(Health::status, Health::reason).containsExactly(Status.Progressing, "Pending");
		assertThat(pod("""
				metadata: {name: web-6}
				status:
				  phase: Running
				  conditions: [{type: Ready, status: "False"}]
				  containerStatuses: [{name: app, state: {running: {}}}]
				""")).extracting(Health::status, Health::reason).containsExactly(Status.Progressing, "NotReady");
		assertThat(pod("metadata: {name: web-7}").status()).as("no status yet").isEqualTo(Status.Progressing);
	}

	@Test
	void anUnschedulablePodIsDegradedAndAFailedOneSaysWhy() {
		assertThat(
				pod("""
						metadata: {name: big}
						status:
						  phase: Pending
						  conditions: [{type: PodScheduled, status: "False", reason: Unschedulable, message: "0/3 nodes are available: 3 Insufficient memory."}]
						"""))
			.isEqualTo(new Health(Status.Degraded, "Unschedulable", "0/3 nodes are available: 3 Insufficient memory."));
		Health failed = pod("""
				metadata: {name: once}
				status:
				  phase: Failed
				  containerStatuses: [{name: app, state: {terminated: {exitCode: 3, reason: Error}}}]
				""");
		assertThat(failed).isEqualTo(
				new Health(Status.Degraded, "PodFailed", "Pod once failed: container app exited with 3 (Error)"));
		assertThat(pod("""
				metadata: {name: evicted}
				status: {phase: Failed, reason: Evicted, message: "The node was low on resource: memory."}
				""")).isEqualTo(
				new Health(Status.Degraded, "Evicted", "Pod evicted failed: The node was low on resource: memory."));
	}

	@Test
	void aPodThatRanToCompletionIsHealthy() {
		assertThat(pod("""
				metadata: {name: done}
				status: {phase: Succeeded}
				""")).extracting(Health::status, Health::reason).containsExactly(Status.Healthy, "Completed");
	}

	@Test
	void aDeploymentIsHealthyWhenEveryReplicaIsUpdatedReadyAndAvailable() {
		assertThat(Health.of(WorkloadKind.DEPLOYMENT, yaml("""
				metadata: {name: web, generation: 2}
				spec: {replicas: 3}
				status: {observedGeneration: 2, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3}
				"""), List.of(yaml(RUNNING_POD)))).isEqualTo(new Health(Status.Healthy, null, "3 of 3 ready."));
		assertThat(Health.of(WorkloadKind.DEPLOYMENT, yaml("""
				metadata: {name: web}
				spec: {replicas: 0}
				status: {}
				"""), List.of()).reason()).isEqualTo("ScaledToZero");
	}

	@Test
	void aDeploymentRollingOutIsProgressingUnlessAPodIsStuck() {
		JsonNode rollingOut = yaml("""
				metadata: {name: web, generation: 2}
				spec: {replicas: 2}
				status: {observedGeneration: 2, replicas: 2, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1}
				""");

		assertThat(Health.of(WorkloadKind.DEPLOYMENT, rollingOut, List.of(yaml(RUNNING_POD))))
			.isEqualTo(new Health(Status.Progressing, "RollingOut", "1 of 2 ready, 1 up to date, 1 available."));
		assertThat(Health.of(WorkloadKind.DEPLOYMENT, rollingOut, List.of(yaml(RUNNING_POD), yaml(PULL_BACK_OFF_POD))))
			.extracting(Health::status, Health::reason)
			.containsExactly(Status.Degraded, "ImagePullBackOff");
		assertThat(Health.of(WorkloadKind.DEPLOYMENT, yaml("""
				metadata: {name: web, generation: 3}
				spec: {replicas: 1}
				status: {observedGeneration: 2, replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1}
				"""), List.of()).reason()).as("the controller has not seen the change").isEqualTo("RolloutPending");
	}

	@Test
	void aWorkloadWhosePodsAreRefusedOrWhoseRolloutStalledIsDegraded() {
		assertThat(Health.of(WorkloadKind.DEPLOYMENT,
				yaml("""
						metadata: {name: web}
						spec: {replicas: 1}
						status:
						  conditions:
						  - {type: ReplicaFailure, status: "True", reason: FailedCreate, message: "pods \\"web-\\" is forbidden: violates PodSecurity"}
						"""),
				List.of()))
			.isEqualTo(new Health(Status.Degraded, "FailedCreate", "pods \"web-\" is forbidden: violates PodSecurity"));
		assertThat(Health
			.of(WorkloadKind.DEPLOYMENT,
					yaml("""
							metadata: {name: web}
							spec: {replicas: 1}
							status:
							  conditions: [{type: Progressing, status: "False", reason: ProgressDeadlineExceeded, message: "ReplicaSet web-1 has timed out progressing."}]
							"""),
					List.of())
			.reason()).isEqualTo("ProgressDeadlineExceeded");
		assertThat(Health.of(WorkloadKind.DAEMON_SET, yaml("""
				metadata: {name: agent}
				status: {desiredNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 1}
				"""), List.of()).status()).isEqualTo(Status.Progressing);
		assertThat(Health.of(WorkloadKind.STATEFUL_SET, yaml("""
				metadata: {name: db}
				spec: {replicas: 1}
				status: {readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1}
				"""), List.of()).status()).isEqualTo(Status.Healthy);
	}

	@Test
	void aJobSucceedsFailsOrRuns() {
		assertThat(Health.of(WorkloadKind.JOB, yaml("""
				metadata: {name: once}
				status: {succeeded: 1, conditions: [{type: Complete, status: "True"}]}
				"""), List.of())).isEqualTo(new Health(Status.Healthy, "Complete", "Succeeded 1."));
		assertThat(Health.of(WorkloadKind.JOB,
				yaml("""
						metadata: {name: once}
						status: {failed: 7, conditions: [{type: Failed, status: "True", reason: BackoffLimitExceeded, message: Job has reached the specified backoff limit}]}
						"""),
				List.of()))
			.isEqualTo(
					new Health(Status.Degraded, "BackoffLimitExceeded", "Job has reached the specified backoff limit"));
		JsonNode running = yaml("""
				metadata: {name: once}
				status: {active: 1}
				""");
		assertThat(Health.of(WorkloadKind.JOB, running, List.of(yaml(RUNNING_POD))))
			.isEqualTo(new Health(Status.Progressing, "Running", "Active 1, succeeded 0, failed 0."));
		assertThat(Health.of(WorkloadKind.JOB, running, List.of(yaml(PULL_BACK_OFF_POD))).reason())
			.isEqualTo("ImagePullBackOff");
	}

	@Test
	void aCronJobIsDegradedWhenItsLastJobDidNotSucceed() {
		assertThat(Health.of(WorkloadKind.CRON_JOB, yaml("""
				metadata: {name: nightly}
				spec: {schedule: "0 3 * * *"}
				status: {lastScheduleTime: "2026-11-29T03:00:00Z", lastSuccessfulTime: "2026-11-28T03:00:07Z"}
				"""), List.of())).extracting(Health::status, Health::reason)
			.containsExactly(Status.Degraded, "LastJobFailed");
		assertThat(Health.of(WorkloadKind.CRON_JOB, yaml("""
				metadata: {name: nightly}
				spec: {schedule: "0 3 * * *"}
				status: {lastScheduleTime: "2026-11-29T03:00:00Z", lastSuccessfulTime: "2026-11-29T03:00:09Z"}
				"""), List.of()).status()).isEqualTo(Status.Healthy);
		assertThat(Health.of(WorkloadKind.CRON_JOB, yaml("""
				metadata: {name: nightly}
				spec: {schedule: "0 3 * * *"}
				status: {lastScheduleTime: "2026-11-29T03:00:00Z", active: [{name: nightly-1}]}
				"""), List.of()).reason()).isEqualTo("JobRunning");
		assertThat(Health.of(WorkloadKind.CRON_JOB, yaml("""
				metadata: {name: nightly}
				spec: {schedule: "0 3 * * *"}
				"""), List.of()).reason()).isEqualTo("NotRunYet");
	}

	@Test
	void theBadgeColoursFollowTheStatus() {
		assertThat(Health.missing("NotInCluster", "gone").bad()).isTrue();
		assertThat(Health.deleted("by alice").bad()).isFalse();
		assertThat(Health.deleted("by alice").reason()).as("the status says it all").isNull();
		assertThat(Health.unknown("ClusterUnreachable", "no route").ok()).isFalse();
		assertThat(Health.unknown("ClusterUnreachable", "no route").bad()).isFalse();
	}

	private static Health pod(String yaml) {
		return Health.of(WorkloadKind.POD, yaml(yaml), List.of());
	}

	private static JsonNode yaml(String text) {
		return ManifestReader.readYaml(text);
	}

}
