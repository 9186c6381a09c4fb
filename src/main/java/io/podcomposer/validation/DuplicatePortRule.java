package io.podcomposer.validation;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * The same {@code ports[].containerPort} and {@code protocol} (TCP when unset) declared
 * by two of the containers and sidecars: they share the pod's localhost, so the second
 * cannot bind the port. Told at the second declaration. Init containers run before the
 * others and are left out.
 */
final class DuplicatePortRule implements ValidationRule {

	@Override
	public String id() {
		return "duplicate-port";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		Map<String, ContainerRef> owners = new HashMap<>();
		for (ContainerRef container : PodParts.runningTogether(pod)) {
			JsonNode ports = container.node().path("ports");
			for (int i = 0; i < ports.size(); i++) {
				JsonNode number = ports.path(i).path("containerPort");
				if (!number.isIntegralNumber()) {
					continue;
				}
				String protocol = PodParts.text(ports.path(i).path("protocol"));
				String port = number.asString() + "/" + (protocol.isEmpty() ? "TCP" : protocol);
				ContainerRef owner = owners.putIfAbsent(port, container);
				if (owner != null && owner != container) {
					findings.add(container.path("ports[" + i + "].containerPort"),
							PodParts.label(owner) + " already declares " + port
									+ ": the containers share localhost, so this one cannot bind it");
				}
			}
		}
	}

}
