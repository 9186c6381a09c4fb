package io.podcomposer.podsecurity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * Reads fields as the API server's decoder would leave them for the checks: a value of the wrong
 * type counts as unset (the server rejects such a pod anyway), and an unset string reads as "".
 * Missing fields come as missing nodes, so lookups chain without null checks.
 */
final class Fields {

	private Fields() {
	}

	static boolean isTrue(JsonNode node) {
		return node.isBoolean() && node.booleanValue();
	}

	static boolean isFalse(JsonNode node) {
		return node.isBoolean() && !node.booleanValue();
	}

	/** The string, or "" when unset or not a string, as Go's zero value. */
	static String text(JsonNode node) {
		return node.isString() ? node.stringValue() : "";
	}

	/** The list, or an empty node to loop over when the field is no list (an object would loop over its values). */
	static JsonNode array(JsonNode node) {
		return node.isArray() ? node : MissingNode.getInstance();
	}

	static JsonNode securityContext(ContainerRef container) {
		return container.node().path("securityContext");
	}

	static JsonNode podSecurityContext(PodView pod) {
		return pod.podSpec().path("securityContext");
	}

	/** hostUsers: false runs the pod in a user namespace, which the 1.35 policies relax for. */
	static boolean inUserNamespace(PodView pod) {
		return isFalse(pod.podSpec().path("hostUsers"));
	}

	/** Since policy 1.25 pods with os.name windows are exempt from the Linux-only restricted checks. */
	static boolean isWindows(PodView pod) {
		return "windows".equals(text(pod.podSpec().path("os").path("name")));
	}

}
