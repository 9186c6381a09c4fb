package io.podcomposer.podsecurity;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * Sharing the host's network, process or IPC namespace must be disallowed.
 * <p>
 * Restricted fields: {@code spec.hostNetwork}, {@code spec.hostPID},
 * {@code spec.hostIPC}.
 * <p>
 * Allowed values: undefined, false.
 */
final class HostNamespacesCheck extends UpstreamCheck {

	/** In upstream's order, which its detail keeps. */
	private static final List<String> FIELDS = List.of("hostNetwork", "hostPID", "hostIPC");

	HostNamespacesCheck() {
		super("hostNamespaces", Level.BASELINE, "remove hostNetwork, hostPID and hostIPC from the pod spec");
	}

	@Override
	public Violation check(PodView pod) {
		List<String> shared = null;
		List<String> paths = null;
		for (String field : FIELDS) {
			if (Nodes.isTrue(pod.podSpec().path(field))) {
				if (shared == null) {
					shared = new ArrayList<>(3);
					paths = new ArrayList<>(3);
				}
				shared.add(field + "=true");
				paths.add(pod.specPath(field));
			}
		}
		return (shared == null) ? null : violation("host namespaces", String.join(", ", shared), paths);
	}

}
