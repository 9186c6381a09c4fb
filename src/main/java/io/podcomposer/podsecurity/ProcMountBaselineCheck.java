package io.podcomposer.podsecurity;

import io.podcomposer.manifest.PodView;

/**
 * The default /proc masks reduce the attack surface and are required, unless the pod runs
 * in a user namespace ({@code spec.hostUsers: false}), where any value is allowed (policy
 * 1.35+).
 * <p>
 * Restricted fields: {@code spec.containers[*].securityContext.procMount}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: undefined/null, "Default"; anything when hostUsers is false.
 */
final class ProcMountBaselineCheck extends UpstreamCheck {

	ProcMountBaselineCheck() {
		super("procMount", Level.BASELINE, "remove securityContext.procMount or set it to Default");
	}

	@Override
	public Violation check(PodView pod) {
		return Fields.inUserNamespace(pod) ? null : ProcMountRestrictedCheck.unmasked(this, pod);
	}

}
