package io.podcomposer.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * The runtime's default AppArmor profile must not be overridden or disabled, except by a
 * profile loaded on the node. Both the fields and the deprecated beta annotations count.
 * <p>
 * Restricted fields: {@code spec.securityContext.appArmorProfile.type},
 * {@code spec.containers[*].securityContext.appArmorProfile.type}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}. Allowed values:
 * RuntimeDefault, Localhost, undefined.
 * <p>
 * Restricted fields:
 * {@code metadata.annotations['container.apparmor.security.beta.kubernetes.io/*']}.
 * Allowed values: runtime/default, localhost/*, empty, undefined.
 */
final class AppArmorProfileCheck extends UpstreamCheck {

	private static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

	private static final Set<String> ALLOWED_TYPES = Set.of("RuntimeDefault", "Localhost");

	AppArmorProfileCheck() {
		super("appArmorProfile", Level.BASELINE,
				"set appArmorProfile.type to RuntimeDefault or Localhost, not Unconfined");
	}

	@Override
	public Violation check(PodView pod) {
		Set<String> badTypes = new TreeSet<>();
		Offenders offenders = Offenders.podAndContainersWhere(pod, (context) -> forbidden(context, badTypes),
				"appArmorProfile.type");
		Map<String, String> annotations = forbiddenAnnotations(pod);
		if (offenders.isEmpty() && annotations.isEmpty()) {
			return null;
		}
		// the profile types first, then the annotations, each sorted
		List<String> badValues = new ArrayList<>(badTypes);
		List<String> paths = new ArrayList<>(offenders.paths());
		annotations.forEach((value, key) -> {
			badValues.add(value);
			paths.add(pod.metadataPath("annotations[" + key + "]"));
		});
		String annotationSetter = Words.pluralize("annotation", "annotations", annotations.size());
		String setters = offenders.isEmpty() ? annotationSetter
				: annotations.isEmpty() ? offenders.setters() : offenders.setters() + " and " + annotationSetter;
		return violation(Words.pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", badValues.size()),
				setters + " must not set AppArmor profile type to " + Words.joinQuote(badValues), paths);
	}

	/**
	 * Whether the context sets appArmorProfile.type to something else than allowed;
	 * collects the type.
	 */
	private static boolean forbidden(JsonNode securityContext, Set<String> badTypes) {
		JsonNode profile = securityContext.path("appArmorProfile");
		if (profile.isObject() && !ALLOWED_TYPES.contains(Nodes.textOrEmpty(profile.path("type")))) {
			badTypes.add(Nodes.textOrEmpty(profile.path("type")));
			return true;
		}
		return false;
	}

	/**
	 * The beta annotations with a forbidden profile, written {@code key="value"} and
	 * sorted so as upstream does, each to its key.
	 */
	private static Map<String, String> forbiddenAnnotations(PodView pod) {
		JsonNode annotations = pod.podMetadata().path("annotations");
		if (!annotations.isObject()) {
			return Map.of();
		}
		Map<String, String> forbidden = null;
		for (Map.Entry<String, JsonNode> annotation : annotations.properties()) {
			if (annotation.getKey().startsWith(ANNOTATION_PREFIX) && annotation.getValue().isString()
					&& !allowedAnnotationValue(annotation.getValue().stringValue())) {
				if (forbidden == null) {
					forbidden = new TreeMap<>();
				}
				forbidden.put(annotation.getKey() + "=" + Words.goQuote(annotation.getValue().stringValue()),
						annotation.getKey());
			}
		}
		return (forbidden != null) ? forbidden : Map.of();
	}

	private static boolean allowedAnnotationValue(String profile) {
		return profile.isEmpty() || profile.equals("runtime/default") || profile.startsWith("localhost/");
	}

}
