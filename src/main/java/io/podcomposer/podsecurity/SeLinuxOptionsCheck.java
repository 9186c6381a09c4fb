package io.podcomposer.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * The SELinux type is limited to the container types, and a custom SELinux user or role
 * is forbidden (policy 1.31+).
 * <p>
 * Restricted fields: {@code spec.securityContext.seLinuxOptions.type},
 * {@code spec.containers[*].securityContext.seLinuxOptions.type}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}. Allowed values:
 * undefined, "", container_t, container_init_t, container_kvm_t, container_engine_t.
 * <p>
 * Restricted fields: {@code seLinuxOptions.user} and {@code seLinuxOptions.role} at the
 * same places. Allowed values: undefined, "".
 */
final class SeLinuxOptionsCheck extends UpstreamCheck {

	private static final Set<String> ALLOWED_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t",
			"container_engine_t");

	/** The option fields this check restricts, in the order of its detail. */
	private static final List<String> FIELDS = List.of("type", "user", "role");

	SeLinuxOptionsCheck() {
		super("seLinuxOptions", Level.BASELINE, "remove seLinuxOptions.user and .role, and keep type to container_t, "
				+ "container_init_t, container_kvm_t or container_engine_t");
	}

	@Override
	public Violation check(PodView pod) {
		Set<String> types = new TreeSet<>();
		// which of FIELDS anyone set wrong, one bit each
		int wrongFields = 0;
		Offenders offenders = new Offenders();
		int wrong = wrongFields(Fields.podSecurityContext(pod), types);
		if (wrong != 0) {
			offenders.pod();
			addPaths(offenders, pod.specPath("securityContext.seLinuxOptions"), wrong);
			wrongFields |= wrong;
		}
		for (ContainerRef container : pod.allContainers()) {
			wrong = wrongFields(Fields.securityContext(container), types);
			if (wrong != 0) {
				offenders.container(container);
				addPaths(offenders, container.path("securityContext.seLinuxOptions"), wrong);
				wrongFields |= wrong;
			}
		}
		if (offenders.isEmpty()) {
			return null;
		}
		List<String> problems = new ArrayList<>(3);
		if ((wrongFields & 1) != 0) {
			problems.add(Words.pluralize("type", "types", types.size()) + " " + Words.joinQuote(types));
		}
		if ((wrongFields & 2) != 0) {
			problems.add("user may not be set");
		}
		if ((wrongFields & 4) != 0) {
			problems.add("role may not be set");
		}
		return violation("seLinuxOptions",
				offenders.setters() + " set forbidden securityContext.seLinuxOptions: " + String.join("; ", problems),
				offenders.paths());
	}

	/**
	 * A bit for each of FIELDS the context's seLinuxOptions set wrong; a forbidden type
	 * goes into {@code types}.
	 */
	private static int wrongFields(JsonNode securityContext, Set<String> types) {
		JsonNode options = securityContext.path("seLinuxOptions");
		if (!options.isObject()) {
			return 0;
		}
		int wrong = 0;
		String type = Nodes.textOrEmpty(options.path("type"));
		if (!ALLOWED_TYPES.contains(type)) {
			types.add(type);
			wrong |= 1;
		}
		if (!Nodes.textOrEmpty(options.path("user")).isEmpty()) {
			wrong |= 2;
		}
		if (!Nodes.textOrEmpty(options.path("role")).isEmpty()) {
			wrong |= 4;
		}
		return wrong;
	}

	private static void addPaths(Offenders offenders, String optionsPath, int wrong) {
		for (int i = 0; i < FIELDS.size(); i++) {
			if ((wrong & (1 << i)) != 0) {
				offenders.path(optionsPath + "." + FIELDS.get(i));
			}
		}
	}

}
