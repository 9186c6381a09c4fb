package io.podcomposer.deploy.updates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Pod's spec changes in place only in {@code spec.containers[*].image},
 * {@code spec.initContainers[*].image}, {@code spec.activeDeadlineSeconds} (set, or
 * lowered), {@code spec.tolerations} (only added to; an existing one may change its
 * {@code tolerationSeconds}), {@code spec.schedulingGates} (only removed) and
 * {@code spec.terminationGracePeriodSeconds} (only to 1 from a negative value); no
 * container is added or removed; and while the pod still has scheduling gates,
 * {@code spec.nodeSelector} and the required node affinity's terms may gain entries
 * (never lose or change them): upstream's {@code ValidatePodUpdate}. Resources change
 * only through the {@code resize} subresource, which a deploy does not use, so here they
 * are as fixed as the rest.
 */
final class PodSpecUpdate implements UpdateRule {

	static final String MESSAGE = "pod updates may not change fields other than `spec.containers[*].image`,"
			+ "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
			+ "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

	private static final String NODE_SELECTOR_TERMS = "requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms";

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
		JsonNode given = updated.path("spec");
		List<ImmutableChange> refused = new ArrayList<>();
		for (String list : List.of("containers", "initContainers")) {
			if (given.path(list).size() != before.path(list).size()) {
				refused.add(new ImmutableChange(id(), "spec." + list,
						"Forbidden: pod updates may not add or remove containers"));
				return refused;
			}
		}
		long deadline = given.path("activeDeadlineSeconds").asLong(Long.MIN_VALUE);
		if (before.has("activeDeadlineSeconds") && before.path("activeDeadlineSeconds").asLong() < deadline) {
			refused.add(new ImmutableChange(id(), "spec.activeDeadlineSeconds",
					"Invalid value: " + deadline + ": must be less than or equal to previous value"));
		}
		for (JsonNode toleration : before.path("tolerations")) {
			if (!containsToleration(given.path("tolerations"), toleration)) {
				refused.add(new ImmutableChange(id(), "spec.tolerations",
						"Forbidden: existing toleration can not be modified except its tolerationSeconds"));
				break;
			}
		}
		addedSchedulingGates(before, given, refused);
		ObjectNode after = JsonChanges.withFieldsOf(given, before,
				List.of("activeDeadlineSeconds", "tolerations", "schedulingGates"));
		for (String list : List.of("containers", "initContainers")) {
			if (after.path(list) instanceof ArrayNode containers) {
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
		if (!before.path("schedulingGates").isEmpty()) {
			gatedPlacement(before, after, refused);
		}
		JsonChanges.changedPaths(before, after, "spec")
			.forEach((field) -> refused.add(new ImmutableChange(id(), field, "Forbidden: " + MESSAGE)));
		return refused;
	}

	/**
	 * A scheduling gate may only be removed: each one the pod did not have is refused.
	 */
	private void addedSchedulingGates(JsonNode before, JsonNode given, List<ImmutableChange> refused) {
		Set<String> existing = new HashSet<>();
		before.path("schedulingGates").forEach((gate) -> existing.add(gate.path("name").asString("")));
		int index = 0;
		for (JsonNode gate : given.path("schedulingGates")) {
			String name = gate.path("name").asString("");
			if (!existing.contains(name)) {
				refused.add(new ImmutableChange(id(), "spec.schedulingGates[" + index + "].name",
						"Forbidden: only deletion is allowed, but found new scheduling gate '" + name + "'"));
			}
			index++;
		}
	}

	/**
	 * A pod that is still gated may gain node selector entries and required node affinity
	 * requirements; what it had stays. The accepted additions are taken out of
	 * {@code after}.
	 */
	private void gatedPlacement(JsonNode before, ObjectNode after, List<ImmutableChange> refused) {
		for (Map.Entry<String, JsonNode> entry : before.path("nodeSelector").properties()) {
			if (!entry.getValue().equals(after.path("nodeSelector").path(entry.getKey()))) {
				refused.add(new ImmutableChange(id(), "spec.nodeSelector",
						"Invalid value: only additions to spec.nodeSelector are allowed (no mutations or deletions)"));
				break;
			}
		}
		after.remove("nodeSelector");
		if (before.has("nodeSelector")) {
			after.set("nodeSelector", before.get("nodeSelector"));
		}
		JsonNode oldTerms = before.at("/affinity/nodeAffinity/" + NODE_SELECTOR_TERMS);
		JsonNode newTerms = after.at("/affinity/nodeAffinity/" + NODE_SELECTOR_TERMS);
		String termsField = "spec.affinity.nodeAffinity." + NODE_SELECTOR_TERMS.replace('/', '.');
		if (!oldTerms.isEmpty() && oldTerms.size() != newTerms.size()) {
			refused.add(new ImmutableChange(id(), termsField,
					"Invalid value: no additions/deletions to non-empty NodeSelectorTerms list are allowed"));
		}
		else {
			for (int i = 0; i < oldTerms.size(); i++) {
				if (!onlyAdded(oldTerms.get(i), newTerms.get(i))) {
					refused.add(new ImmutableChange(id(), termsField + "[" + i + "]",
							"Invalid value: only additions are allowed (no mutations or deletions)"));
				}
			}
		}
		ObjectNode affinity = after.withObject("/affinity");
		affinity.remove("nodeAffinity");
		if (before.at("/affinity/nodeAffinity").isObject()) {
			affinity.set("nodeAffinity", before.at("/affinity/nodeAffinity"));
		}
		if (affinity.isEmpty() && !before.has("affinity")) {
			after.remove("affinity");
		}
	}

	/**
	 * Whether a node selector term keeps its match expressions and fields, in order, and
	 * only adds to them.
	 */
	private static boolean onlyAdded(JsonNode before, JsonNode after) {
		if (before.path("matchExpressions").isEmpty() && before.path("matchFields").isEmpty()) {
			return after.path("matchExpressions").isEmpty() && after.path("matchFields").isEmpty();
		}
		for (String list : List.of("matchExpressions", "matchFields")) {
			if (after.path(list).size() < before.path(list).size()) {
				return false;
			}
			for (int i = 0; i < before.path(list).size(); i++) {
				if (!before.path(list).get(i).equals(after.path(list).get(i))) {
					return false;
				}
			}
		}
		return true;
	}

	/** Whether the list has the toleration, whatever its {@code tolerationSeconds}. */
	private static boolean containsToleration(JsonNode list, JsonNode wanted) {
		for (JsonNode element : list) {
			if (JsonChanges.withFieldsOf(element, wanted, List.of("tolerationSeconds")).equals(wanted)) {
				return true;
			}
		}
		return false;
	}

}
