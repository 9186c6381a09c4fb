package io.podcomposer.deploy.updates;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * A workload's {@code spec.selector} never changes, in its {@code matchLabels} or its
 * {@code matchExpressions} (Deployment, ReplicaSet and DaemonSet in their registry's
 * update check, Job in {@code ValidateJobSpecUpdate}: upstream's
 * {@code ValidateImmutableField}). A StatefulSet's selector falls under
 * {@link StatefulSetSpecUpdate}, as upstream refuses it with the spec message.
 */
final class SelectorUpdate implements UpdateRule {

	private static final Set<WorkloadKind> KINDS = Set.of(WorkloadKind.DEPLOYMENT, WorkloadKind.REPLICA_SET,
			WorkloadKind.DAEMON_SET, WorkloadKind.JOB);

	@Override
	public String id() {
		return "selector";
	}

	@Override
	public boolean appliesTo(WorkloadKind kind) {
		return KINDS.contains(kind);
	}

	@Override
	public List<ImmutableChange> refused(JsonNode live, JsonNode updated) {
		JsonNode before = live.at("/spec/selector");
		JsonNode after = updated.at("/spec/selector");
		return before.equals(after) ? List.of() : List.of(new ImmutableChange(id(), "spec.selector",
				"Invalid value: " + goSelector(after) + ": field is immutable"));
	}

	/**
	 * The selector as the API server prints it in the refusal: Go's {@code %#v} of a
	 * {@code v1.LabelSelector}.
	 */
	static String goSelector(JsonNode selector) {
		JsonNode labels = selector.path("matchLabels");
		String matchLabels = !labels.isObject() ? "map[string]string(nil)"
				: labels.propertyNames()
					.stream()
					.sorted()
					.map((key) -> "\"" + key + "\":\"" + labels.path(key).asString() + "\"")
					.collect(Collectors.joining(", ", "map[string]string{", "}"));
		JsonNode expressions = selector.path("matchExpressions");
		String matchExpressions = "[]v1.LabelSelectorRequirement(nil)";
		if (expressions.isArray()) {
			List<String> requirements = new ArrayList<>();
			for (JsonNode requirement : expressions) {
				JsonNode values = requirement.path("values");
				String printedValues = !values.isArray() ? "[]string(nil)"
						: values.valueStream()
							.map((value) -> "\"" + value.asString() + "\"")
							.collect(Collectors.joining(", ", "[]string{", "}"));
				requirements
					.add("v1.LabelSelectorRequirement{Key:\"" + requirement.path("key").asString() + "\", Operator:\""
							+ requirement.path("operator").asString() + "\", Values:" + printedValues + "}");
			}
			matchExpressions = "[]v1.LabelSelectorRequirement{" + String.join(", ", requirements) + "}";
		}
		return "v1.LabelSelector{MatchLabels:" + matchLabels + ", MatchExpressions:" + matchExpressions + "}";
	}

}
