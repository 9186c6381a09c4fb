package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * {@code required}: the fields the API server requires, unset or empty.
 * <ul>
 * <li>the pod's {@code containers}: at least one;</li>
 * <li>every container's {@code image};</li>
 * <li>every volume mount's {@code name} and {@code mountPath};</li>
 * <li>in {@code volumes}: a {@code configMap}'s {@code name}, a {@code secret}'s
 * {@code secretName}, a {@code persistentVolumeClaim}'s {@code claimName} and a
 * {@code hostPath}'s {@code path}.</li>
 * </ul>
 * Container and volume names are the {@code names} rule's.
 */
final class RequiredRule extends ApiServerRule {

	/** Each source with the field it needs. */
	private static final String[][] SOURCE_FIELDS = { { "configMap", "name" }, { "secret", "secretName" },
			{ "persistentVolumeClaim", "claimName" }, { "hostPath", "path" } };

	private static final String[] MOUNT_FIELDS = { "name", "mountPath" };

	RequiredRule() {
		super("required");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode containers = pod.podSpec().path("containers");
		if (Workloads.podSpecReachable(pod)
				&& (Nodes.absent(containers) || (containers.isArray() && containers.isEmpty()))) {
			findings.add(pod.specPath("containers"), Messages.REQUIRED);
		}
		for (ContainerRef container : pod.allContainers()) {
			if (missing(container.node(), "image")) {
				findings.add(container.path("image"), Messages.REQUIRED);
			}
		}
		for (ListEntry mount : ListEntry.inEveryContainer(pod, "volumeMounts")) {
			for (String field : MOUNT_FIELDS) {
				if (missing(mount.node(), field)) {
					findings.add(mount.path(field), Messages.REQUIRED);
				}
			}
		}
		for (ListEntry volume : ListEntry.inPodSpec(pod, "volumes")) {
			for (String[] sourceField : SOURCE_FIELDS) {
				if (missing(volume.get(sourceField[0]), sourceField[1])) {
					findings.add(volume.path(sourceField[0] + "." + sourceField[1]), Messages.REQUIRED);
				}
			}
		}
	}

	/**
	 * A field of an object that is unset; a parent of the wrong type is the structure
	 * rule's.
	 */
	private static boolean missing(JsonNode parent, String field) {
		return parent.isObject() && Nodes.unsetText(parent.path(field));
	}

}
