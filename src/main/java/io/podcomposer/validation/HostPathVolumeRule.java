package io.podcomposer.validation;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;

/**
 * Volumes with a {@code hostPath} source: the pod reads and writes the node's own files,
 * and depends on which node it lands on.
 */
final class HostPathVolumeRule implements ValidationRule {

	@Override
	public String id() {
		return "host-path-volume";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode volumes = pod.podSpec().path("volumes");
		for (int i = 0; i < volumes.size(); i++) {
			JsonNode volume = volumes.path(i);
			if (volume.has("hostPath")) {
				findings.add(pod.specPath("volumes[" + i + "].hostPath"), "volume \""
						+ PodParts.text(volume.path("name"))
						+ "\" mounts a directory of the node: use an emptyDir, a ConfigMap or a PersistentVolumeClaim "
						+ "unless the pod must see the node's files");
			}
		}
	}

}
