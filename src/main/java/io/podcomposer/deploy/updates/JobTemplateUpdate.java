package io.podcomposer.deploy.updates;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Job's {@code spec.template}, {@code spec.completionMode},
 * {@code spec.podFailurePolicy}, {@code spec.backoffLimitPerIndex},
 * {@code spec.managedBy} and {@code spec.successPolicy} never change, except that a
 * suspended Job that never started may change its template's labels, annotations,
 * {@code nodeSelector}, node affinity ({@code affinity.nodeAffinity}, not the pod
 * affinities), {@code tolerations} and {@code schedulingGates}; {@code spec.completions}
 * never changes either, except in an Indexed Job, where it changes together with
 * {@code spec.parallelism} (the new completions equal the new parallelism: elastic
 * Indexed Jobs): upstream's {@code ValidateJobSpecUpdate}.
 */
final class JobTemplateUpdate implements UpdateRule {

	private static final List<String> SCHEDULING = List.of("/metadata/labels", "/metadata/annotations",
			"/spec/nodeSelector", "/spec/affinity/nodeAffinity", "/spec/tolerations", "/spec/schedulingGates");

	private static final List<String> FIXED = List.of("completionMode", "podFailurePolicy", "backoffLimitPerIndex",
			"managedBy", "successPolicy");

	@Override
	public String id() {
		return "job-template";
	}

	@Override
	public boolean appliesTo(WorkloadKind kind) {
		return kind == WorkloadKind.JOB;
	}

	@Override
	public List<ImmutableChange> refused(JsonNode live, JsonNode updated) {
		List<ImmutableChange> refused = new ArrayList<>();
		JsonNode completions = updated.at("/spec/completions");
		if (!live.at("/spec/completions").equals(completions)) {
			if (!updated.at("/spec/completionMode").asString("NonIndexed").equals("Indexed")) {
				refused.add(new ImmutableChange(id(), "spec.completions",
						"Invalid value: " + completions + ": field is immutable"));
			}
			else if (completions.isNumber() && completions.asLong() != updated.at("/spec/parallelism").asLong(1)) {
				refused.add(new ImmutableChange(id(), "spec.completions",
						"Invalid value: " + completions + ": can only be modified in tandem with spec.parallelism"));
			}
		}
		JsonNode before = live.at("/spec/template");
		JsonNode after = updated.at("/spec/template");
		if (live.at("/spec/suspend").asBoolean(false) && !live.at("/status/startTime").isString()) {
			before = withSchedulingOf(before, after);
		}
		JsonChanges.changedPaths(before, after, "spec.template")
			.forEach((field) -> refused.add(new ImmutableChange(id(), field, "field is immutable")));
		for (String field : FIXED) {
			JsonNode value = updated.at("/spec/" + field);
			if (!live.at("/spec/" + field).equals(value)) {
				refused.add(new ImmutableChange(id(), "spec." + field, "Invalid value: "
						+ (value.isMissingNode() ? "\"null\"" : value.toString()) + ": field is immutable"));
			}
		}
		return refused;
	}

	/**
	 * The template with the other's scheduling fields, which a suspended Job that never
	 * started may change.
	 */
	private static JsonNode withSchedulingOf(JsonNode template, JsonNode other) {
		ObjectNode copy = JsonChanges.withFieldsOf(template, template, List.of());
		for (String part : SCHEDULING) {
			int slash = part.lastIndexOf('/');
			JsonNode value = other.at(part);
			if (!value.isMissingNode()) {
				copy.withObject(part.substring(0, slash)).set(part.substring(slash + 1), value);
			}
			else if (copy.at(part.substring(0, slash)) instanceof ObjectNode parent) {
				parent.remove(part.substring(slash + 1));
			}
		}
		// an affinity that held only the node affinity may go with it
		if (copy.at("/spec/affinity").isEmpty() && other.at("/spec/affinity").isMissingNode()
				&& copy.path("spec") instanceof ObjectNode spec) {
			spec.remove("affinity");
		}
		return copy;
	}

}
