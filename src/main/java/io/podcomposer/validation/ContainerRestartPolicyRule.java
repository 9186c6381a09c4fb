package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code container-restart-policy}: a container's own {@code restartPolicy}.
 * <ul>
 * <li>an init container may set it, to {@code Always} only: that makes it a sidecar;</li>
 * <li>an init container that is no sidecar runs to completion, so it may not have
 * {@code lifecycle}, {@code livenessProbe}, {@code readinessProbe} or {@code startupProbe};</li>
 * <li>a regular container may not set it (the pod's {@code restartPolicy} applies).</li>
 * </ul>
 */
final class ContainerRestartPolicyRule extends ApiServerRule {

	private static final String ALWAYS = Messages.supportedValues("Always");

	private static final String[] SIDECAR_ONLY = { "lifecycle", "livenessProbe", "readinessProbe", "startupProbe" };

	ContainerRestartPolicyRule() {
		super("container-restart-policy");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			String policy = Nodes.text(container.node().path("restartPolicy"));
			if (container.list().equals("initContainers")) {
				if (policy != null && !policy.equals("Always")) {
					findings.add(container.path("restartPolicy"), Messages.notSupported(policy, ALWAYS));
				}
				if (!Probe.isSidecar(container)) {
					for (String field : SIDECAR_ONLY) {
						if (!Nodes.absent(container.node().path(field))) {
							findings.add(container.path(field),
									Messages.forbidden("may not be set for init containers without restartPolicy=Always"));
						}
					}
				}
			}
			else if (container.list().equals("containers") && !Nodes.absent(container.node().path("restartPolicy"))) {
				findings.add(container.path("restartPolicy"), Messages.forbidden("may not be set for non-init containers"));
			}
		}
	}

}
