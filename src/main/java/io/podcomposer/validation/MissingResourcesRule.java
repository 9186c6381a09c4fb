package io.podcomposer.validation;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * Containers and init containers without {@code resources.requests}, or without
 * {@code resources.limits.memory}: the scheduler places a pod by its requests, and a
 * container without a memory limit can take the node's memory from its neighbours.
 */
final class MissingResourcesRule implements ValidationRule {

	@Override
	public String id() {
		return "missing-resources";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : PodParts.scheduled(pod)) {
			JsonNode resources = container.node().path("resources");
			JsonNode requests = resources.path("requests");
			if (!requests.isObject() || requests.isEmpty()) {
				findings.add(container.path("resources.requests"),
						"no resource requests: set requests.cpu and requests.memory so the scheduler can place the pod");
			}
			if (resources.path("limits").path("memory").isMissingNode()) {
				findings.add(container.path("resources.limits.memory"),
						"no memory limit: set limits.memory so the container cannot starve the node");
			}
		}
	}

}
