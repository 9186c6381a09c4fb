package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * {@code ports}: every container port has a {@code containerPort} from 1 to 65535; a
 * {@code hostPort}, when set (not 0), is from 1 to 65535 too.
 */
final class PortsRule extends ApiServerRule {

	PortsRule() {
		super("ports");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry port : ListEntry.inEveryContainer(pod, "ports")) {
			if (!port.node().isObject()) {
				continue;
			}
			Long containerPort = Nodes.integer(port.get("containerPort"));
			if (Nodes.absent(port.get("containerPort")) || Long.valueOf(0).equals(containerPort)) {
				findings.add(port.path("containerPort"), Messages.REQUIRED);
			}
			else if (outOfRange(containerPort)) {
				findings.add(port.path("containerPort"), Messages.invalid(containerPort, Names.PORT_RANGE));
			}
			Long hostPort = Nodes.integer(port.get("hostPort"));
			if (hostPort != null && hostPort != 0 && outOfRange(hostPort)) {
				findings.add(port.path("hostPort"), Messages.invalid(hostPort, Names.PORT_RANGE));
			}
		}
	}

	private static boolean outOfRange(Long port) {
		return port != null && (port < 1 || port > 65535);
	}

}
