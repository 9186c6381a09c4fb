package io.podcomposer.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.podcomposer.kube.ClusterCallException;
import io.podcomposer.kube.ClusterCalls;
import io.podcomposer.manifest.WorkloadKind;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * A deployed object's state in the cluster now: its replicas or progress, its pods, the
 * events about them, and the health read with them; or why it cannot be shown.
 */
@Service
class LiveStates {

	/** The most pods of a workload whose state is read on each refresh. */
	static final int MAX_PODS = 20;

	private final DeploymentLookup lookup;

	LiveStates(DeploymentLookup lookup) {
		this.lookup = lookup;
	}

	/**
	 * The live state and, for an applied record, the health read with it; for any other,
	 * health is null.
	 */
	record Reading(LiveState live, Health health) {

		static Reading unavailable(Health health, String message) {
			return new Reading(LiveState.unavailable(message), health);
		}

	}

	/** The record's object as it is in the cluster now, or why it cannot be shown. */
	Reading read(DeploymentRecord record) {
		if (record.getStatus() != DeployStatus.Applied) {
			return new Reading(LiveState.unavailable(switch (record.getStatus()) {
				case Deleted -> "Deleted from the cluster by " + record.getDeletedBy() + ".";
				case Failed -> "Nothing was applied: the deploy failed.";
				default -> "Nothing was applied: this was a dry run.";
			}), null);
		}
		try {
			ClusterCalls calls = this.lookup.calls(record);
			WorkloadKind kind = DeploymentLookup.kind(record);
			Optional<JsonNode> found = calls.get(kind, record.getNamespace(), record.getName());
			if (found.isEmpty()) {
				String gone = Deployer.what(record)
						+ " is not in the cluster any more: it was deleted outside the portal.";
				return Reading.unavailable(Health.missing("NotInCluster", gone), gone);
			}
			JsonNode object = found.get();
			Events events = new Events(calls, record.getNamespace());
			events.about(record.getKind(), record.getName());
			if (kind.isPod()) {
				return new Reading(
						LiveState.ofPod(LiveState.PodState.of(object), events.inOrder(), events.unreadable()),
						Health.of(kind, object, List.of()));
			}
			List<JsonNode> podObjects = pods(calls, record.getNamespace(), kind, object);
			List<LiveState.PodState> pods = new ArrayList<>();
			for (JsonNode pod : podObjects) {
				LiveState.PodState state = LiveState.PodState.of(pod);
				pods.add(state);
				events.about("Pod", state.name());
			}
			if (kind == WorkloadKind.DEPLOYMENT) {
				// a Deployment's pods are made by its ReplicaSets, whose events say why
				// they could not be
				for (JsonNode replicaSet : calls.list(WorkloadKind.REPLICA_SET, record.getNamespace(),
						selector(kind, object))) {
					events.about("ReplicaSet", replicaSet.path("metadata").path("name").asString());
				}
			}
			return new Reading(LiveState.ofWorkload(replicas(kind, object), LiveState.conditions(object), pods,
					events.inOrder(), joined(progress(kind, object), events.unreadable())),
					Health.of(kind, object, podObjects));
		}
		catch (ClusterCallException ex) {
			return Reading.unavailable(
					Health.unknown((ex.status() == 0) ? (ex.timedOut() ? "ClusterTimedOut" : "ClusterUnreachable")
							: ((ex.reason() == null) ? "ClusterRefused" : ex.reason()), ex.getMessage()),
					ex.getMessage());
		}
		catch (DeployProblem ex) {
			return Reading.unavailable(Health.unknown("ClusterGone", ex.getMessage()), ex.getMessage());
		}
	}

	/**
	 * The events about an object and its pods. Many deploy accounts may not read events:
	 * then the state is shown without them, saying why.
	 */
	private static final class Events {

		private final ClusterCalls calls;

		private final String namespace;

		private final List<JsonNode> found = new ArrayList<>();

		private String unreadable;

		Events(ClusterCalls calls, String namespace) {
			this.calls = calls;
			this.namespace = namespace;
		}

		void about(String kind, String name) {
			if (this.unreadable != null) {
				return;
			}
			try {
				this.found.addAll(this.calls.events(this.namespace, kind, name));
			}
			catch (ClusterCallException ex) {
				if (ex.status() == 0) {
					throw ex;
				}
				this.unreadable = "Events cannot be read: " + ex.getMessage();
			}
		}

		List<LiveState.Event> inOrder() {
			return LiveState.Event.inOrder(this.found);
		}

		String unreadable() {
			return this.unreadable;
		}

	}

	private static String joined(String first, String second) {
		if (first == null || second == null) {
			return (first == null) ? second : first;
		}
		return first + " " + second;
	}

	/** The workload's pods, at most {@link #MAX_PODS}. */
	static List<JsonNode> pods(ClusterCalls calls, String namespace, WorkloadKind kind, JsonNode object) {
		String selector = selector(kind, object);
		if (selector == null) {
			return List.of();
		}
		return calls.list(WorkloadKind.POD, namespace, selector).stream().limit(MAX_PODS).toList();
	}

	/**
	 * The label selector of the workload's pods; null for a CronJob, whose pods belong to
	 * its Jobs.
	 */
	static String selector(WorkloadKind kind, JsonNode object) {
		if (kind == WorkloadKind.CRON_JOB) {
			return null;
		}
		JsonNode matchLabels = object.path("spec").path("selector").path("matchLabels");
		if (matchLabels.isObject() && !matchLabels.isEmpty()) {
			return matchLabels.properties()
				.stream()
				.map((label) -> label.getKey() + "=" + label.getValue().asString())
				.collect(Collectors.joining(","));
		}
		return (kind == WorkloadKind.JOB)
				? "batch.kubernetes.io/job-name=" + object.path("metadata").path("name").asString() : null;
	}

	static LiveState.Replicas replicas(WorkloadKind kind, JsonNode object) {
		JsonNode status = object.path("status");
		return switch (kind) {
			case DEPLOYMENT, REPLICA_SET,
					STATEFUL_SET ->
				new LiveState.Replicas(object.path("spec").path("replicas").asInt(1),
						status.path("readyReplicas").asInt(0), status.path("availableReplicas").asInt(0),
						status.path("updatedReplicas").asInt(status.path("replicas").asInt(0)));
			case DAEMON_SET -> new LiveState.Replicas(status.path("desiredNumberScheduled").asInt(0),
					status.path("numberReady").asInt(0), status.path("numberAvailable").asInt(0),
					status.path("updatedNumberScheduled").asInt(0));
			default -> null;
		};
	}

	/** For a Job or CronJob, how far it got; the others say it with their replicas. */
	static String progress(WorkloadKind kind, JsonNode object) {
		JsonNode status = object.path("status");
		return switch (kind) {
			case JOB -> "Active " + status.path("active").asInt(0) + ", succeeded " + status.path("succeeded").asInt(0)
					+ ", failed " + status.path("failed").asInt(0) + ".";
			case CRON_JOB -> "Schedule " + object.path("spec").path("schedule").asString("") + "; last scheduled "
					+ status.path("lastScheduleTime").asString("never") + "; active jobs "
					+ status.path("active").size() + ".";
			default -> null;
		};
	}

}
