package io.podcomposer.podsecurity;

import java.util.HashSet;

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
		super("hostPathVolumes", Level.BASELINE,
				"use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim instead of the hostPath volume");
	}

	@Override
	public Violation check(PodView pod) {
		Offenders offenders = Offenders.volumesWhere(pod, HostPathVolumesCheck::hostPath, new HashSet<>(1));
		return offenders.isEmpty() ? null : violation("hostPath volumes", offenders.volumes(), offenders.paths());
	}

	private static String hostPath(JsonNode volume) {
		return volume.path("hostPath").isObject() ? "hostPath" : null;
	}

}
