package io.podcomposer.deploy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What a deployed object is doing now, read from the cluster: for a pod its phase, IP,
 * node, conditions and containers; for a workload its replicas and pods; and the events
 * about them, oldest first. {@code message} says why there is nothing to show (gone,
 * unreachable).
 */
public record LiveState(boolean exists, String message, String phase, String podIP, String node, String startTime,
		List<Condition> conditions, List<ContainerState> containers, Replicas replicas, List<PodState> pods,
		List<Event> events) {

	static LiveState unavailable(String message) {
		return new LiveState(false, message, null, null, null, null, List.of(), List.of(), null, List.of(), List.of());
	}

	static LiveState ofPod(PodState pod, List<Event> events, String message) {
		return new LiveState(true, message, pod.phase(), pod.podIP(), pod.node(), pod.startTime(), pod.conditions(),
				pod.containers(), null, List.of(pod), events);
	}

	static LiveState ofWorkload(Replicas replicas, List<Condition> conditions, List<PodState> pods, List<Event> events,
			String message) {
		return new LiveState(true, message, null, null, null, null, conditions, List.of(), replicas, pods, events);
	}

	/**
	 * The object's status conditions: a pod's Ready, a Deployment's Available or
	 * ReplicaFailure, a Job's Complete.
	 */
	static List<Condition> conditions(JsonNode object) {
		List<Condition> conditions = new ArrayList<>();
		for (JsonNode condition : object.path("status").path("conditions")) {
			conditions.add(new Condition(text(condition, "type"), text(condition, "status"), text(condition, "reason"),
					text(condition, "message"), text(condition, "lastTransitionTime")));
		}
		return conditions;
	}

	/** A pod condition such as Ready. */
	public record Condition(String type, String status, String reason, String message, String lastTransitionTime) {
	}

	/**
	 * One container: {@code state} is waiting, running or terminated; {@code reason} says
	 * why it waits or ended (ImagePullBackOff, CrashLoopBackOff, Completed);
	 * {@code since} when it started or ended.
	 */
	public record ContainerState(String name, boolean init, boolean ready, int restartCount, String state,
			String reason, String message, String since, Integer exitCode) {
	}

	/** A workload's replicas: wanted, ready and available. */
	public record Replicas(Integer desired, int ready, int available, int updated) {
	}

	public record PodState(String name, String phase, String podIP, String node, String startTime,
			List<Condition> conditions, List<ContainerState> containers) {

		/** Whether every container of the pod runs and is ready. */
		public boolean ready() {
			return this.containers.stream().filter((each) -> !each.init()).allMatch(ContainerState::ready);
		}

		public int restarts() {
			return this.containers.stream().mapToInt(ContainerState::restartCount).sum();
		}

		/**
		 * The names of the containers that write logs: every container, init containers
		 * first.
		 */
		public List<String> containerNames() {
			return this.containers.stream().map(ContainerState::name).toList();
		}

		static PodState of(JsonNode pod) {
			JsonNode status = pod.path("status");
			List<Condition> conditions = LiveState.conditions(pod);
			List<ContainerState> containers = new ArrayList<>();
			containers(pod, "initContainers", "initContainerStatuses", true, containers);
			containers(pod, "containers", "containerStatuses", false, containers);
			return new PodState(text(pod.path("metadata"), "name"), text(status, "phase"), text(status, "podIP"),
					text(pod.path("spec"), "nodeName"), text(status, "startTime"), conditions, containers);
		}

		/**
		 * Each container of the spec, with its status when the kubelet has reported one.
		 */
		private static void containers(JsonNode pod, String specField, String statusField, boolean init,
				List<ContainerState> into) {
			for (JsonNode container : pod.path("spec").path(specField)) {
				String name = text(container, "name");
				JsonNode status = null;
				for (JsonNode each : pod.path("status").path(statusField)) {
					if (name.equals(text(each, "name"))) {
						status = each;
					}
				}
				into.add(state(name, init, status));
			}
		}

		private static ContainerState state(String name, boolean init, JsonNode status) {
			if (status == null) {
				return new ContainerState(name, init, false, 0, "waiting", "NotCreated", null, null, null);
			}
			boolean ready = status.path("ready").asBoolean(false);
			int restarts = status.path("restartCount").asInt(0);
			JsonNode state = status.path("state");
			if (state.has("running")) {
				return new ContainerState(name, init, ready, restarts, "running", null, null,
						text(state.path("running"), "startedAt"), null);
			}
			if (state.has("terminated")) {
				JsonNode ended = state.path("terminated");
				return new ContainerState(name, init, ready, restarts, "terminated", text(ended, "reason"),
						text(ended, "message"), text(ended, "finishedAt"), ended.path("exitCode").asInt());
			}
			JsonNode waiting = state.path("waiting");
			return new ContainerState(name, init, ready, restarts, "waiting", text(waiting, "reason"),
					text(waiting, "message"), null, null);
		}

	}

	/** An event about the object or one of its pods. */
	public record Event(String type, String reason, String message, String time, int count, String object) {

		/**
		 * Oldest first, as {@code kubectl describe} lists them: by time, and events of
		 * the same time (the API gives seconds) in the order the cluster recorded them:
		 * by their precise eventTime when there is one, then their resourceVersion, then
		 * name.
		 */
		static List<Event> inOrder(List<JsonNode> events) {
			return events.stream()
				.sorted(Comparator
					.comparing((JsonNode event) -> instant(shownTime(event)),
							Comparator.nullsFirst(Comparator.naturalOrder()))
					.thenComparing((JsonNode event) -> instant(text(event, "eventTime")),
							Comparator.nullsFirst(Comparator.naturalOrder()))
					.thenComparingLong(Event::resourceVersion)
					.thenComparing((JsonNode event) -> event.path("metadata").path("name").asString("")))
				.map(Event::of)
				.toList();
		}

		/** The time shown: when it last happened. */
		private static String shownTime(JsonNode event) {
			String time = text(event, "lastTimestamp");
			if (time == null) {
				time = text(event, "eventTime");
			}
			return (time == null) ? text(event, "firstTimestamp") : time;
		}

		private static Instant instant(String time) {
			try {
				return (time == null) ? null : OffsetDateTime.parse(time).toInstant();
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

		/**
		 * The order in which the cluster stored the event; resource versions are opaque,
		 * but etcd's are numbers.
		 */
		private static long resourceVersion(JsonNode event) {
			try {
				return Long.parseLong(event.path("metadata").path("resourceVersion").asString("0"));
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

		private static Event of(JsonNode event) {
			String time = shownTime(event);
			JsonNode involved = event.path("involvedObject");
			return new Event(text(event, "type"), text(event, "reason"), text(event, "message"), time,
					event.path("count").asInt(1), text(involved, "kind") + "/" + text(involved, "name"));
		}

	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString() : null;
	}

}
