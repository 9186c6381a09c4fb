package io.podcomposer.podsecurity;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;

/**
 * Containers must not run as root by setting user ID 0, unless the pod runs in a user
 * namespace ({@code spec.hostUsers: false}), where root in the container is not root on
 * the node (policy 1.35+).
 * <p>
 * Restricted fields: {@code spec.securityContext.runAsUser},
 * {@code spec.containers[*].securityContext.runAsUser}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: non-zero values, undefined/null; anything when hostUsers is false.
 */
final class RunAsUserCheck extends UpstreamCheck {

	RunAsUserCheck() {
		super("runAsUser", Level.RESTRICTED, "run as a user other than 0: change or remove runAsUser");
	}

	@Override
	public Violation check(PodView pod) {
		if (Fields.inUserNamespace(pod)) {
			return null;
		}
		Offenders offenders = Offenders.podAndContainersWhere(pod, RunAsUserCheck::isRoot, "runAsUser");
		return offenders.isEmpty() ? null
				: violation("runAsUser=0", offenders.setters() + " must not set runAsUser=0", offenders.paths());
	}

	private static boolean isRoot(JsonNode securityContext) {
		JsonNode user = securityContext.path("runAsUser");
		return user.isIntegralNumber() && user.asLong() == 0;
	}

}
