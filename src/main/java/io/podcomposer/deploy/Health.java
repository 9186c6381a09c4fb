package io.podcomposer.deploy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.podcomposer.manifest.WorkloadKind;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * How a deployed object is doing, derived from its live state: {@code reason} is a short
 * word such as {@code ImagePullBackOff}, {@code message} says it in a sentence; both may
 * be null for a Healthy object.
 */
@Schema(description = "How the deployed object is doing now, derived from its live state")
public record Health(Status status,
		@Schema(description = "A short word such as ImagePullBackOff, CrashLoopBackOff, BackoffLimitExceeded, "
				+ "NotInCluster or ClusterUnreachable; null when the status says it all") String reason,
		@Schema(description = "The same in a sentence") String message) {

	/** The object's health, from the best (Healthy) to what cannot be known (Unknown). */
	public enum Status {

		/** Every pod runs and is ready, or the Job completed. */
		Healthy,
		/** On its way: pods being created, pulled, started or rolled out. */
		Progressing,
		/**
		 * Stuck or failed: a container that cannot start or keeps crashing, a failed Job,
		 * a refused pod.
		 */
		Degraded,
		/** Not on the cluster, though no deploy through the portal deleted it. */
		Missing,
		/** Deleted from the cluster through the portal. */
		Deleted,
		/** The cluster could not be asked. */
		Unknown

	}

	/** Reasons a container waits that it will not get over by waiting. */
	private static final Set<String> STUCK_WAITING = Set.of("ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff",
			"InvalidImageName", "CreateContainerConfigError", "CreateContainerError", "RunContainerError",
			"ErrImageNeverPull", "PreStartHookError", "PostStartHookError");

	static Health healthy(String reason, String message) {
		return new Health(Status.Healthy, reason, message);
	}

	static Health progressing(String reason, String message) {
		return new Health(Status.Progressing, reason, message);
	}

	static Health degraded(String reason, String message) {
		return new Health(Status.Degraded, reason, message);
	}

	static Health missing(String reason, String message) {
		return new Health(Status.Missing, reason, message);
	}

	static Health deleted(String message) {
		return new Health(Status.Deleted, null, message);
	}

	static Health unknown(String reason, String message) {
		return new Health(Status.Unknown, reason, message);
	}

	/** Whether the status is good news: for the badge's colour. */
	public boolean ok() {
		return this.status == Status.Healthy;
	}

	/** Whether the status is bad news. */
	public boolean bad() {
		return this.status == Status.Degraded || this.status == Status.Missing;
	}

	/**
	 * The health of a live object: for a Pod from its phase and containers, for a
	 * workload from its controller's status (replicas, conditions, a Job's success or
	 * failure) and from its pods, whose stuck containers say why a rollout does not get
	 * on.
	 */
	static Health of(WorkloadKind kind, JsonNode object, List<JsonNode> pods) {
		if (kind.isPod()) {
			return ofPod(object);
		}
		if (kind == WorkloadKind.CRON_JOB) {
			return ofCronJob(object);
		}
		Health controller = (kind == WorkloadKind.JOB) ? ofJob(object) : ofReplicas(kind, object);
		if (controller.status() == Status.Progressing) {
			for (JsonNode pod : pods) {
				Health podHealth = ofPod(pod);
				if (podHealth.status() == Status.Degraded) {
					return podHealth;
				}
			}
		}
		return controller;
	}

	/**
	 * A pod: a container stuck waiting or a failed pod is Degraded; Running and Ready is
	 * Healthy.
	 */
	static Health ofPod(JsonNode pod) {
		String name = pod.path("metadata").path("name").asString("");
		JsonNode status = pod.path("status");
		String phase = status.path("phase").asString("Pending");
		for (String field : List.of("initContainerStatuses", "containerStatuses")) {
			for (JsonNode container : status.path(field)) {
				JsonNode waiting = container.path("state").path("waiting");
				String reason = waiting.path("reason").asString("");
				if (STUCK_WAITING.contains(reason)) {
					return degraded(reason, "Container " + container.path("name").asString("") + " of pod " + name
							+ ": " + waiting.path("message").asString(reason));
				}
			}
		}
		if (phase.equals("Failed")) {
			String reason = status.path("reason").asString("");
			return degraded(reason.isEmpty() ? "PodFailed" : reason,
					"Pod " + name + " failed" + terminated(status).map((why) -> ": " + why).orElse("."));
		}
		if (phase.equals("Succeeded")) {
			return healthy("Completed", "Pod " + name + " ran to completion.");
		}
		JsonNode scheduled = condition(status, "PodScheduled");
		if (scheduled != null && scheduled.path("status").asString("").equals("False")) {
			String reason = scheduled.path("reason").asString("Unschedulable");
			return (reason.equals("Unschedulable")
					? degraded(reason, scheduled.path("message").asString("Pod " + name + " cannot be scheduled."))
					: progressing(reason, "Pod " + name + " is not scheduled yet."));
		}
		JsonNode ready = condition(status, "Ready");
		if (phase.equals("Running") && ready != null && ready.path("status").asString("").equals("True")) {
			return healthy(null, null);
		}
		return progressing(phase.equals("Running") ? "NotReady" : phase, "Pod " + name + " is "
				+ (phase.equals("Running") ? "running, not ready yet." : phase.toLowerCase() + "."));
	}

	/**
	 * Deployment, ReplicaSet, StatefulSet, DaemonSet: Healthy when every replica is
	 * updated, ready and available.
	 */
	static Health ofReplicas(WorkloadKind kind, JsonNode object) {
		JsonNode status = object.path("status");
		JsonNode failure = condition(status, "ReplicaFailure");
		if (failure != null && failure.path("status").asString("").equals("True")) {
			return degraded(failure.path("reason").asString("ReplicaFailure"), failure.path("message").asString(""));
		}
		JsonNode progressing = condition(status, "Progressing");
		if (progressing != null && progressing.path("reason").asString("").equals("ProgressDeadlineExceeded")) {
			return degraded("ProgressDeadlineExceeded", progressing.path("message").asString(""));
		}
		long generation = object.path("metadata").path("generation").asLong(0);
		if (status.path("observedGeneration").asLong(generation) < generation) {
			return progressing("RolloutPending", "The controller has not seen the latest change yet.");
		}
		LiveState.Replicas replicas = LiveStates.replicas(kind, object);
		int desired = (replicas.desired() == null) ? 0 : replicas.desired();
		if (replicas.updated() < desired || replicas.ready() < desired || replicas.available() < desired) {
			return progressing("RollingOut", replicas.ready() + " of " + desired + " ready, " + replicas.updated()
					+ " up to date, " + replicas.available() + " available.");
		}
		return healthy(desired == 0 ? "ScaledToZero" : null, desired + " of " + desired + " ready.");
	}

	/**
	 * A Job: failed when its Failed condition is true, healthy once Complete, else on its
	 * way.
	 */
	static Health ofJob(JsonNode job) {
		JsonNode status = job.path("status");
		JsonNode failed = condition(status, "Failed");
		if (failed != null && failed.path("status").asString("").equals("True")) {
			return degraded(failed.path("reason").asString("JobFailed"),
					failed.path("message").asString("The Job failed."));
		}
		JsonNode complete = condition(status, "Complete");
		if (complete != null && complete.path("status").asString("").equals("True")) {
			return healthy("Complete", "Succeeded " + status.path("succeeded").asInt(0) + ".");
		}
		return progressing("Running", LiveStates.progress(WorkloadKind.JOB, job));
	}

	/**
	 * A CronJob: degraded when its last scheduled Job did not succeed and none runs now.
	 */
	static Health ofCronJob(JsonNode cronJob) {
		JsonNode status = cronJob.path("status");
		String lastScheduled = status.path("lastScheduleTime").asString("");
		String lastSucceeded = status.path("lastSuccessfulTime").asString("");
		if (cronJob.path("spec").path("suspend").asBoolean(false)) {
			return healthy("Suspended", "Suspended: no Jobs are started.");
		}
		if (status.path("active").size() > 0) {
			return healthy("JobRunning", "A Job runs now.");
		}
		// RFC 3339 times in UTC compare as text
		if (!lastScheduled.isEmpty() && lastSucceeded.compareTo(lastScheduled) < 0) {
			return degraded("LastJobFailed", "The Job scheduled at " + lastScheduled + " did not succeed.");
		}
		return healthy(lastScheduled.isEmpty() ? "NotRunYet" : null,
				LiveStates.progress(WorkloadKind.CRON_JOB, cronJob));
	}

	private static Optional<String> terminated(JsonNode status) {
		for (JsonNode container : status.path("containerStatuses")) {
			JsonNode ended = container.path("state").path("terminated");
			if (ended.isObject() && ended.path("exitCode").asInt(0) != 0) {
				return Optional.of("container " + container.path("name").asString("") + " exited with "
						+ ended.path("exitCode").asInt() + " (" + ended.path("reason").asString("Error") + ")");
			}
		}
		String message = status.path("message").asString("");
		return message.isEmpty() ? Optional.empty() : Optional.of(message);
	}

	private static JsonNode condition(JsonNode status, String type) {
		for (JsonNode condition : status.path("conditions")) {
			if (condition.path("type").asString("").equals(type)) {
				return condition;
			}
		}
		return null;
	}

}
