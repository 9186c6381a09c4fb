package io.podcomposer.validation;

import java.util.HashSet;
import java.util.Set;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code mount-paths-unique}: within one container, no two {@code volumeMounts} share a
 * {@code mountPath}. Mounting one path twice in different containers is fine.
 */
final class MountPathsUniqueRule extends ApiServerRule {

	MountPathsUniqueRule() {
		super("mount-paths-unique");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			Set<String> seen = new HashSet<>();
			for (ListEntry mount : ListEntry.in(container, "volumeMounts")) {
				String mountPath = Nodes.nonEmptyText(mount.get("mountPath"));
				if (mountPath != null && !seen.add(mountPath)) {
					findings.add(mount.path("mountPath"), Messages.invalid(mountPath, "must be unique"));
				}
			}
		}
	}

}
