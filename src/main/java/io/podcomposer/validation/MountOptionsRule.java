package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * {@code mount-options}: a volume mount's {@code mountPropagation} is
 * {@code Bidirectional} (in a privileged container only, as it shares the container's
 * mounts with the node), {@code HostToContainer} or {@code None}; its
 * {@code recursiveReadOnly} is {@code Disabled}, {@code IfPossible} or {@code Enabled},
 * the last two only on a {@code readOnly} mount whose propagation is {@code None} or
 * unset.
 */
final class MountOptionsRule extends ApiServerRule {

	private static final AllowedValues PROPAGATION = new AllowedValues("Bidirectional", "HostToContainer", "None");

	private static final AllowedValues RECURSIVE_READ_ONLY = new AllowedValues("Disabled", "IfPossible", "Enabled");

	MountOptionsRule() {
		super("mount-options");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			boolean privileged = Nodes.isTrue(container.node().path("securityContext").path("privileged"));
			for (ListEntry mount : ListEntry.in(container, "volumeMounts")) {
				String propagation = Nodes.nonEmptyText(mount.get("mountPropagation"));
				PROPAGATION.check(mount.get("mountPropagation"), mount.path("mountPropagation"), findings);
				if ("Bidirectional".equals(propagation) && !privileged) {
					findings.add(mount.path("mountPropagation"), Messages
						.forbidden("Bidirectional mount propagation is available only to privileged containers"));
				}
				checkRecursiveReadOnly(mount, propagation, findings);
			}
		}
	}

	private static void checkRecursiveReadOnly(ListEntry mount, String propagation, Findings findings) {
		JsonNode recursive = mount.get("recursiveReadOnly");
		String value = Nodes.nonEmptyText(recursive);
		if (value == null || value.equals("Disabled")) {
			return;
		}
		if (RECURSIVE_READ_ONLY.problem(recursive) != null) {
			RECURSIVE_READ_ONLY.check(recursive, mount.path("recursiveReadOnly"), findings);
			return;
		}
		if (!Nodes.isTrue(mount.get("readOnly"))) {
			findings.add(mount.path("recursiveReadOnly"),
					Messages.forbidden("may only be specified when readOnly is true"));
		}
		if (propagation != null && !propagation.equals("None")) {
			findings.add(mount.path("recursiveReadOnly"),
					Messages.forbidden("may only be specified when mountPropagation is None or not specified"));
		}
	}

}
