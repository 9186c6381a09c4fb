package io.podcomposer.manifest;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A read-only view of the pod inside a manifest of any supported kind, with the field
 * paths the API server uses: {@code spec.containers[1]} for a Pod,
 * {@code spec.template.spec.containers[1]} for a Deployment,
 * {@code spec.jobTemplate.spec.template.spec.containers[1]} for a CronJob. Every accessor
 * is safe on any tree: a missing or mistyped field reads as a missing node.
 */
public final class PodView {

	/**
	 * One container with where it sits: {@code list} is containers, initContainers or
	 * ephemeralContainers.
	 */
	public record ContainerRef(JsonNode node, String path, String list, int index) {

		public String name() {
			return this.node.path("name").isString() ? this.node.path("name").asString() : "";
		}

		/**
		 * The path of a field of this container, as in {@code spec.containers[0].image}.
		 */
		public String path(String field) {
			return this.path + "." + field;
		}

	}

	private final Manifest manifest;

	private final JsonNode podSpec;

	private final String podSpecPath;

	private final String podMetadataPath;

	private final List<ContainerRef> containers;

	public PodView(Manifest manifest) {
		this.manifest = manifest;
		this.podSpec = manifest.podSpec();
		this.podSpecPath = manifest.kind().podSpecPath();
		String template = String.join(".", manifest.kind().templatePath());
		this.podMetadataPath = template.isEmpty() ? "metadata" : template + ".metadata";
		List<ContainerRef> all = new ArrayList<>();
		for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
			JsonNode items = this.podSpec.path(list);
			if (items.isArray()) {
				for (int i = 0; i < items.size(); i++) {
					all.add(new ContainerRef(items.get(i), this.podSpecPath + "." + list + "[" + i + "]", list, i));
				}
			}
		}
		this.containers = List.copyOf(all);
	}

	public Manifest manifest() {
		return this.manifest;
	}

	public WorkloadKind kind() {
		return this.manifest.kind();
	}

	public JsonNode root() {
		return this.manifest.root();
	}

	public JsonNode podSpec() {
		return this.podSpec;
	}

	public JsonNode podMetadata() {
		return this.manifest.podMetadata();
	}

	/** The path of a pod spec field, as in {@code spec.template.spec.volumes}. */
	public String specPath(String field) {
		return this.podSpecPath + "." + field;
	}

	/**
	 * The path of a pod metadata field, as in {@code spec.template.metadata.annotations}.
	 */
	public String metadataPath(String field) {
		return this.podMetadataPath + "." + field;
	}

	/** Init containers, containers and ephemeral containers, in that order. */
	public List<ContainerRef> allContainers() {
		return this.containers;
	}

	/** The containers of one list: containers, initContainers or ephemeralContainers. */
	public List<ContainerRef> containers(String list) {
		return this.containers.stream().filter((container) -> container.list().equals(list)).toList();
	}

}
