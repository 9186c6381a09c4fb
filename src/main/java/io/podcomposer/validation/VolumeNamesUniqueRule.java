package io.podcomposer.validation;

import java.util.HashSet;
import java.util.Set;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/** {@code volume-names-unique}: no two {@code volumes} of a pod share a {@code name}. */
final class VolumeNamesUniqueRule extends ApiServerRule {

	VolumeNamesUniqueRule() {
		super("volume-names-unique");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		Set<String> seen = new HashSet<>();
		for (ListEntry volume : ListEntry.inPodSpec(pod, "volumes")) {
			String name = Nodes.nonEmptyText(volume.get("name"));
			if (name != null && !seen.add(name)) {
				findings.add(volume.path("name"), Messages.duplicate(name));
			}
		}
	}

}
