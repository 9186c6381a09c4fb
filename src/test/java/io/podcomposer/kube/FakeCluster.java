package io.podcomposer.kube;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fake API server stores, and the parts of a cluster that act on it: the
 * controllers that create pods for workloads and keep their status, the scheduler and
 * kubelet that run pods, and the events they all record. Every method holds the
 * instance's lock; stored objects are changed only under it.
 */
final class FakeCluster implements AutoCloseable {

	static final String NODE = "fake-node-1";

	/** The characters Kubernetes uses for generated name suffixes and hashes. */
	private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();

	/**
	 * Why a controller last failed to create a pod, by owner key; gone once one is
	 * created.
	 */
	private final Map<String, String> failedCreates = new ConcurrentHashMap<>();

	/** When each running container started, by {@code ns/pod/container}, for its log. */
	private final Map<String, Instant> started = new ConcurrentHashMap<>();

	/** When each container that ran to completion exited, by {@code ns/pod/container}. */
	private final Map<String, Instant> finished = new ConcurrentHashMap<>();

	private final AtomicLong resourceVersion = new AtomicLong(1000);

	private final AtomicLong podIps = new AtomicLong(1);

	/**
	 * The nanoseconds in the name of the last event, so that names are unique and sort by
	 * time.
	 */
	private long lastEventNanos;

	private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();

	synchronized ObjectNode get(ResourceType type, String namespace, String name) {
		return objects.get(key(type, namespace, name));
	}

	/** The objects of a type in a namespace (all namespaces when null), by name. */
	synchronized List<ObjectNode> list(ResourceType type, String namespace) {
		String prefix = type.plural() + "/" + (namespace == null ? "" : namespace + "/");
		return objects.entrySet()
			.stream()
			.filter(entry -> entry.getKey().startsWith(prefix))
			.map(Map.Entry::getValue)
			.sorted(Comparator.comparing((ObjectNode object) -> object.path("metadata").path("namespace").asString(""))
				.thenComparing(object -> object.path("metadata").path("name").asString()))
			.toList();
	}

	synchronized void put(ResourceType type, ObjectNode object) {
		JsonNode metadata = object.path("metadata");
		objects.put(key(type, metadata.path("namespace").asString(""), metadata.path("name").asString()), object);
	}

	/**
	 * Gives the metadata a uid, creation time and a new resource version, keeping those
	 * of the previous one.
	 */
	synchronized void stamp(ObjectNode metadata, JsonNode previous) {
		stamp(metadata, previous, true);
	}

	/**
	 * As {@link #stamp(ObjectNode, JsonNode)} for a write that is {@code stored}; a dry
	 * run stores nothing, so its answer keeps the previous resource version, none for a
	 * create, as the API server's dry-run storage answers.
	 */
	synchronized void stamp(ObjectNode metadata, JsonNode previous, boolean stored) {
		metadata.put("uid", previous == null ? UUID.randomUUID().toString() : previous.path("uid").asString());
		if (stored) {
			metadata.put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
		}
		else if (previous == null) {
			metadata.remove("resourceVersion");
		}
		else {
			metadata.set("resourceVersion", previous.path("resourceVersion"));
		}
		metadata.put("creationTimestamp", previous == null ? now() : previous.path("creationTimestamp").asString());
	}

	String currentResourceVersion() {
		return Long.toString(resourceVersion.get());
	}

	/**
	 * Deletes an object for a client: as {@link #delete}, and the controller of a deleted
	 * pod replaces it.
	 */
	synchronized ObjectNode deleteForClient(ResourceType type, String namespace, String name) {
		ObjectNode removed = delete(type, namespace, name);
		if (removed != null && type.equals(ResourceType.PODS)) {
			for (JsonNode reference : removed.at("/metadata/ownerReferences")) {
				Optional<ResourceType> ownerType = ResourceType.ofKind(reference.path("apiVersion").asString(),
						reference.path("kind").asString());
				if (reference.path("controller").asBoolean() && ownerType.isPresent()) {
					String ownerName = reference.path("name").asString();
					later(() -> reconcile(ownerType.get(), namespace, ownerName, reference.path("uid").asString()));
				}
			}
		}
		return removed;
	}

	/**
	 * Deletes an object and, as background propagation would, everything it owns; the
	 * kubelet stops a pod's containers.
	 */
	synchronized ObjectNode delete(ResourceType type, String namespace, String name) {
		ObjectNode removed = objects.remove(key(type, namespace, name));
		if (removed != null && type.equals(ResourceType.PODS)) {
			for (JsonNode container : removed.at("/status/containerStatuses")) {
				if (container.at("/state/running").isObject()) {
					event(removed, "kubelet", "Normal", "Killing",
							"Stopping container " + container.path("name").asString());
				}
			}
		}
		if (removed != null && type.isWorkload()) {
			for (ResourceType ownedType : List.of(ResourceType.REPLICASETS, ResourceType.PODS, ResourceType.JOBS)) {
				for (ObjectNode owned : ownedBy(ownedType, removed)) {
					delete(ownedType, namespace, owned.path("metadata").path("name").asString());
				}
			}
			failedCreates.remove(key(removed));
			refreshStatuses(namespace);
		}
		return removed;
	}

	/**
	 * After an apply was stored: the kubelet runs a new pod, the controllers act on a
	 * workload.
	 */
	synchronized void applied(ResourceType type, ObjectNode object) {
		String namespace = object.path("metadata").path("namespace").asString();
		String name = object.path("metadata").path("name").asString();
		String uid = object.path("metadata").path("uid").asString();
		if (type.equals(ResourceType.PODS)) {
			if (!object.path("spec").has("nodeName")) {
				later(() -> run(namespace, name, uid));
			}
		}
		else if (type.isWorkload()) {
			later(() -> reconcile(type, namespace, name, uid));
		}
	}

	/** The pods a workload controls, through its ReplicaSets for a Deployment. */
	synchronized List<ObjectNode> podsOwnedBy(ResourceType type, String namespace, String name) {
		ObjectNode owner = get(type, namespace, name);
		if (owner == null) {
			return List.of();
		}
		if (type.equals(ResourceType.DEPLOYMENTS)) {
			return ownedBy(ResourceType.REPLICASETS, owner).stream()
				.flatMap(replicaSet -> ownedBy(ResourceType.PODS, replicaSet).stream())
				.toList();
		}
		return ownedBy(ResourceType.PODS, owner);
	}

	/** Records an event about an object, as the component named would. */
	synchronized void event(JsonNode about, String component, String type, String reason, String message) {
		JsonNode metadata = about.path("metadata");
		String namespace = metadata.path("namespace").asString();
		ObjectNode event = NODES.objectNode().put("apiVersion", "v1").put("kind", "Event");
		String time = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
		ObjectNode eventMetadata = event.putObject("metadata")
			.put("name", metadata.path("name").asString() + "." + eventSuffix())
			.put("namespace", namespace);
		stamp(eventMetadata, null);
		event.putObject("involvedObject")
			.put("kind", about.path("kind").asString())
			.put("namespace", namespace)
			.put("name", metadata.path("name").asString())
			.put("uid", metadata.path("uid").asString())
			.put("apiVersion", about.path("apiVersion").asString())
			.put("resourceVersion", metadata.path("resourceVersion").asString());
		event.put("reason", reason).put("message", message);
		ObjectNode source = event.putObject("source").put("component", component);
		if (component.equals("kubelet")) {
			source.put("host", NODE);
		}
		event.put("firstTimestamp", now()).put("lastTimestamp", now()).put("count", 1).put("type", type);
		event.put("eventTime", time)
			.put("reportingComponent", component)
			.put("reportingInstance", component.equals("kubelet") ? NODE : "");
		put(ResourceType.EVENTS, event);
	}

	/**
	 * The log of a container, one start-up line naming container and image, one when
	 * ready, then one a second while it runs; empty when it has not started.
	 */
	synchronized List<String> log(String namespace, String pod, String container, String image) {
		String key = namespace + "/" + pod + "/" + container;
		Instant start = started.get(key);
		if (start == null) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		lines.add(start + " starting container \"" + container + "\" from image \"" + image + "\"");
		lines.add(start + " container \"" + container + "\" is ready");
		Instant end = finished.getOrDefault(key, Instant.now());
		long seconds = Duration.between(start, end).toSeconds();
		for (long second = 1; second <= seconds; second++) {
			lines.add(start.plusSeconds(second) + " container \"" + container + "\" still running (" + second + "s)");
		}
		if (finished.containsKey(key)) {
			lines.add(end + " container \"" + container + "\" done, exit code 0");
		}
		return lines;
	}

	private String eventSuffix() {
		Instant now = Instant.now();
		lastEventNanos = Math.max(now.getEpochSecond() * 1_000_000_000L + now.getNano(), lastEventNanos + 1);
		return String.format("%016x", lastEventNanos);
	}

	@Override
	public void close() {
		background.shutdownNow();
	}

	private void later(Runnable task) {
		later(task, 50);
	}

	private void later(Runnable task, long millis) {
		background.schedule(() -> {
			synchronized (this) {
				task.run();
			}
		}, millis, TimeUnit.MILLISECONDS);
	}

	// --- controllers

	private void reconcile(ResourceType type, String namespace, String name, String uid) {
		ObjectNode workload = get(type, namespace, name);
		if (workload == null || !workload.path("metadata").path("uid").asString().equals(uid)) {
			return;
		}
		JsonNode spec = workload.path("spec");
		String hash = hash(spec.path("template"));
		if (type.equals(ResourceType.DEPLOYMENTS)) {
			deploy(workload, hash);
		}
		else if (type.equals(ResourceType.REPLICASETS)) {
			scale(workload, spec.path("replicas").asInt(1), null);
		}
		else if (type.equals(ResourceType.DAEMONSETS)) {
			scale(workload, 1, name + "-" + hash);
		}
		else if (type.equals(ResourceType.JOBS)) {
			// a suspended Job runs no pods
			int parallelism = spec.path("suspend").asBoolean(false) ? 0 : spec.path("parallelism").asInt(1);
			scale(workload, Math.min(parallelism, spec.path("completions").asInt(parallelism)), null);
		}
		else if (type.equals(ResourceType.STATEFULSETS)) {
			statefulSet(workload, name + "-" + hash);
		}
		refreshStatuses(namespace);
	}

	/**
	 * A Deployment's ReplicaSet for its template, scaled up; the ReplicaSets of older
	 * templates scaled to 0.
	 */
	private void deploy(ObjectNode deployment, String hash) {
		String namespace = deployment.path("metadata").path("namespace").asString();
		String name = deployment.path("metadata").path("name").asString() + "-" + hash;
		int replicas = deployment.path("spec").path("replicas").asInt(1);
		for (ObjectNode old : ownedBy(ResourceType.REPLICASETS, deployment)) {
			String oldName = old.path("metadata").path("name").asString();
			int oldReplicas = old.path("spec").path("replicas").asInt();
			if (!oldName.equals(name) && oldReplicas > 0) {
				((ObjectNode) old.get("spec")).put("replicas", 0);
				scale(old, 0, null);
				event(deployment, "deployment-controller", "Normal", "ScalingReplicaSet",
						"Scaled down replica set " + oldName + " from " + oldReplicas + " to 0");
			}
		}
		ObjectNode replicaSet = get(ResourceType.REPLICASETS, namespace, name);
		int before = replicaSet == null ? 0 : replicaSet.path("spec").path("replicas").asInt();
		if (replicaSet == null) {
			replicaSet = NODES.objectNode().put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
			ObjectNode metadata = replicaSet.putObject("metadata").put("name", name).put("namespace", namespace);
			metadata.set("labels", templateLabels(deployment).put("pod-template-hash", hash));
			metadata.putObject("annotations").put("deployment.kubernetes.io/revision", "1");
			metadata.putArray("ownerReferences").add(ownerReference(deployment));
			stamp(metadata, null);
			metadata.put("generation", 1);
			ObjectNode spec = replicaSet.putObject("spec");
			ObjectNode selector = (ObjectNode) deployment.path("spec").path("selector").deepCopy();
			selector.withObject("/matchLabels").put("pod-template-hash", hash);
			spec.set("selector", selector);
			ObjectNode template = (ObjectNode) deployment.path("spec").path("template").deepCopy();
			template.withObject("/metadata").withObject("/labels").put("pod-template-hash", hash);
			spec.set("template", template);
			put(ResourceType.REPLICASETS, replicaSet);
		}
		((ObjectNode) replicaSet.get("spec")).put("replicas", replicas);
		if (before != replicas) {
			event(deployment, "deployment-controller", "Normal", "ScalingReplicaSet",
					"Scaled " + (replicas > before ? "up" : "down") + " replica set " + name + " from " + before
							+ " to " + replicas);
		}
		scale(replicaSet, replicas, null);
	}

	private void statefulSet(ObjectNode statefulSet, String revision) {
		String namespace = statefulSet.path("metadata").path("namespace").asString();
		String name = statefulSet.path("metadata").path("name").asString();
		int replicas = statefulSet.path("spec").path("replicas").asInt(1);
		for (ObjectNode pod : ownedBy(ResourceType.PODS, statefulSet)) {
			String podName = pod.path("metadata").path("name").asString();
			int ordinal = Integer.parseInt(podName.substring(name.length() + 1));
			if (ordinal >= replicas
					|| !revision.equals(pod.at("/metadata/labels/controller-revision-hash").asString())) {
				delete(ResourceType.PODS, namespace, podName);
				event(statefulSet, "statefulset-controller", "Normal", "SuccessfulDelete",
						"delete Pod " + podName + " in StatefulSet " + name + " successful");
			}
		}
		for (int ordinal = 0; ordinal < replicas; ordinal++) {
			String podName = name + "-" + ordinal;
			if (get(ResourceType.PODS, namespace, podName) == null) {
				ObjectNode pod = newPod(statefulSet, podName);
				pod.withObject("/metadata/labels")
					.put("controller-revision-hash", revision)
					.put("statefulset.kubernetes.io/pod-name", podName)
					.put("apps.kubernetes.io/pod-index", Integer.toString(ordinal));
				((ObjectNode) pod.get("spec")).put("hostname", podName);
				Optional<String> refusal = admit(pod);
				String failure = refusal
					.map(reason -> "create Pod " + podName + " in StatefulSet " + name + " failed error: pods \""
							+ podName + "\" is forbidden: " + reason)
					.orElse(null);
				created(statefulSet, pod, failure, "create Pod " + podName + " in StatefulSet " + name + " successful");
				if (failure != null) {
					return;
				}
			}
		}
	}

	/**
	 * Brings the pods a controller owns to {@code replicas}: the excess deleted, the
	 * missing created from its template with a generated name. A revision, when given,
	 * replaces pods of another.
	 */
	private void scale(ObjectNode owner, int replicas, String revision) {
		String namespace = owner.path("metadata").path("namespace").asString();
		String name = owner.path("metadata").path("name").asString();
		String component = owner.path("kind").asString().toLowerCase() + "-controller";
		List<ObjectNode> pods = new ArrayList<>(ownedBy(ResourceType.PODS, owner));
		if (revision != null) {
			for (ObjectNode pod : List.copyOf(pods)) {
				if (!revision.equals(pod.at("/metadata/labels/controller-revision-hash").asString())) {
					delete(ResourceType.PODS, namespace, pod.path("metadata").path("name").asString());
					pods.remove(pod);
				}
			}
		}
		while (pods.size() > replicas) {
			String podName = pods.remove(pods.size() - 1).path("metadata").path("name").asString();
			delete(ResourceType.PODS, namespace, podName);
			event(owner, component, "Normal", "SuccessfulDelete", "Deleted pod: " + podName);
		}
		for (int i = pods.size(); i < replicas; i++) {
			ObjectNode pod = newPod(owner, name + "-" + suffix(5));
			ObjectNode metadata = (ObjectNode) pod.get("metadata");
			metadata.put("generateName", name + "-");
			if (revision != null) {
				metadata.withObject("/labels")
					.put("controller-revision-hash", revision)
					.put("pod-template-generation", "1");
			}
			if (owner.path("kind").asString().equals("Job")) {
				String uid = owner.path("metadata").path("uid").asString();
				metadata.withObject("/labels")
					.put("batch.kubernetes.io/controller-uid", uid)
					.put("batch.kubernetes.io/job-name", name)
					.put("controller-uid", uid)
					.put("job-name", name);
			}
			Optional<String> refusal = admit(pod);
			// admission runs before the name is generated: the refusal names the prefix
			String failure = refusal.map(reason -> "Error creating: pods \"" + name + "-\" is forbidden: " + reason)
				.orElse(null);
			created(owner, pod, failure, "Created pod: " + metadata.path("name").asString());
			if (failure != null) {
				return;
			}
		}
	}

	private void created(ObjectNode owner, ObjectNode pod, String failure, String success) {
		String component = owner.path("kind").asString().toLowerCase() + "-controller";
		String ownerKey = key(owner);
		if (failure != null) {
			failedCreates.put(ownerKey, failure);
			event(owner, component, "Warning", "FailedCreate", failure);
			return;
		}
		failedCreates.remove(ownerKey);
		ObjectNode metadata = (ObjectNode) pod.get("metadata");
		stamp(metadata, null);
		Defaults.pod(pod);
		metadata.putArray("managedFields")
			.addObject()
			.put("manager", "kube-controller-manager")
			.put("operation", "Update")
			.put("apiVersion", "v1")
			.put("time", now())
			.put("fieldsType", "FieldsV1")
			.set("fieldsV1", ManagedFields.fieldsV1(ManagedFields.paths(pod)));
		put(ResourceType.PODS, pod);
		event(owner, component, "Normal", "SuccessfulCreate", success);
		applied(ResourceType.PODS, pod);
	}

	private Optional<String> admit(ObjectNode pod) {
		return PodSecurityBaseline.refusal(get(ResourceType.NAMESPACES, "", pod.at("/metadata/namespace").asString()),
				pod);
	}

	private ObjectNode newPod(ObjectNode owner, String name) {
		ObjectNode pod = NODES.objectNode().put("apiVersion", "v1").put("kind", "Pod");
		ObjectNode metadata = pod.putObject("metadata").put("name", name);
		metadata.put("namespace", owner.path("metadata").path("namespace").asString());
		metadata.set("labels", templateLabels(owner));
		JsonNode annotations = owner.at("/spec/template/metadata/annotations");
		if (annotations.isObject()) {
			metadata.set("annotations", annotations.deepCopy());
		}
		metadata.putArray("ownerReferences").add(ownerReference(owner));
		pod.set("spec", owner.at("/spec/template/spec").deepCopy());
		pod.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort");
		return pod;
	}

	private static ObjectNode templateLabels(ObjectNode owner) {
		JsonNode labels = owner.at("/spec/template/metadata/labels");
		return labels instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
	}

	private static ObjectNode ownerReference(ObjectNode owner) {
		return NODES.objectNode()
			.put("apiVersion", owner.path("apiVersion").asString())
			.put("kind", owner.path("kind").asString())
			.put("name", owner.path("metadata").path("name").asString())
			.put("uid", owner.path("metadata").path("uid").asString())
			.put("controller", true)
			.put("blockOwnerDeletion", true);
	}

	private List<ObjectNode> ownedBy(ResourceType type, JsonNode owner) {
		String uid = owner.path("metadata").path("uid").asString();
		return list(type, owner.path("metadata").path("namespace").asString()).stream().filter(object -> {
			for (JsonNode reference : object.path("metadata").path("ownerReferences")) {
				if (reference.path("uid").asString().equals(uid) && reference.path("controller").asBoolean()) {
					return true;
				}
			}
			return false;
		}).toList();
	}

	/** Every workload's status in the namespace, from its pods as they are now. */
	private void refreshStatuses(String namespace) {
		for (ResourceType type : List.of(ResourceType.REPLICASETS, ResourceType.DEPLOYMENTS, ResourceType.STATEFULSETS,
				ResourceType.DAEMONSETS, ResourceType.JOBS, ResourceType.CRONJOBS)) {
			for (ObjectNode workload : list(type, namespace)) {
				JsonNode before = workload.path("status").deepCopy();
				WorkloadStatus.refresh(type, workload,
						podsOwnedBy(type, namespace, workload.at("/metadata/name").asString()),
						failedCreates.get(key(workload)), this::currentReplicaSet);
				if (!before.equals(workload.path("status"))) {
					workload.withObject("/metadata")
						.put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
				}
			}
		}
	}

	private Optional<ObjectNode> currentReplicaSet(ObjectNode deployment) {
		String name = deployment.at("/metadata/name").asString() + "-" + hash(deployment.at("/spec/template"));
		return Optional
			.ofNullable(get(ResourceType.REPLICASETS, deployment.at("/metadata/namespace").asString(), name));
	}

	// --- scheduler and kubelet

	/**
	 * The pod is scheduled and gets an IP; its containers run, unless an image names a
	 * registry host {@link FakeKubernetes#MISSING_IMAGE_HOST}, which cannot be pulled.
	 * Each step is an event.
	 */
	private void run(String namespace, String name, String uid) {
		ObjectNode pod = get(ResourceType.PODS, namespace, name);
		if (pod == null || !pod.path("metadata").path("uid").asString().equals(uid)
				|| pod.at("/spec/nodeName").isString()) {
			return;
		}
		String startTime = now();
		((ObjectNode) pod.get("spec")).put("nodeName", NODE);
		event(pod, "default-scheduler", "Normal", "Scheduled",
				"Successfully assigned " + namespace + "/" + name + " to " + NODE);
		ObjectNode status = pod.putObject("status")
			.put("hostIP", "10.0.0.1")
			.put("podIP", "10.244.0." + podIps.incrementAndGet())
			.put("startTime", startTime)
			.put("qosClass", "BestEffort");
		ArrayNode containers = status.putArray("containerStatuses");
		boolean allRunning = true;
		for (JsonNode container : pod.path("spec").path("containers")) {
			String containerName = container.path("name").asString();
			String image = container.path("image").asString();
			boolean pulled = !image.contains(FakeKubernetes.MISSING_IMAGE_HOST + "/");
			allRunning &= pulled;
			ObjectNode containerStatus = containers.addObject()
				.put("name", containerName)
				.put("image", image)
				.put("imageID", "")
				.put("ready", pulled)
				.put("started", pulled)
				.put("restartCount", 0);
			event(pod, "kubelet", "Normal", "Pulling", "Pulling image \"" + image + "\"");
			if (pulled) {
				event(pod, "kubelet", "Normal", "Pulled", "Successfully pulled image \"" + image
						+ "\" in 812ms (812ms including waiting). Image size: 72099410 bytes.");
				event(pod, "kubelet", "Normal", "Created", "Created container: " + containerName);
				event(pod, "kubelet", "Normal", "Started", "Started container " + containerName);
				started.put(namespace + "/" + name + "/" + containerName, Instant.now());
				containerStatus.put("containerID", "containerd://" + UUID.randomUUID().toString().replace("-", ""));
				containerStatus.putObject("state").putObject("running").put("startedAt", startTime);
			}
			else {
				String host = image.substring(0, image.indexOf('/'));
				event(pod, "kubelet", "Warning", "Failed",
						"Failed to pull image \"" + image + "\": failed to pull and unpack image \"" + image
								+ "\": failed to resolve reference \"" + image
								+ "\": failed to do request: Head \"https://" + host + "/v2/\": dial tcp: lookup "
								+ host + ": no such host");
				event(pod, "kubelet", "Warning", "Failed", "Error: ErrImagePull");
				event(pod, "kubelet", "Normal", "BackOff", "Back-off pulling image \"" + image + "\"");
				event(pod, "kubelet", "Warning", "Failed", "Error: ImagePullBackOff");
				containerStatus.putObject("state")
					.putObject("waiting")
					.put("reason", "ImagePullBackOff")
					.put("message", "Back-off pulling image \"" + image + "\"");
			}
		}
		status.put("phase", allRunning ? "Running" : "Pending");
		ArrayNode conditions = status.putArray("conditions");
		for (String type : List.of("PodScheduled", "Initialized", "ContainersReady", "Ready")) {
			boolean met = allRunning || type.equals("PodScheduled") || type.equals("Initialized");
			conditions.addObject()
				.put("type", type)
				.put("status", met ? "True" : "False")
				.put("lastTransitionTime", startTime);
		}
		pod.withObject("/metadata").put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
		if (allRunning && pod.at("/metadata/ownerReferences/0/kind").asString().equals("Job")) {
			later(() -> complete(namespace, name, uid), 500);
		}
		refreshStatuses(namespace);
	}

	/** A Job's pod: its containers exit 0 and the pod has Succeeded. */
	private void complete(String namespace, String name, String uid) {
		ObjectNode pod = get(ResourceType.PODS, namespace, name);
		if (pod == null || !pod.path("metadata").path("uid").asString().equals(uid)) {
			return;
		}
		String finishedAt = now();
		ObjectNode status = (ObjectNode) pod.get("status");
		status.put("phase", "Succeeded");
		for (JsonNode container : status.path("containerStatuses")) {
			ObjectNode containerStatus = (ObjectNode) container;
			String startedAt = containerStatus.at("/state/running/startedAt").asString();
			containerStatus.put("ready", false).put("started", false);
			containerStatus.putObject("state")
				.putObject("terminated")
				.put("exitCode", 0)
				.put("reason", "Completed")
				.put("startedAt", startedAt)
				.put("finishedAt", finishedAt)
				.put("containerID", containerStatus.path("containerID").asString());
			finished.put(namespace + "/" + name + "/" + containerStatus.path("name").asString(), Instant.now());
		}
		for (JsonNode condition : status.path("conditions")) {
			if (condition.path("type").asString().endsWith("Ready")) {
				((ObjectNode) condition).put("status", "False")
					.put("reason", "PodCompleted")
					.put("lastTransitionTime", finishedAt);
			}
		}
		pod.withObject("/metadata").put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
		refreshStatuses(namespace);
		ObjectNode job = get(ResourceType.JOBS, namespace, pod.at("/metadata/ownerReferences/0/name").asString());
		if (job != null && job.at("/status/completionTime").isString()) {
			event(job, "job-controller", "Normal", "Completed", "Job completed");
		}
	}

	/**
	 * A hash of a pod template, as the controllers name revisions: 10 characters of the
	 * safe alphabet.
	 */
	static String hash(JsonNode template) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : template.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			hash = (hash ^ b) * 0x100000001b3L;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			text.append(ALPHANUMS.charAt((int) Math.floorMod(hash, (long) ALPHANUMS.length())));
			hash /= ALPHANUMS.length();
			hash ^= hash << 7;
		}
		return text.toString();
	}

	private static String suffix(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMS.charAt(ThreadLocalRandom.current().nextInt(ALPHANUMS.length())));
		}
		return text.toString();
	}

	private static String key(ResourceType type, String namespace, String name) {
		return type.plural() + "/" + namespace + "/" + name;
	}

	private static String key(JsonNode object) {
		return object.path("kind").asString() + "/" + object.at("/metadata/namespace").asString() + "/"
				+ object.at("/metadata/name").asString();
	}

	static String now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
