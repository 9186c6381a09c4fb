package io.podcomposer.kube;

import java.util.List;

/**
 * What a check of a cluster found: its version, how long a call took and the namespaces
 * we may list, or why it could not be reached, in the cluster's own words where it gave
 * any.
 */
public record ClusterCheck(boolean reachable, String serverVersion, long latencyMillis, List<String> namespaces,
		String message) {

	static ClusterCheck reached(String serverVersion, long latencyMillis, List<String> namespaces, String message) {
		return new ClusterCheck(true, serverVersion, latencyMillis, List.copyOf(namespaces), message);
	}

	public static ClusterCheck failed(String message) {
		return new ClusterCheck(false, null, -1, List.of(), message);
	}
}
