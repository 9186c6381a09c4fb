package io.podcomposer.validation;

import java.util.HashSet;
import java.util.Set;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code port-names-unique}: within one container, no two {@code ports} share a
 * {@code name}. Unnamed ports and names that are no valid port name (the {@code names}
 * rule's) are passed by.
 */
final class PortNamesUniqueRule extends ApiServerRule {

	PortNamesUniqueRule() {
		super("port-names-unique");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			Set<String> seen = new HashSet<>();
			for (ListEntry port : ListEntry.in(container, "ports")) {
				String name = Nodes.nonEmptyText(port.get("name"));
				if (name != null && Names.portName(name).isEmpty() && !seen.add(name)) {
					findings.add(port.path("name"), Messages.duplicate(name));
				}
			}
		}
	}

}
