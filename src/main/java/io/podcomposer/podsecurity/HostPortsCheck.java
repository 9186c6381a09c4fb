package io.podcomposer.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * Host ports tie a pod to its node's network and must be forbidden.
 * <p>
 * Restricted fields: {@code spec.containers[*].ports[*].hostPort}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: undefined, 0.
 */
final class HostPortsCheck extends UpstreamCheck {

	HostPortsCheck() {
		super("hostPorts", Level.BASELINE, "remove hostPort from the ports and reach the pod through a Service");
	}

	@Override
	public Violation check(PodView pod) {
		List<String> containers = new ArrayList<>(2);
		// upstream sorts the ports as text: "10000" before "8080"
		Set<String> ports = new TreeSet<>();
		List<String> paths = new ArrayList<>(2);
		for (ContainerRef container : pod.allContainers()) {
			JsonNode containerPorts = Nodes.array(container.node().path("ports"));
			boolean uses = false;
			for (int i = 0; i < containerPorts.size(); i++) {
				JsonNode hostPort = containerPorts.get(i).path("hostPort");
				if (hostPort.isIntegralNumber() && hostPort.asLong() != 0) {
					uses = true;
					ports.add(hostPort.asString());
					paths.add(container.path("ports[" + i + "].hostPort"));
				}
			}
			if (uses) {
				containers.add(container.name());
			}
		}
		if (containers.isEmpty()) {
			return null;
		}
		return violation("hostPort",
				Words.containers(containers) + " " + Words.use(containers.size()) + " "
						+ Words.pluralize("hostPort", "hostPorts", ports.size()) + " " + String.join(", ", ports),
				paths);
	}

}
