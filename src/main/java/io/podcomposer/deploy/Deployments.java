package io.podcomposer.deploy;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.podcomposer.clusters.ClusterProblem;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.deploy.HealthReader.ObjectKey;
import io.podcomposer.kube.ClusterCallException;
import io.podcomposer.kube.ClusterCalls;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.security.AuditLog;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.Paging;
import io.podcomposer.system.LineDiff;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deployment records and what can be done with one: its live state, its pods' logs, delete
 * from the cluster, deploy again, and the drift of the live object from what was applied.
 */
@Service
public class Deployments {

	/** The most pods of a workload whose state is read on each refresh. */
	static final int MAX_PODS = 20;

	static final int MAX_TAIL_LINES = 10_000;

	/** The most deploys of one object listed under it. */
	static final int MAX_DEPLOYS_SHOWN = 10;

	/** The statuses of a record that put its object in the cluster (and, for Deleted, took it out since). */
	private static final List<DeployStatus> APPLIED_ONCE = List.of(DeployStatus.Applied, DeployStatus.Deleted);

	private static final Health NEVER_APPLIED = Health.missing("NeverApplied", "No deploy of it was applied.");

	private final DeploymentRecordRepository records;

	private final ClusterService clusters;

	private final Deployer deployer;

	private final AuditLog audit;

	private final Clock clock;

	private final HealthReader healthReader;

	Deployments(DeploymentRecordRepository records, ClusterService clusters, Deployer deployer, AuditLog audit,
			Clock clock, HealthReader healthReader) {
		this.healthReader = healthReader;
		this.records = records;
		this.clusters = clusters;
		this.deployer = deployer;
		this.audit = audit;
		this.clock = clock;
	}

	/** Newest first, optionally only of one template or one cluster; each record with its object's health. */
	public HistoryPage history(Long templateId, Long clusterId, int page, int size) {
		PageRequest request = Paging.of(page, size);
		org.springframework.data.domain.Page<DeploymentRecord> found = this.records.search(templateId, clusterId,
				request);
		Map<ObjectKey, Optional<DeploymentRecord>> current = new HashMap<>();
		found.forEach((record) -> current.computeIfAbsent(ObjectKey.of(record), (key) -> current(record)));
		Map<ObjectKey, Health> health = health(current.values());
		List<HistoryItem> items = found.map((record) -> {
			ObjectKey key = ObjectKey.of(record);
			return new HistoryItem(DeploymentView.of(record), health.getOrDefault(key, NEVER_APPLIED), replacedBy(record, current.get(key)));
		}).getContent();
		return new HistoryPage(items, request.getPageNumber(), request.getPageSize(), found.getTotalElements());
	}

	/** One page of the history. */
	public record HistoryPage(List<HistoryItem> items, int page, int size, long total) {
	}

	/**
	 * A record with the health of its object now and, when a newer deploy of the object replaced
	 * it, that deploy's id.
	 */
	public record HistoryItem(@JsonUnwrapped DeploymentView deployment, Health health, Long replacedBy) {
	}

	/**
	 * One page of the deployed objects, the most recently deployed first: each once, with its
	 * health and its deploys.
	 */
	public ObjectsPage objects(Long templateId, Long clusterId, int page, int size) {
		PageRequest request = Paging.of(page, size);
		org.springframework.data.domain.Page<Long> newest = this.records.newestOfEachObject(templateId, clusterId,
				request);
		List<DeploymentRecord> latest = new ArrayList<>(this.records.findAllById(newest.getContent()));
		latest.sort(Comparator.comparing(DeploymentRecord::getId).reversed());
		Map<ObjectKey, Optional<DeploymentRecord>> current = new HashMap<>();
		latest.forEach((record) -> current.put(ObjectKey.of(record), current(record)));
		Map<ObjectKey, Health> health = health(current.values());
		List<DeployedObject> objects = new ArrayList<>();
		for (DeploymentRecord record : latest) {
			ObjectKey key = ObjectKey.of(record);
			List<DeploymentRecord> deploys = this.records.findByClusterIdAndNamespaceAndKindAndNameOrderByIdDesc(
					record.getClusterId(), record.getNamespace(), record.getKind(), record.getName(),
					PageRequest.of(0, MAX_DEPLOYS_SHOWN + 1));
			objects.add(new DeployedObject(health.getOrDefault(key, NEVER_APPLIED), current.get(key).map(DeploymentView::of).orElse(null),
					deploys.stream().limit(MAX_DEPLOYS_SHOWN).map(DeploymentView::of).toList(),
					deploys.size() > MAX_DEPLOYS_SHOWN));
		}
		return new ObjectsPage(objects, request.getPageNumber(), request.getPageSize(), newest.getTotalElements());
	}

	/** One page of the deployed objects. */
	public record ObjectsPage(List<DeployedObject> items, int page, int size, long total) {
	}

	/**
	 * An object deployed to a cluster: its health, the deploy that put it there as it is now
	 * (null when none was applied), and its newest deploys, newest first ({@code more} when
	 * there are older ones).
	 */
	public record DeployedObject(Health health, DeploymentView current, List<DeploymentView> deploys, boolean more) {

		/** The newest deploy: it names the object and where it is. */
		public DeploymentView latest() {
			return this.deploys.get(0);
		}

		/** The record to open for the object: the one that put it there, else the newest. */
		public DeploymentView shown() {
			return (this.current != null) ? this.current : latest();
		}

	}

	/** The templates deployed so far, A to Z, also those deleted since: what the history filters by. */
	public List<DeploymentRecordRepository.Named> deployedTemplates() {
		return this.records.deployedTemplates();
	}

	/** The clusters deployed to so far, A to Z, also those removed since. */
	public List<DeploymentRecordRepository.Named> deployedToClusters() {
		return this.records.deployedToClusters();
	}

	public DeploymentView get(long id) {
		return DeploymentView.of(find(id));
	}

	/**
	 * A record, the health of its object, the newer deploy that replaced it if one did, and the
	 * object's live state; the object is read once for both.
	 */
	public Detail detail(long id) {
		DeploymentRecord record = find(id);
		Optional<DeploymentRecord> current = current(record);
		Reading reading = read(record);
		Health health = (reading.health() != null) ? reading.health()
				: health(List.of(current)).getOrDefault(ObjectKey.of(record), NEVER_APPLIED);
		List<DeploymentView> deploys = this.records
			.findByClusterIdAndNamespaceAndKindAndNameOrderByIdDesc(record.getClusterId(), record.getNamespace(),
					record.getKind(), record.getName(), PageRequest.of(0, MAX_DEPLOYS_SHOWN))
			.stream()
			.map(DeploymentView::of)
			.toList();
		return new Detail(DeploymentView.of(record), health, replacedBy(record, current),
				current.map(DeploymentRecord::getId).orElse(null), reading.live(), deploys);
	}

	/**
	 * A record with its object's health and live state; {@code replacedBy} is the id of the newer
	 * deploy that put the object there as it is now, when there is one; {@code currentId} the id of
	 * the deploy that did (perhaps this one; null when none was applied); {@code deploys} the
	 * object's newest deploys.
	 */
	public record Detail(DeploymentView deployment, Health health, Long replacedBy, Long currentId, LiveState live,
			List<DeploymentView> deploys) {
	}

	/** The deploy that put the object there as it is now: its newest applied (or since deleted) record. */
	private Optional<DeploymentRecord> current(DeploymentRecord record) {
		return this.records.findFirstByClusterIdAndNamespaceAndKindAndNameAndStatusInOrderByIdDesc(record.getClusterId(),
				record.getNamespace(), record.getKind(), record.getName(), APPLIED_ONCE);
	}

	private static Long replacedBy(DeploymentRecord record, Optional<DeploymentRecord> current) {
		return current.filter((newer) -> newer.getId() > record.getId()).map(DeploymentRecord::getId).orElse(null);
	}

	/**
	 * The health of objects by their current records: read from the clusters for those applied,
	 * Deleted for those deleted through the portal, Missing where nothing was ever applied.
	 */
	private Map<ObjectKey, Health> health(Collection<Optional<DeploymentRecord>> currents) {
		List<DeploymentRecord> applied = currents.stream()
			.flatMap(Optional::stream)
			.filter((record) -> record.getStatus() == DeployStatus.Applied)
			.toList();
		Map<ObjectKey, Health> health = new HashMap<>(this.healthReader.read(applied));
		for (Optional<DeploymentRecord> current : currents) {
			current.filter((record) -> record.getStatus() == DeployStatus.Deleted)
				.ifPresent((record) -> health.put(ObjectKey.of(record), deleted(record)));
		}
		return health;
	}

	private static Health deleted(DeploymentRecord record) {
		return Health.deleted("Deleted through the portal by " + record.getDeletedBy() + " at "
				+ record.getDeletedAt().truncatedTo(ChronoUnit.SECONDS) + ".");
	}

	/**
	 * Where the template's objects are now: the newest applied or since deleted deploy of each
	 * object, newest first, with the object's health, read as the history reads it.
	 */
	public List<PlacedObject> runningNow(long templateId) {
		Map<ObjectKey, DeploymentRecord> byObject = new LinkedHashMap<>();
		for (DeploymentRecord record : this.records.findByTemplateIdAndStatusInOrderByIdDesc(templateId, APPLIED_ONCE)) {
			byObject.putIfAbsent(ObjectKey.of(record), record);
		}
		Map<ObjectKey, Health> health = health(byObject.values().stream().map(Optional::of).toList());
		return byObject.entrySet()
			.stream()
			.map((object) -> new PlacedObject(DeploymentView.of(object.getValue()),
					health.getOrDefault(object.getKey(), NEVER_APPLIED)))
			.toList();
	}

	/** An object a template put in a cluster: the deploy that put it there as it is (or deleted it), and its health. */
	public record PlacedObject(DeploymentView deploy, Health health) {

		/** Whether the object is meant to be in its cluster: not deleted through the portal. */
		public boolean inCluster() {
			return this.deploy.status() == DeployStatus.Applied;
		}

	}

	/** The object's state in the cluster now, or why it cannot be shown. */
	public LiveState live(long id) {
		return read(find(id)).live();
	}

	/** The live state and, for an applied record, the health read with it; for any other, health is null. */
	private record Reading(LiveState live, Health health) {

		static Reading unavailable(Health health, String message) {
			return new Reading(LiveState.unavailable(message), health);
		}

	}

	private Reading read(DeploymentRecord record) {
		if (record.getStatus() != DeployStatus.Applied) {
			return new Reading(LiveState.unavailable(switch (record.getStatus()) {
				case Deleted -> "Deleted from the cluster by " + record.getDeletedBy() + ".";
				case Failed -> "Nothing was applied: the deploy failed.";
				default -> "Nothing was applied: this was a dry run.";
			}), null);
		}
		try {
			ClusterCalls calls = calls(record);
			WorkloadKind kind = kind(record);
			Optional<JsonNode> found = calls.get(kind, record.getNamespace(), record.getName());
			if (found.isEmpty()) {
				String gone = Deployer.what(record) + " is not in the cluster any more: it was deleted outside the portal.";
				return Reading.unavailable(Health.missing("NotInCluster", gone), gone);
			}
			JsonNode object = found.get();
			Events events = new Events(calls, record.getNamespace());
			events.about(record.getKind(), record.getName());
			if (kind.isPod()) {
				return new Reading(LiveState.ofPod(LiveState.PodState.of(object), events.inOrder(), events.unreadable()),
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
				// a Deployment's pods are made by its ReplicaSets, whose events say why they could not be
				for (JsonNode replicaSet : calls.list(WorkloadKind.REPLICA_SET, record.getNamespace(), selector(kind, object))) {
					events.about("ReplicaSet", replicaSet.path("metadata").path("name").asString());
				}
			}
			return new Reading(LiveState.ofWorkload(replicas(kind, object), LiveState.conditions(object), pods,
					events.inOrder(), joined(progress(kind, object), events.unreadable())),
					Health.of(kind, object, podObjects));
		}
		catch (ClusterCallException ex) {
			return Reading.unavailable(Health.unknown((ex.status() == 0)
					? (ex.timedOut() ? "ClusterTimedOut" : "ClusterUnreachable")
					: ((ex.reason() == null) ? "ClusterRefused" : ex.reason()), ex.getMessage()), ex.getMessage());
		}
		catch (DeployProblem ex) {
			return Reading.unavailable(Health.unknown("ClusterGone", ex.getMessage()), ex.getMessage());
		}
	}

	/**
	 * The last lines of a container's log, of the deployed pod or one of the workload's pods.
	 * @throws DeployProblem not found for a pod that is not the deployment's; as the cluster answers otherwise
	 */
	public String logs(long id, String pod, String container, int tailLines) {
		DeploymentRecord record = find(id);
		int lines = Math.min(Math.max(tailLines, 1), MAX_TAIL_LINES);
		try {
			ClusterCalls calls = calls(record);
			WorkloadKind kind = kind(record);
			String podName = (pod == null || pod.isBlank()) ? null : pod.trim();
			List<String> names;
			if (kind.isPod()) {
				names = List.of(record.getName());
			}
			else {
				JsonNode object = calls.get(kind, record.getNamespace(), record.getName())
					.orElseThrow(() -> new DeployProblem(Kind.NOT_FOUND, "Not found",
							Deployer.what(record) + " is not in the cluster."));
				names = pods(calls, record.getNamespace(), kind, object).stream()
					.map((each) -> each.path("metadata").path("name").asString())
					.toList();
			}
			if (podName == null && names.size() == 1) {
				podName = names.get(0);
			}
			if (podName == null || !names.contains(podName)) {
				throw new DeployProblem(Kind.NOT_FOUND, "Not found", (podName == null)
						? "Name the pod: one of " + names + "."
						: "Pod " + podName + " is not one of this deployment's pods " + names + ".");
			}
			return calls.logs(record.getNamespace(), podName, blankToNull(container), lines);
		}
		catch (ClusterCallException ex) {
			Kind refused = DeployProblem.kindFor(ex);
			throw new DeployProblem((refused == Kind.CONFLICT) ? Kind.INVALID : refused,
					"No logs", ex.getMessage());
		}
	}

	/**
	 * Deletes the object from the cluster; the record stays, marked Deleted, as do the other
	 * records that had applied the same object.
	 * @throws DeployProblem a conflict when the record did not apply anything; as the cluster answers otherwise
	 */
	public DeploymentView undeploy(long id) {
		DeploymentRecord record = find(id);
		if (record.getStatus() != DeployStatus.Applied) {
			throw new DeployProblem(Kind.CONFLICT, "Not deployed",
					"Only an applied deploy can be deleted; this one is " + record.getStatus() + ".");
		}
		String actor = AuditLog.currentActor();
		boolean wasThere;
		try {
			wasThere = calls(record).delete(kind(record), record.getNamespace(), record.getName());
		}
		catch (ClusterCallException ex) {
			this.audit.record(actor, "UNDEPLOY", Deployer.where(record), Outcome.FAILURE, ex.getMessage());
			throw new DeployProblem(DeployProblem.kindFor(ex), "Not deleted", ex.getMessage());
		}
		List<DeploymentRecord> same = this.records.findByClusterIdAndNamespaceAndKindAndNameAndStatus(
				record.getClusterId(), record.getNamespace(), record.getKind(), record.getName(), DeployStatus.Applied);
		same.forEach((other) -> other.markDeleted(this.clock.instant().truncatedTo(ChronoUnit.MICROS), actor));
		this.records.saveAll(same);
		this.audit.record(actor, "UNDEPLOY", Deployer.where(record), Outcome.SUCCESS,
				wasThere ? "deleted" : "it was not in the cluster any more");
		return DeploymentView.of(find(id));
	}

	/** Deploys the record's template again to the same place with the same values: its revision, or the latest. */
	public Deployer.DeployOutcome redeploy(long id, boolean latest, boolean force, boolean replace,
			boolean pauseForChanges) {
		DeploymentRecord record = find(id);
		return this.deployer.deploy(new DeployRequest(record.getTemplateId(), latest ? null : record.getRevision(),
				record.getClusterId(), record.getNamespace(), DeploymentView.values(record), record.getKind(), false, force,
				replace), pauseForChanges);
	}

	/**
	 * How the live object differs from what the record applied, in the fields it applied: a
	 * change by someone else shows as a diff; the others who wrote to the object are named.
	 */
	public Drift drift(long id) {
		DeploymentRecord record = find(id);
		if (record.getStatus() != DeployStatus.Applied) {
			return new Drift(false, live(id).message(), "", List.of());
		}
		try {
			Optional<JsonNode> live = calls(record).get(kind(record), record.getNamespace(), record.getName());
			if (live.isEmpty()) {
				return new Drift(false, Deployer.what(record) + " is not in the cluster any more.", "", List.of());
			}
			JsonNode applied = ManifestReader.readJson(record.getManifest());
			String mine = ManifestWriter.toYaml(applied);
			String theirs = ManifestWriter.toYaml(project(applied, live.get()));
			List<String> others = new ArrayList<>();
			for (JsonNode entry : live.get().path("metadata").path("managedFields")) {
				String manager = entry.path("manager").asString("");
				if (!manager.equals(ClusterCalls.FIELD_MANAGER)) {
					others.add(manager + " (" + entry.path("operation").asString("") + ", " + entry.path("time").asString("")
							+ ")");
				}
			}
			return new Drift(true, null, mine.equals(theirs) ? "" : LineDiff.unified("applied", mine, "live", theirs),
					others);
		}
		catch (ClusterCallException ex) {
			return new Drift(false, ex.getMessage(), "", List.of());
		}
	}

	/** The drift of a live object: {@code diff} is empty when the fields it applied are as applied. */
	public record Drift(boolean inCluster, String message, String diff, List<String> otherManagers) {
	}

	/**
	 * The live object cut to the shape of what was applied: the fields applied, with their live
	 * values; list items with a name matched by name.
	 */
	static JsonNode project(JsonNode applied, JsonNode live) {
		if (applied.isObject()) {
			ObjectNode projected = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> field : applied.properties()) {
				JsonNode value = live.get(field.getKey());
				if (value != null) {
					projected.set(field.getKey(), project(field.getValue(), value));
				}
			}
			return projected;
		}
		if (applied.isArray() && live.isArray() && applied.valueStream().allMatch((item) -> item.has("name"))) {
			ArrayNode projected = JsonNodeFactory.instance.arrayNode();
			for (JsonNode item : applied) {
				live.valueStream()
					.filter((candidate) -> candidate.path("name").equals(item.get("name")))
					.findFirst()
					.ifPresent((match) -> projected.add(project(item, match)));
			}
			return projected;
		}
		return live;
	}

	/**
	 * The events about an object and its pods. Many deploy accounts may not read events: then
	 * the state is shown without them, saying why.
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

	/** The label selector of the workload's pods; null for a CronJob, whose pods belong to its Jobs. */
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
		return (kind == WorkloadKind.JOB) ? "batch.kubernetes.io/job-name=" + object.path("metadata").path("name").asString()
				: null;
	}

	static LiveState.Replicas replicas(WorkloadKind kind, JsonNode object) {
		JsonNode status = object.path("status");
		return switch (kind) {
			case DEPLOYMENT, REPLICA_SET, STATEFUL_SET -> new LiveState.Replicas(object.path("spec").path("replicas").asInt(1),
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
					+ status.path("lastScheduleTime").asString("never") + "; active jobs " + status.path("active").size() + ".";
			default -> null;
		};
	}

	private ClusterCalls calls(DeploymentRecord record) {
		try {
			return this.clusters.calls(record.getClusterId());
		}
		catch (ClusterProblem ex) {
			throw new DeployProblem(Kind.CONFLICT, "Cluster gone",
					"Cluster " + record.getClusterName() + " is not connected any more.");
		}
	}

	private static WorkloadKind kind(DeploymentRecord record) {
		return WorkloadKind.fromKindName(record.getKind()).orElseThrow();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private DeploymentRecord find(long id) {
		return this.records.findById(id)
			.orElseThrow(() -> new DeployProblem(Kind.NOT_FOUND, "Not found", "There is no deployment " + id + "."));
	}

}
