package io.podcomposer.podsecurity;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * The places in a pod the checks look, missing nodes when unset, so that lookups chain
 * without null checks; their values are read with {@link io.podcomposer.manifest.Nodes}.
 */
final class Fields {

	private Fields() {
	}

	static JsonNode securityContext(ContainerRef container) {
		return container.node().path("securityContext");
	}

	static JsonNode podSecurityContext(PodView pod) {
		return pod.podSpec().path("securityContext");
	}

	/**
	 * hostUsers: false runs the pod in a user namespace, which the 1.35 policies relax
	 * for.
	 */
	static boolean inUserNamespace(PodView pod) {
		return Nodes.isFalse(pod.podSpec().path("hostUsers"));
	}

	/**
	 * Since policy 1.25 pods with os.name windows are exempt from the Linux-only
	 * restricted checks.
	 */
	static boolean isWindows(PodView pod) {
		return "windows".equals(Nodes.textOrEmpty(pod.podSpec().path("os").path("name")));
	}

}
