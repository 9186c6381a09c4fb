package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * {@code host-namespaces}: fields that depend on sharing the host's namespaces.
 * <ul>
 * <li>with {@code hostNetwork: true}, a regular container's port that sets
 * {@code hostPort} (not 0) sets it to its {@code containerPort}: on the host's network
 * they are one port;</li>
 * <li>{@code shareProcessNamespace} and {@code hostPID} are not both true. The API server
 * keeps these under the pod's security context internally and names the path so:
 * {@code spec.securityContext.shareProcessNamespace}, though the field is the spec's
 * own.</li>
 * </ul>
 */
final class HostNamespacesRule extends ApiServerRule {

	HostNamespacesRule() {
		super("host-namespaces");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode spec = pod.podSpec();
		if (Nodes.isTrue(spec.path("hostNetwork"))) {
			for (ContainerRef container : pod.allContainers()) {
				if (container.list().equals("containers")) {
					checkHostPorts(container, findings);
				}
			}
		}
		if (Nodes.isTrue(spec.path("shareProcessNamespace")) && Nodes.isTrue(spec.path("hostPID"))) {
			findings.add(pod.specPath("securityContext.shareProcessNamespace"),
					Messages.invalid(true, "ShareProcessNamespace and HostPID cannot both be enabled"));
		}
	}

	private static void checkHostPorts(ContainerRef container, Findings findings) {
		for (ListEntry port : ListEntry.in(container, "ports")) {
			Long hostPort = Nodes.integer(port.get("hostPort"));
			Long containerPort = Nodes.integer(port.get("containerPort"));
			if (hostPort != null && hostPort != 0 && containerPort != null && !hostPort.equals(containerPort)) {
				findings.add(port.path("hostPort"),
						Messages.invalid(hostPort, "must match `containerPort` when `hostNetwork` is true"));
			}
		}
	}

}
