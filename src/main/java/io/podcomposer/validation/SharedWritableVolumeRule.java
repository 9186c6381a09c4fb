package io.podcomposer.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * One volume mounted read-write ({@code volumeMounts[].readOnly} not true) by two or more of the
 * containers and sidecars, which run at the same time. Often meant, as for a shared emptyDir;
 * told so that the containers that only read mount it read-only. Told at the volume in
 * {@code volumes}, or at the second mount when the pod declares no such volume.
 */
final class SharedWritableVolumeRule implements ValidationRule {

	@Override
	public String id() {
		return "shared-writable-volume";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		Map<String, List<ContainerRef>> writers = new LinkedHashMap<>();
		Map<String, String> secondMounts = new LinkedHashMap<>();
		for (ContainerRef container : PodParts.runningTogether(pod)) {
			JsonNode mounts = container.node().path("volumeMounts");
			for (int i = 0; i < mounts.size(); i++) {
				String volume = PodParts.text(mounts.path(i).path("name"));
				if (volume.isEmpty() || PodParts.isTrue(mounts.path(i).path("readOnly"))) {
					continue;
				}
				List<ContainerRef> containers = writers.computeIfAbsent(volume, (key) -> new ArrayList<>());
				if (!containers.contains(container)) {
					containers.add(container);
					if (containers.size() == 2) {
						secondMounts.put(volume, container.path("volumeMounts[" + i + "].readOnly"));
					}
				}
			}
		}
		secondMounts.forEach((volume, secondMount) -> findings.add(volumePath(pod, volume, secondMount),
				"volume \"" + volume + "\" is mounted read-write by "
						+ writers.get(volume).stream().map(PodParts::label).collect(Collectors.joining(", "))
						+ ": set readOnly on the mounts of the containers that only read it"));
	}

	private static String volumePath(PodView pod, String volume, String otherwise) {
		JsonNode volumes = pod.podSpec().path("volumes");
		for (int i = 0; i < volumes.size(); i++) {
			if (volume.equals(PodParts.text(volumes.path(i).path("name")))) {
				return pod.specPath("volumes[" + i + "].name");
			}
		}
		return otherwise;
	}

}
