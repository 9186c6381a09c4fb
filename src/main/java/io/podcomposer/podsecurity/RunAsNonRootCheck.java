package io.podcomposer.podsecurity;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * Containers must be required to run as non-root users, unless the pod runs in a user
 * namespace ({@code spec.hostUsers: false}) (policy 1.35+).
 * <p>
 * Restricted fields: {@code spec.securityContext.runAsNonRoot},
 * {@code spec.containers[*].securityContext.runAsNonRoot}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: true; undefined/null on a container when the pod sets true; anything
 * when hostUsers is false.
 */
final class RunAsNonRootCheck extends UpstreamCheck {

	RunAsNonRootCheck() {
		super("runAsNonRoot", Level.RESTRICTED,
				"set securityContext.runAsNonRoot to true on the pod or on every container");
	}

	@Override
	public Violation check(PodView pod) {
		if (Fields.inUserNamespace(pod)) {
			return null;
		}
		Offenders explicit = Offenders.podAndContainersWhere(pod,
				(context) -> Nodes.isFalse(context.path("runAsNonRoot")), "runAsNonRoot");
		if (!explicit.isEmpty()) {
			return violation("runAsNonRoot != true",
					explicit.setters() + " must not set securityContext.runAsNonRoot=false", explicit.paths());
		}
		// past the explicit false, the pod's runAsNonRoot is true or unset
		Offenders unset = Offenders.unsetInPodAndContainers(pod, (context) -> context.path("runAsNonRoot").isBoolean(),
				"runAsNonRoot");
		return unset.isEmpty() ? null : violation("runAsNonRoot != true",
				"pod or " + unset.containers() + " must set securityContext.runAsNonRoot=true", unset.paths());
	}

}
