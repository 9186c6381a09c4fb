package io.podcomposer.manifest;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Kubernetes object of a supported kind, held as the tree it was given so that no field
 * is lost. It knows where its pod template lives and how to wrap the pod into another
 * kind or unwrap it.
 * <p>
 * The tree is mutable: editors change it in place through {@link #root()},
 * {@link #editPodSpec()} and {@link #editPodMetadata()}.
 */
public final class Manifest {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final ObjectNode root;

	private final WorkloadKind kind;

	private final KindMemory kindMemory;

	/** What the YAML text it was read from repeated; see {@link #duplicateFields()}. */
	private final List<String> duplicateFields;

	private Manifest(ObjectNode root, WorkloadKind kind, KindMemory kindMemory) {
		this(root, kind, kindMemory, List.of());
	}

	private Manifest(ObjectNode root, WorkloadKind kind, KindMemory kindMemory, List<String> duplicateFields) {
		this.root = root;
		this.kind = kind;
		this.kindMemory = kindMemory;
		this.duplicateFields = duplicateFields;
	}

	/**
	 * Takes a parsed document as a manifest of a supported kind.
	 * @throws UnsupportedManifestException when it is not an object of a kind and
	 * apiVersion the portal composes
	 */
	public static Manifest of(JsonNode document) {
		requireKind(document);
		JsonNode kindNode = document.get("kind");
		WorkloadKind kind = WorkloadKind.fromKindName(kindNode.asString())
			.orElseThrow(() -> new UnsupportedManifestException(
					"kind \"" + kindNode.asString() + "\" is not supported; supported kinds are " + supportedKinds()));
		String apiVersion = document.path("apiVersion").asString("");
		if (!kind.apiVersion().equals(apiVersion)) {
			throw new UnsupportedManifestException("apiVersion \"" + apiVersion + "\" is not supported for kind "
					+ kind.kindName() + "; use " + kind.apiVersion());
		}
		return new Manifest(((ObjectNode) document).deepCopy(), kind, KindMemory.NONE,
				ManifestReader.duplicateFields(document));
	}

	/**
	 * Checks that a document is an object that names its kind, of any kind.
	 * @throws UnsupportedManifestException when it is not an object or has no kind
	 */
	public static void requireKind(JsonNode document) {
		if (document == null || !document.isObject()) {
			throw new UnsupportedManifestException("a manifest must be an object with apiVersion and kind");
		}
		JsonNode kindNode = document.get("kind");
		if (kindNode == null || !kindNode.isString() || kindNode.asString().isEmpty()) {
			throw new UnsupportedManifestException("kind is missing; supported kinds are " + supportedKinds());
		}
	}

	/** A new Pod with one container, the composer's blank page. */
	public static Manifest newPod(String name, String containerName, String image) {
		ObjectNode root = NODES.objectNode();
		root.put("apiVersion", WorkloadKind.POD.apiVersion());
		root.put("kind", WorkloadKind.POD.kindName());
		root.putObject("metadata").put("name", name);
		ObjectNode container = root.putObject("spec").putArray("containers").addObject();
		container.put("name", containerName);
		container.put("image", image);
		return new Manifest(root, WorkloadKind.POD, KindMemory.NONE);
	}

	public static String supportedKinds() {
		List<String> names = new ArrayList<>();
		for (WorkloadKind kind : WorkloadKind.values()) {
			names.add(kind.kindName());
		}
		return String.join(", ", names);
	}

	public WorkloadKind kind() {
		return this.kind;
	}

	public ObjectNode root() {
		return this.root;
	}

	/** A copy of the tree, with the same memory of the kinds it was switched from. */
	public Manifest deepCopy() {
		return new Manifest(this.root.deepCopy(), this.kind, this.kindMemory, this.duplicateFields);
	}

	/**
	 * The manifest with {@code other}'s memory of the kinds it was switched from, for a
	 * manifest that replaces {@code other} in the same kind: the YAML tab's text read
	 * back.
	 */
	public Manifest rememberingKindsOf(Manifest other) {
		return (other.kind == this.kind) ? new Manifest(this.root, this.kind, other.kindMemory, this.duplicateFields)
				: this;
	}

	/**
	 * The fields that the YAML text this manifest was read from gave twice within one
	 * mapping ({@code spec.replicas}), for the API server's strict decoding error; the
	 * manifest holds the last value of each. Empty for a manifest not read from YAML
	 * text.
	 */
	public List<String> duplicateFields() {
		return this.duplicateFields;
	}

	/**
	 * What the composer carries from request to request: the manifest's fields, plus,
	 * when it was switched from other kinds, what it remembers of them (see
	 * {@link KindMemory}).
	 */
	public ObjectNode composerState() {
		if (this.kindMemory.isEmpty()) {
			return this.root;
		}
		ObjectNode state = this.root.deepCopy();
		state.set(KindMemory.STATE_FIELD, this.kindMemory.toJson());
		return state;
	}

	/**
	 * Reads what {@link #composerState()} gave.
	 * @throws UnsupportedManifestException as {@link #of(JsonNode)}
	 */
	public static Manifest ofComposerState(JsonNode state) {
		if (state == null || !state.isObject() || !state.has(KindMemory.STATE_FIELD)) {
			return of(state);
		}
		ObjectNode root = ((ObjectNode) state).deepCopy();
		KindMemory memory = KindMemory.fromJson(root.remove(KindMemory.STATE_FIELD));
		Manifest manifest = of(root);
		return new Manifest(manifest.root, manifest.kind, memory);
	}

	KindMemory kindMemory() {
		return this.kindMemory;
	}

	public String name() {
		return this.root.path("metadata").path("name").asString("");
	}

	/**
	 * The object holding the pod's metadata and spec: the root for a Pod, else the pod
	 * template.
	 */
	public JsonNode podTemplate() {
		JsonNode node = this.root;
		for (String field : this.kind.templatePath()) {
			node = node.path(field);
		}
		return node;
	}

	/** The pod spec, read-only: a missing node when the manifest has none. */
	public JsonNode podSpec() {
		return podTemplate().path("spec");
	}

	public JsonNode podMetadata() {
		return podTemplate().path("metadata");
	}

	/** The pod template for editing, created along its path when absent. */
	public ObjectNode editPodTemplate() {
		ObjectNode node = this.root;
		for (String field : this.kind.templatePath()) {
			node = objectField(node, field);
		}
		return node;
	}

	public ObjectNode editPodSpec() {
		return objectField(editPodTemplate(), "spec");
	}

	public ObjectNode editPodMetadata() {
		return objectField(editPodTemplate(), "metadata");
	}

	/**
	 * The workload's own spec (replicas, schedule, …) for editing; for a Pod, the pod
	 * spec.
	 */
	public ObjectNode editWorkloadSpec() {
		return objectField(this.root, "spec");
	}

	/**
	 * For a CronJob, the spec of the Job it creates, for editing; for the other kinds,
	 * the workload spec.
	 */
	public ObjectNode editJobSpec() {
		return (this.kind == WorkloadKind.CRON_JOB)
				? objectField(objectField(editWorkloadSpec(), "jobTemplate"), "spec") : editWorkloadSpec();
	}

	/**
	 * The same pod as another kind. Every pod field is kept; see {@link KindConversion}
	 * for what each kind adds and the notes it gives.
	 */
	public KindConversion.Result convertTo(WorkloadKind target) {
		return KindConversion.convert(this, target);
	}

	static Manifest trusted(ObjectNode root, WorkloadKind kind, KindMemory kindMemory) {
		return new Manifest(root, kind, kindMemory);
	}

	/**
	 * The object under {@code field}, created when absent; a non-object value there is
	 * replaced.
	 */
	static ObjectNode objectField(ObjectNode parent, String field) {
		JsonNode node = parent.get(field);
		if (node instanceof ObjectNode object) {
			return object;
		}
		return parent.putObject(field);
	}

	/**
	 * Manifests are equal when their fields are: what they remember of other kinds is not
	 * part of them.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Manifest that && this.root.equals(that.root);
	}

	@Override
	public int hashCode() {
		return this.root.hashCode();
	}

	@Override
	public String toString() {
		return ManifestWriter.toYaml(this.root);
	}

}
