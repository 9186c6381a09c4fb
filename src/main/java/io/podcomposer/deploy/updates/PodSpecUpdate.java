package io.podcomposer.deploy.updates;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Pod's spec changes in place only in {@code spec.containers[*].image},
 * {@code spec.initContainers[*].image}, {@code spec.activeDeadlineSeconds} (set, or lowered),
 * {@code spec.tolerations} (only added to), {@code spec.schedulingGates} (only removed) and
 * {@code spec.terminationGracePeriodSeconds} (only to 1 from a negative value): upstream's
 * {@code ValidatePodUpdate}.
 */
final class PodSpecUpdate implements UpdateRule {

	static final String MESSAGE = "pod updates may not change fields other than `spec.containers[*].image`,"
			+ "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
			+ "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

	@Override
	public String id() {
		return "pod-spec";
	}

	@Override
	public boolean appliesTo(WorkloadKind kind) {
		return kind == WorkloadKind.POD;
	}

	@Override
	public List<ImmutableChange> refused(JsonNode live, JsonNode updated) {
		JsonNode before = live.path("spec");
		ObjectNode after = JsonChanges.withFieldsOf(updated.path("spec"), before,
				List.of("activeDeadlineSeconds", "tolerations", "schedulingGates"));
		for (String list : List.of("containers", "initContainers")) {
			if (after.path(list) instanceof ArrayNode containers && containers.size() == before.path(list).size()) {
				for (int i = 0; i < containers.size(); i++) {
					if (containers.get(i) instanceof ObjectNode container && before.path(list).get(i).has("image")) {
						container.set("image", before.path(list).get(i).get("image"));
					}
				}
			}
		}
		if (before.path("terminationGracePeriodSeconds").asLong(0) < 0
				&& after.path("terminationGracePeriodSeconds").asLong(0) == 1) {
			after.set("terminationGracePeriodSeconds", before.get("terminationGracePeriodSeconds"));
		}
		List<ImmutableChange> refused = new ArrayList<>();
		JsonChanges.changedPaths(before, after, "spec").forEach((field) -> refused.add(new ImmutableChange(id(), field,
				"Forbidden: " + MESSAGE)));
		long deadline = updated.at("/spec/activeDeadlineSeconds").asLong(Long.MIN_VALUE);
		if (before.has("activeDeadlineSeconds") && before.path("activeDeadlineSeconds").asLong() < deadline) {
			refused.add(new ImmutableChange(id(), "spec.activeDeadlineSeconds",
					"Invalid value: " + deadline + ": must be less than or equal to previous value"));
		}
		for (JsonNode toleration : before.path("tolerations")) {
			if (!contains(updated.at("/spec/tolerations"), toleration)) {
				refused.add(new ImmutableChange(id(), "spec.tolerations",
						"Forbidden: existing toleration can not be modified except its tolerationSeconds"));
				break;
			}
		}
		return refused;
	}

	private static boolean contains(JsonNode list, JsonNode wanted) {
		for (JsonNode element : list) {
			if (element.equals(wanted)) {
				return true;
			}
		}
		return false;
	}

}
