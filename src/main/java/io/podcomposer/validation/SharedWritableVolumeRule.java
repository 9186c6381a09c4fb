package io.podcomposer.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * One volume mounted read-write ({@code volumeMounts[].readOnly} not true) by two or more
 * of the containers and sidecars, which run at the same time. Often meant, as for a
 * shared emptyDir; told so that the containers that only read mount it read-only. Told at
 * the volume in {@code volumes}, or at the second mount when the pod declares no such
 * volume.
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
				// a container's mounts come one after another: it is new to the list
				// unless it is the last
				if (containers.isEmpty() || containers.get(containers.size() - 1) != container) {
					containers.add(container);
					if (containers.size() == 2) {
						secondMounts.put(volume, container.path("volumeMounts[" + i + "].readOnly"));
					}
				}
			}
		}
		Map<String, String> declared = declaredVolumes(pod);
		secondMounts.forEach((volume, secondMount) -> findings.add(declared.getOrDefault(volume, secondMount),
				"volume \"" + volume + "\" is mounted read-write by " + names(writers.get(volume))
						+ ": set readOnly on the mounts of the containers that only read it"));
	}

	/**
	 * The first few, so that the message stays a line however many containers there are.
	 */
	private static String names(List<ContainerRef> containers) {
		String first = containers.stream().limit(3).map(PodParts::label).collect(Collectors.joining(", "));
		return (containers.size() <= 3) ? first : first + " and " + (containers.size() - 3) + " more";
	}

	/**
	 * The path of each volume's name, the first of a name; once, as a pod may have
	 * thousands.
	 */
	private static Map<String, String> declaredVolumes(PodView pod) {
		Map<String, String> paths = new HashMap<>();
		JsonNode volumes = pod.podSpec().path("volumes");
		for (int i = 0; i < volumes.size(); i++) {
			paths.putIfAbsent(PodParts.text(volumes.path(i).path("name")), pod.specPath("volumes[" + i + "].name"));
		}
		return paths;
	}

}
