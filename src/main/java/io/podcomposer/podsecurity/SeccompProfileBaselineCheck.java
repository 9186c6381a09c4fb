package io.podcomposer.podsecurity;

import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * A seccomp profile, when set, must be the runtime's default or one loaded on the node
 * (policy 1.19+, which reads the fields, no longer the alpha annotations).
 * <p>
 * Restricted fields: {@code spec.securityContext.seccompProfile.type},
 * {@code spec.containers[*].securityContext.seccompProfile.type}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: RuntimeDefault, Localhost, undefined.
 */
final class SeccompProfileBaselineCheck extends UpstreamCheck {

	private static final Set<String> ALLOWED_TYPES = Set.of("RuntimeDefault", "Localhost");

	SeccompProfileBaselineCheck() {
		super("seccompProfile_baseline", Level.BASELINE,
				"set seccompProfile.type to RuntimeDefault or Localhost, not Unconfined");
	}

	@Override
	public Violation check(PodView pod) {
		Set<String> types = new TreeSet<>();
		Offenders offenders = badSetters(pod, types);
		return offenders.isEmpty() ? null
				: violation("seccompProfile", mustNotSet(offenders, types), offenders.paths());
	}

	/**
	 * The pod and containers that set a seccompProfile of a forbidden type; the types go
	 * into {@code types}.
	 */
	static Offenders badSetters(PodView pod, Set<String> types) {
		return Offenders.podAndContainersWhere(pod, (context) -> forbidden(context, types), "seccompProfile.type");
	}

	static String mustNotSet(Offenders offenders, Set<String> types) {
		return offenders.setters() + " must not set securityContext.seccompProfile.type to " + Words.joinQuote(types);
	}

	static boolean isSet(JsonNode securityContext) {
		return securityContext.path("seccompProfile").isObject();
	}

	private static boolean forbidden(JsonNode securityContext, Set<String> types) {
		String type = Nodes.textOrEmpty(securityContext.path("seccompProfile").path("type"));
		if (isSet(securityContext) && !ALLOWED_TYPES.contains(type)) {
			types.add(type);
			return true;
		}
		return false;
	}

}
