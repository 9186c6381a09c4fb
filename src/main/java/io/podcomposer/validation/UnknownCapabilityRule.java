package io.podcomposer.validation;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * Names in every container's {@code securityContext.capabilities.add} and {@code .drop}
 * that are not Linux capabilities as Kubernetes writes them ({@link LinuxCapabilities}):
 * a typo, or a {@code CAP_} prefix. The API server takes any string, but the container
 * runtime refuses to start the container, so this is an error like those the API server
 * would refuse, not a hint.
 */
final class UnknownCapabilityRule implements ValidationRule {

	@Override
	public String id() {
		return "unknown-capability";
	}

	@Override
	public Severity severity() {
		return Severity.ERROR;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			JsonNode capabilities = container.node().path("securityContext").path("capabilities");
			for (String list : new String[] { "add", "drop" }) {
				JsonNode names = capabilities.path(list);
				for (int i = 0; i < names.size(); i++) {
					String name = PodParts.text(names.path(i));
					if (!name.isEmpty() && !LinuxCapabilities.isKnown(name)) {
						findings.add(container.path("securityContext.capabilities." + list + "[" + i + "]"),
								LinuxCapabilities.problem(name));
					}
				}
			}
		}
	}

}
