package io.podcomposer.podsecurity;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * Privilege escalation, as through set-user-ID or set-group-ID files, must be turned off
 * explicitly; it is on by default. Since policy 1.25 pods with
 * {@code spec.os.name: windows} are exempt.
 * <p>
 * Restricted fields: {@code spec.containers[*].securityContext.allowPrivilegeEscalation},
 * the same in {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: false.
 */
final class AllowPrivilegeEscalationCheck extends UpstreamCheck {

	AllowPrivilegeEscalationCheck() {
		super("allowPrivilegeEscalation", Level.RESTRICTED,
				"set securityContext.allowPrivilegeEscalation to false in every container");
	}

	@Override
	public Violation check(PodView pod) {
		if (Fields.isWindows(pod)) {
			return null;
		}
		Offenders offenders = Offenders.containersWhere(pod,
				(context) -> !Nodes.isFalse(context.path("allowPrivilegeEscalation")), "allowPrivilegeEscalation");
		if (offenders.isEmpty()) {
			return null;
		}
		return violation("allowPrivilegeEscalation != false",
				offenders.containers() + " must set securityContext.allowPrivilegeEscalation=false", offenders.paths());
	}

}
