package io.podcomposer.validation;

import java.util.HashSet;
import java.util.Set;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code host-ports-unique}: no two {@code ports} of the regular containers share a
 * {@code hostPort} with the same {@code hostIP} and {@code protocol} (TCP when unset):
 * the node can bind it once. Each init container (a sidecar too) is checked on its own,
 * as upstream does. Told at the second port as {@code hostIP/protocol/hostPort}, as
 * upstream does.
 */
final class HostPortsUniqueRule extends ApiServerRule {

	HostPortsUniqueRule() {
		super("host-ports-unique");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		Set<String> taken = new HashSet<>();
		for (ContainerRef container : pod.containers("containers")) {
			checkPorts(container, taken, findings);
		}
		for (ContainerRef container : pod.containers("initContainers")) {
			checkPorts(container, new HashSet<>(), findings);
		}
	}

	private static void checkPorts(ContainerRef container, Set<String> taken, Findings findings) {
		for (ListEntry port : ListEntry.in(container, "ports")) {
			Long hostPort = Nodes.integer(port.get("hostPort"));
			if (hostPort == null || hostPort == 0) {
				continue;
			}
			String hostIp = Nodes.absent(port.get("hostIP")) ? "" : Nodes.text(port.get("hostIP"));
			String protocol = Nodes.unsetText(port.get("protocol")) ? "TCP" : Nodes.text(port.get("protocol"));
			String key = hostIp + "/" + protocol + "/" + hostPort;
			if (!taken.add(key)) {
				findings.add(port.path("hostPort"), Messages.duplicate(key));
			}
		}
	}

}
