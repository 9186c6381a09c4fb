package io.podcomposer.validation;

import java.util.HashSet;
import java.util.Set;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * {@code volume-mounts}: the {@code name} of every container's {@code volumeMounts} entry
 * names one of the pod's {@code volumes}; in a StatefulSet it may also name one of its
 * {@code volumeClaimTemplates}, whose claims the controller adds to each pod as volumes.
 */
final class VolumeMountsRule extends ApiServerRule {

	VolumeMountsRule() {
		super("volume-mounts");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		Set<String> volumes = new HashSet<>();
		for (ListEntry volume : ListEntry.inPodSpec(pod, "volumes")) {
			addName(volume.node(), volumes);
		}
		if (pod.kind() == WorkloadKind.STATEFUL_SET) {
			JsonNode claims = Workloads.spec(pod).path("volumeClaimTemplates");
			for (int i = 0; i < Nodes.count(claims); i++) {
				addName(claims.get(i).path("metadata"), volumes);
			}
		}
		for (ListEntry mount : ListEntry.inEveryContainer(pod, "volumeMounts")) {
			String name = Nodes.nonEmptyText(mount.get("name"));
			if (name != null && !volumes.contains(name)) {
				findings.add(mount.path("name"), Messages.notFound(name));
			}
		}
	}

	private static void addName(JsonNode named, Set<String> names) {
		String name = Nodes.nonEmptyText(named.path("name"));
		if (name != null) {
			names.add(name);
		}
	}

}
