package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * {@code security-context-ids}: the user and group ids of the pod's
 * {@code securityContext} ({@code runAsUser}, {@code runAsGroup}, {@code fsGroup}, each
 * of {@code supplementalGroups}) and of every container's ({@code runAsUser},
 * {@code runAsGroup}) are from 0 to 2147483647.
 */
final class SecurityContextIdsRule extends ApiServerRule {

	private static final String RANGE = "must be between 0 and " + Integer.MAX_VALUE + ", inclusive";

	private static final String[] POD_IDS = { "runAsUser", "runAsGroup", "fsGroup" };

	private static final String[] CONTAINER_IDS = { "runAsUser", "runAsGroup" };

	SecurityContextIdsRule() {
		super("security-context-ids");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode context = pod.podSpec().path("securityContext");
		String path = pod.specPath("securityContext");
		for (String field : POD_IDS) {
			checkId(context.path(field), path + "." + field, findings);
		}
		JsonNode groups = context.path("supplementalGroups");
		for (int i = 0; i < Nodes.count(groups); i++) {
			checkId(groups.get(i), path + ".supplementalGroups[" + i + "]", findings);
		}
		for (ContainerRef container : pod.allContainers()) {
			for (String field : CONTAINER_IDS) {
				checkId(container.node().path("securityContext").path(field),
						container.path("securityContext." + field), findings);
			}
		}
	}

	private static void checkId(JsonNode id, String path, Findings findings) {
		Long value = Nodes.integer(id);
		if (value != null && (value < 0 || value > Integer.MAX_VALUE)) {
			findings.add(path, Messages.invalid(value, RANGE));
		}
	}

}
