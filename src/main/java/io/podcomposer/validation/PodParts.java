package io.podcomposer.validation;

import java.util.List;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * What the best-practice hints share: which containers run together, and lenient reads.
 */
final class PodParts {

	private PodParts() {
	}

	/**
	 * An init container with restartPolicy Always keeps running beside the containers.
	 */
	static boolean isSidecar(ContainerRef container) {
		return "initContainers".equals(container.list())
				&& "Always".equals(text(container.node().path("restartPolicy")));
	}

	/** Containers and sidecars: they run at once, in one network namespace. */
	static List<ContainerRef> runningTogether(PodView pod) {
		return pod.allContainers()
			.stream()
			.filter((container) -> "containers".equals(container.list()) || isSidecar(container))
			.toList();
	}

	/**
	 * Containers and init containers; ephemeral containers take no resources and no
	 * security hints.
	 */
	static List<ContainerRef> scheduled(PodView pod) {
		return pod.allContainers()
			.stream()
			.filter((container) -> !"ephemeralContainers".equals(container.list()))
			.toList();
	}

	/**
	 * A string value, or empty for anything else: a mistyped field is the API-server
	 * rules' business.
	 */
	static String text(JsonNode node) {
		return node.isString() ? node.asString() : "";
	}

	/**
	 * Only a real true: a mistyped value is the API-server rules' business, not a hint's.
	 */
	static boolean isTrue(JsonNode node) {
		return node.isBoolean() && node.booleanValue();
	}

	/** How a container is named in a message. */
	static String label(ContainerRef container) {
		return container.name().isEmpty() ? container.path() : "container \"" + container.name() + "\"";
	}

}
