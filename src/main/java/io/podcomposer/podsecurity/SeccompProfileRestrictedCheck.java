package io.podcomposer.podsecurity;

import java.util.Set;
import java.util.TreeSet;

import io.podcomposer.manifest.PodView;

/**
 * A seccomp profile must be set, to the runtime's default or one loaded on the node;
 * containers may leave it to the pod. Since policy 1.25 pods with
 * {@code spec.os.name: windows} are exempt.
 * <p>
 * Restricted fields: {@code spec.securityContext.seccompProfile.type},
 * {@code spec.containers[*].securityContext.seccompProfile.type}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: RuntimeDefault, Localhost; undefined on a container when the pod sets
 * an allowed one.
 */
final class SeccompProfileRestrictedCheck extends UpstreamCheck {

	SeccompProfileRestrictedCheck() {
		super("seccompProfile_restricted", Level.RESTRICTED,
				"set securityContext.seccompProfile.type to RuntimeDefault on the pod or on every container");
	}

	@Override
	public Violation check(PodView pod) {
		if (Fields.isWindows(pod)) {
			return null;
		}
		Set<String> types = new TreeSet<>();
		Offenders explicit = SeccompProfileBaselineCheck.badSetters(pod, types);
		if (!explicit.isEmpty()) {
			return violation("seccompProfile", SeccompProfileBaselineCheck.mustNotSet(explicit, types),
					explicit.paths());
		}
		// past the forbidden types, the pod's profile is allowed or unset
		Offenders unset = Offenders.unsetInPodAndContainers(pod, SeccompProfileBaselineCheck::isSet,
				"seccompProfile.type");
		return unset.isEmpty() ? null
				: violation("seccompProfile", "pod or " + unset.containers()
						+ " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
						unset.paths());
	}

}
