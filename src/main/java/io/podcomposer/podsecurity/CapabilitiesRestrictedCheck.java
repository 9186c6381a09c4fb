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
 * Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE. Since
 * policy 1.25 pods with {@code spec.os.name: windows} are exempt.
 * <p>
 * Restricted fields: {@code spec.containers[*].securityContext.capabilities.drop}, the
 * same in {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}. Allowed
 * values: a list that includes "ALL".
 * <p>
 * Restricted fields: {@code spec.containers[*].securityContext.capabilities.add},
 * likewise. Allowed values: undefined, empty, "NET_BIND_SERVICE".
 */
final class CapabilitiesRestrictedCheck extends UpstreamCheck {

	CapabilitiesRestrictedCheck() {
		super("capabilities_restricted", Level.RESTRICTED,
				"add ALL to securityContext.capabilities.drop, and add back at most NET_BIND_SERVICE");
	}

	@Override
	public Violation check(PodView pod) {
		if (Fields.isWindows(pod)) {
			return null;
		}
		Offenders missingDropAll = new Offenders();
		for (ContainerRef container : pod.allContainers()) {
			if (!dropsAll(Fields.securityContext(container).path("capabilities"))) {
				missingDropAll.container(container, "securityContext.capabilities.drop");
			}
		}
		Set<String> added = new TreeSet<>();
		Offenders adding = CapabilitiesBaselineCheck.addingBeyond(pod, "NET_BIND_SERVICE"::equals, added);
		if (missingDropAll.isEmpty() && adding.isEmpty()) {
			return null;
		}
		List<String> details = new ArrayList<>(2);
		List<String> paths = new ArrayList<>(missingDropAll.paths());
		if (!missingDropAll.isEmpty()) {
			details.add(missingDropAll.containers() + " must set securityContext.capabilities.drop=[\"ALL\"]");
		}
		if (!adding.isEmpty()) {
			details.add(CapabilitiesBaselineCheck.mustNotInclude(adding, added));
			paths.addAll(adding.paths());
		}
		return violation("unrestricted capabilities", String.join("; ", details), paths);
	}

	private static boolean dropsAll(JsonNode capabilities) {
		for (JsonNode capability : Nodes.array(capabilities.path("drop"))) {
			if ("ALL".equals(Nodes.textOrEmpty(capability))) {
				return true;
			}
		}
		return false;
	}

}
