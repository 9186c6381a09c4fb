package io.podcomposer.podsecurity;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * Windows HostProcess containers run with full access to the Windows node and must be
 * disallowed.
 * <p>
 * Restricted fields: {@code spec.securityContext.windowsOptions.hostProcess},
 * {@code spec.containers[*].securityContext.windowsOptions.hostProcess}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: undefined, false.
 */
final class WindowsHostProcessCheck extends UpstreamCheck {

	WindowsHostProcessCheck() {
		super("windowsHostProcess", Level.BASELINE, "remove windowsOptions.hostProcess");
	}

	@Override
	public Violation check(PodView pod) {
		Offenders offenders = Offenders.podAndContainersWhere(pod,
				(context) -> Nodes.isTrue(context.path("windowsOptions").path("hostProcess")),
				"windowsOptions.hostProcess");
		if (offenders.isEmpty()) {
			return null;
		}
		return violation("hostProcess",
				offenders.setters() + " must not set securityContext.windowsOptions.hostProcess=true",
				offenders.paths());
	}

}
