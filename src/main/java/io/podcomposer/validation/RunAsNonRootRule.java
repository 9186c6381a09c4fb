package io.podcomposer.validation;

import java.util.List;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code runAsNonRoot} not true, looking at the pod's
 * {@code securityContext.runAsNonRoot} and each container's, which wins where set. With
 * it the kubelet refuses to start an image that would run as root. Told once for the pod
 * when neither it nor any container sets it, else for each container left without it.
 */
final class RunAsNonRootRule implements ValidationRule {

	@Override
	public String id() {
		return "run-as-non-root";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode podValue = pod.podSpec().path("securityContext").path("runAsNonRoot");
		List<ContainerRef> containers = PodParts.scheduled(pod);
		boolean anyContainerSets = containers.stream().anyMatch((container) -> runAsNonRoot(container).isBoolean());
		if (!podValue.isBoolean() && !anyContainerSets) {
			findings.add(pod.specPath("securityContext.runAsNonRoot"),
					"runAsNonRoot is not set: set it to true so that an image running as root is refused");
			return;
		}
		for (ContainerRef container : containers) {
			JsonNode value = runAsNonRoot(container).isBoolean() ? runAsNonRoot(container) : podValue;
			if (!value.isBoolean() || !value.booleanValue()) {
				findings.add(container.path("securityContext.runAsNonRoot"),
						PodParts.label(container) + " may run as root: set runAsNonRoot to true here or on the pod");
			}
		}
	}

	private static JsonNode runAsNonRoot(ContainerRef container) {
		return container.node().path("securityContext").path("runAsNonRoot");
	}

}
