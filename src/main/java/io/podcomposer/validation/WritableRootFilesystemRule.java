package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * Containers and init containers whose {@code securityContext.readOnlyRootFilesystem} is
 * not true: an intruder can then change the image's files.
 */
final class WritableRootFilesystemRule implements ValidationRule {

	@Override
	public String id() {
		return "writable-root-filesystem";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : PodParts.scheduled(pod)) {
			if (!PodParts.isTrue(container.node().path("securityContext").path("readOnlyRootFilesystem"))) {
				findings.add(container.path("securityContext.readOnlyRootFilesystem"),
						"the root filesystem is writable: set readOnlyRootFilesystem to true and mount an emptyDir "
								+ "where the container writes");
			}
		}
	}

}
