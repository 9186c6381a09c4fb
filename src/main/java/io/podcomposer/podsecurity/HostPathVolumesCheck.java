package io.podcomposer.podsecurity;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;

/**
 * HostPath volumes give a pod the node's files and must be forbidden.
 * <p>
 * Restricted fields: {@code spec.volumes[*].hostPath}.
 * <p>
 * Allowed values: undefined/null.
 */
final class HostPathVolumesCheck extends UpstreamCheck {

	HostPathVolumesCheck() {
		super("hostPathVolumes", Level.BASELINE);
	}

	@Override
	public Violation check(PodView pod) {
		JsonNode volumes = Fields.array(pod.podSpec().path("volumes"));
		List<String> names = new ArrayList<>(2);
		List<String> paths = new ArrayList<>(2);
		for (int i = 0; i < volumes.size(); i++) {
			if (volumes.get(i).path("hostPath").isObject()) {
				names.add(Fields.text(volumes.get(i).path("name")));
				paths.add(pod.specPath("volumes[" + i + "].hostPath"));
			}
		}
		return names.isEmpty() ? null : violation("hostPath volumes", Words.volumes(names), paths);
	}

}
