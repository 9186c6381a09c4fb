package io.podcomposer.kube;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code status} the controllers keep on a workload, computed from the pods it owns.
 */
final class WorkloadStatus {

	private WorkloadStatus() {
	}

	/**
	 * A new object's status before a controller wrote one, as the API server answers it:
	 * the fields its types never leave out, at zero. client-java refuses a StatefulSet,
	 * ReplicaSet or DaemonSet whose status lacks them.
	 */
	static void initial(ResourceType type, ObjectNode status) {
		switch (type.kind()) {
			case "StatefulSet" -> status.put("replicas", 0).put("availableReplicas", 0);
			case "ReplicaSet" -> status.put("replicas", 0);
			case "DaemonSet" -> status.put("currentNumberScheduled", 0)
				.put("numberMisscheduled", 0)
				.put("desiredNumberScheduled", 0)
				.put("numberReady", 0);
			default -> {
			}
		}
	}

	static void refresh(ResourceType type, ObjectNode workload, List<ObjectNode> pods, String failedCreate,
			Function<ObjectNode, Optional<ObjectNode>> currentReplicaSet) {
		long generation = workload.at("/metadata/generation").asLong(1);
		int desired = workload.at("/spec/replicas").asInt(1);
		long ready = pods.stream().filter(WorkloadStatus::isReady).count();
		JsonNode previous = workload.path("status").deepCopy();
		ObjectNode status = workload.putObject("status");
		String now = FakeCluster.now();
		switch (type.kind()) {
			case "Deployment" -> {
				Optional<ObjectNode> current = currentReplicaSet.apply(workload);
				String currentUid = current.map(rs -> rs.at("/metadata/uid").asString()).orElse("");
				long updated = pods.stream()
					.filter(pod -> pod.at("/metadata/ownerReferences/0/uid").asString().equals(currentUid))
					.count();
				status.put("observedGeneration", generation).put("replicas", pods.size());
				putIfPositive(status, "updatedReplicas", updated);
				putIfPositive(status, "readyReplicas", ready);
				putIfPositive(status, "availableReplicas", ready);
				putIfPositive(status, "unavailableReplicas", desired - ready);
				String rsName = current.map(rs -> rs.at("/metadata/name").asString()).orElse("");
				boolean available = ready >= desired;
				deploymentCondition(status, "Available", available,
						available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
						available ? "Deployment has minimum availability."
								: "Deployment does not have minimum availability.",
						now);
				boolean done = available && updated == desired && pods.size() == desired;
				deploymentCondition(status, "Progressing", true, done ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
						"ReplicaSet \"" + rsName + "\" " + (done ? "has successfully progressed." : "is progressing."),
						now);
				String rsFailure = current.map(rs -> rs.at("/status/conditions/0/message").asString("")).orElse("");
				if (!rsFailure.isEmpty()) {
					deploymentCondition(status, "ReplicaFailure", true, "FailedCreate", rsFailure, now);
				}
			}
			case "ReplicaSet" -> {
				status.put("replicas", pods.size()).put("fullyLabeledReplicas", pods.size());
				putIfPositive(status, "readyReplicas", ready);
				putIfPositive(status, "availableReplicas", ready);
				status.put("observedGeneration", generation);
				if (failedCreate != null) {
					condition(status, "ReplicaFailure", true, "FailedCreate", failedCreate, now);
				}
			}
			case "StatefulSet" -> {
				String revision = workload.at("/metadata/name").asString() + "-"
						+ FakeCluster.hash(workload.at("/spec/template"));
				status.put("observedGeneration", generation).put("replicas", pods.size());
				putIfPositive(status, "readyReplicas", ready);
				putIfPositive(status, "availableReplicas", ready);
				status.put("currentReplicas", pods.size()).put("updatedReplicas", pods.size());
				status.put("currentRevision", revision).put("updateRevision", revision).put("collisionCount", 0);
			}
			case "DaemonSet" -> {
				status.put("currentNumberScheduled", pods.size())
					.put("numberMisscheduled", 0)
					.put("desiredNumberScheduled", 1)
					.put("numberReady", ready)
					.put("observedGeneration", generation)
					.put("updatedNumberScheduled", pods.size());
				putIfPositive(status, "numberAvailable", ready);
				putIfPositive(status, "numberUnavailable", 1 - ready);
			}
			case "Job" -> {
				long succeeded = pods.stream()
					.filter(pod -> pod.at("/status/phase").asString().equals("Succeeded"))
					.count();
				if (!workload.at("/spec/suspend").asBoolean(false)) {
					status.put("startTime", workload.at("/metadata/creationTimestamp").asString());
				}
				putIfPositive(status, "active", pods.size() - succeeded);
				status.put("ready", ready).put("terminating", 0);
				putIfPositive(status, "succeeded", succeeded);
				status.putObject("uncountedTerminatedPods");
				if (succeeded >= workload.at("/spec/completions").asInt(1)) {
					status.put("completionTime", previous.path("completionTime").asString(now));
					condition(status, "SuccessCriteriaMet", true, "CompletionsReached",
							"Reached expected number of succeeded pods", now);
					condition(status, "Complete", true, "CompletionsReached",
							"Reached expected number of succeeded pods", now);
				}
			}
			default -> {
				// a CronJob has pods only through the Jobs it starts on schedule, and
				// none has come due yet
			}
		}
		keepTransitionTimes(previous, status);
	}

	/**
	 * A condition keeps the time its status last changed, and the time it was last
	 * updated while unchanged.
	 */
	private static void keepTransitionTimes(JsonNode previous, ObjectNode status) {
		for (JsonNode condition : status.path("conditions")) {
			for (JsonNode before : previous.path("conditions")) {
				if (before.path("type").equals(condition.path("type"))
						&& before.path("status").equals(condition.path("status"))) {
					((ObjectNode) condition).set("lastTransitionTime", before.path("lastTransitionTime"));
					if (condition.has("lastUpdateTime") && before.path("reason").equals(condition.path("reason"))
							&& before.path("message").equals(condition.path("message"))) {
						((ObjectNode) condition).set("lastUpdateTime", before.path("lastUpdateTime"));
					}
				}
			}
		}
	}

	static boolean isReady(JsonNode pod) {
		for (JsonNode condition : pod.at("/status/conditions")) {
			if (condition.path("type").asString().equals("Ready")) {
				return condition.path("status").asString().equals("True");
			}
		}
		return false;
	}

	private static void putIfPositive(ObjectNode status, String field, long value) {
		if (value > 0) {
			status.put(field, value);
		}
	}

	private static void condition(ObjectNode status, String type, boolean met, String reason, String message,
			String now) {
		status.withArray("conditions")
			.addObject()
			.put("type", type)
			.put("status", met ? "True" : "False")
			.put("lastTransitionTime", now)
			.put("reason", reason)
			.put("message", message);
	}

	/** Only a Deployment's conditions carry {@code lastUpdateTime}. */
	private static void deploymentCondition(ObjectNode status, String type, boolean met, String reason, String message,
			String now) {
		condition(status, type, met, reason, message, now);
		ArrayNode conditions = (ArrayNode) status.get("conditions");
		((ObjectNode) conditions.get(conditions.size() - 1)).put("lastUpdateTime", now);
	}

}
