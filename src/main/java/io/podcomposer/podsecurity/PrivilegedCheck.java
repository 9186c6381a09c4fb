package io.podcomposer.podsecurity;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * Privileged containers turn off most of the isolation a container has.
 * <p>
 * Restricted fields: {@code spec.containers[*].securityContext.privileged}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: false, undefined/null.
 */
final class PrivilegedCheck extends UpstreamCheck {

	PrivilegedCheck() {
		super("privileged", Level.BASELINE, "set securityContext.privileged to false or remove it");
	}

	@Override
	public Violation check(PodView pod) {
		Offenders offenders = Offenders.containersWhere(pod, (context) -> Nodes.isTrue(context.path("privileged")),
				"privileged");
		if (offenders.isEmpty()) {
			return null;
		}
		return violation("privileged", offenders.containers() + " must not set securityContext.privileged=true",
				offenders.paths());
	}

}
