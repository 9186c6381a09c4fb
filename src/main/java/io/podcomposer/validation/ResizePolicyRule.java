package io.podcomposer.validation;

import java.util.HashSet;
import java.util.Set;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code resize-policy}: each entry of a container's {@code resizePolicy} names a
 * {@code resourceName} of {@code cpu} or {@code memory}, once, and a
 * {@code restartPolicy} of {@code NotRequired} or {@code RestartContainer}; both are
 * required.
 */
final class ResizePolicyRule extends ApiServerRule {

	private static final AllowedValues RESOURCES = new AllowedValues("cpu", "memory");

	private static final AllowedValues RESTART_POLICIES = new AllowedValues("NotRequired", "RestartContainer");

	ResizePolicyRule() {
		super("resize-policy");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			Set<String> named = new HashSet<>();
			for (ListEntry policy : ListEntry.in(container, "resizePolicy")) {
				if (!policy.node().isObject()) {
					continue;
				}
				String resource = Nodes.nonEmptyText(policy.get("resourceName"));
				if (resource != null && !named.add(resource)) {
					findings.add(policy.path(), Messages.duplicate(resource));
				}
				required(policy, "resourceName", findings);
				RESOURCES.check(policy.get("resourceName"), policy.path("resourceName"), findings);
				required(policy, "restartPolicy", findings);
				RESTART_POLICIES.check(policy.get("restartPolicy"), policy.path("restartPolicy"), findings);
			}
		}
	}

	private static void required(ListEntry policy, String field, Findings findings) {
		if (Nodes.unsetText(policy.get(field))) {
			findings.add(policy.path(field), Messages.REQUIRED);
		}
	}

}
