package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * {@code ephemeral-containers}: {@code ephemeralContainers} are added to a running pod
 * through its {@code ephemeralcontainers} subresource ({@code kubectl debug}), never
 * given when a pod is created, nor in a workload's pod template.
 */
final class EphemeralContainersRule extends ApiServerRule {

	EphemeralContainersRule() {
		super("ephemeral-containers");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		if (Nodes.count(pod.podSpec().path("ephemeralContainers")) > 0) {
			findings.add(pod.specPath("ephemeralContainers"), Messages.forbidden(pod.kind().isPod()
					? "cannot be set on create" : "ephemeral containers not allowed in pod template"));
		}
	}

}
