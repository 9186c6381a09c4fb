package io.podcomposer.validation;

import java.util.HashSet;
import java.util.Set;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code container-names-unique}: no two containers of a pod share a name, across
 * {@code containers}, {@code initContainers} and {@code ephemeralContainers}. As
 * upstream, the regular containers are taken first, so a clash is reported on the init or
 * ephemeral container.
 */
final class ContainerNamesUniqueRule extends ApiServerRule {

	private static final String[] ORDER = { "containers", "initContainers", "ephemeralContainers" };

	ContainerNamesUniqueRule() {
		super("container-names-unique");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		Set<String> seen = new HashSet<>();
		for (String list : ORDER) {
			for (ContainerRef container : pod.allContainers()) {
				String name = container.name();
				if (container.list().equals(list) && !name.isEmpty() && !seen.add(name)) {
					findings.add(container.path("name"), Messages.duplicate(name));
				}
			}
		}
	}

}
