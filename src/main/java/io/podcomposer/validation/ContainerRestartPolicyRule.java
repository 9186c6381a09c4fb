package io.podcomposer.validation;

import java.util.Set;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code container-restart-policy}: a container's own {@code restartPolicy}.
 * <ul>
 * <li>an init or a regular container may set it to {@code Always}, {@code Never} or
 * {@code OnFailure}; {@code Always} makes an init container a sidecar;</li>
 * <li>an init container that is no sidecar runs to completion, so it may not have
 * {@code lifecycle}, {@code livenessProbe}, {@code readinessProbe} or
 * {@code startupProbe}.</li>
 * </ul>
 * Before 1.34 only a sidecar's {@code Always} was allowed. Since then (the
 * ContainerRestartRules feature, KEP-5307) an API server with the feature on checks the
 * three values, and one with it off drops a value other than a sidecar's before
 * validating: both accept them.
 */
final class ContainerRestartPolicyRule extends ApiServerRule {

	private static final String SUPPORTED = Messages.supportedValues("Always", "Never", "OnFailure");

	private static final Set<String> POLICIES = Set.of("Always", "Never", "OnFailure");

	private static final String[] SIDECAR_ONLY = { "lifecycle", "livenessProbe", "readinessProbe", "startupProbe" };

	ContainerRestartPolicyRule() {
		super("container-restart-policy");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			if (container.list().equals("ephemeralContainers")) {
				continue;
			}
			String policy = Nodes.text(container.node().path("restartPolicy"));
			if (policy != null && !POLICIES.contains(policy)) {
				findings.add(container.path("restartPolicy"), Messages.notSupported(policy, SUPPORTED));
			}
			if (container.list().equals("initContainers") && !Probe.isSidecar(container)) {
				for (String field : SIDECAR_ONLY) {
					if (!Nodes.absent(container.node().path(field))) {
						findings.add(container.path(field),
								Messages.forbidden("may not be set for init containers without restartPolicy=Always"));
					}
				}
			}
		}
	}

}
