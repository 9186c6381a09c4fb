package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * {@code privilege-escalation}: a container's {@code securityContext} that sets
 * {@code allowPrivilegeEscalation: false} sets neither {@code privileged: true} nor adds
 * {@code CAP_SYS_ADMIN} to {@code capabilities.add}: both grant what the first forbids.
 * As upstream, only that spelling counts ({@code SYS_ADMIN} passes), and the error is
 * told at the security context.
 */
final class PrivilegeEscalationRule extends ApiServerRule {

	PrivilegeEscalationRule() {
		super("privilege-escalation");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			JsonNode context = container.node().path("securityContext");
			JsonNode escalation = context.path("allowPrivilegeEscalation");
			if (!escalation.isBoolean() || escalation.asBoolean()) {
				continue;
			}
			if (Nodes.isTrue(context.path("privileged"))) {
				findings.add(container.path("securityContext"), Messages.invalid("",
						"cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
			}
			for (JsonNode added : context.path("capabilities").path("add")) {
				if ("CAP_SYS_ADMIN".equals(Nodes.text(added))) {
					findings.add(container.path("securityContext"), Messages.invalid("",
							"cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
				}
			}
		}
	}

}
