package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * Every container's {@code securityContext.privileged: true}: the container gets every
 * device and capability of the node, as root on the node would.
 */
final class PrivilegedContainerRule implements ValidationRule {

	@Override
	public String id() {
		return "privileged-container";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			if (PodParts.isTrue(container.node().path("securityContext").path("privileged"))) {
				findings.add(container.path("securityContext.privileged"), PodParts.label(container)
						+ " is privileged, with every device and capability of the node: add only the capabilities it needs");
			}
		}
	}

}
