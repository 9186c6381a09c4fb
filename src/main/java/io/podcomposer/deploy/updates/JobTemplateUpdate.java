package io.podcomposer.deploy.updates;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Job's {@code spec.template} and {@code spec.completions} never change, except that a
 * suspended Job that never started may change its template's labels, annotations,
 * {@code nodeSelector}, {@code affinity}, {@code tolerations} and {@code schedulingGates}:
 * upstream's {@code ValidateJobSpecUpdate}.
 */
final class JobTemplateUpdate implements UpdateRule {

	private static final List<String> SCHEDULING = List.of("/metadata/labels", "/metadata/annotations",
			"/spec/nodeSelector", "/spec/affinity", "/spec/tolerations", "/spec/schedulingGates");

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
		if (!live.at("/spec/completions").equals(updated.at("/spec/completions"))) {
			refused.add(new ImmutableChange(id(), "spec.completions",
					"Invalid value: " + updated.at("/spec/completions") + ": field is immutable"));
		}
		JsonNode before = live.at("/spec/template");
		JsonNode after = updated.at("/spec/template");
		if (live.at("/spec/suspend").asBoolean(false) && !live.at("/status/startTime").isString()) {
			before = withSchedulingOf(before, after);
		}
		JsonChanges.changedPaths(before, after, "spec.template")
			.forEach((field) -> refused.add(new ImmutableChange(id(), field, "field is immutable")));
		return refused;
	}

	/** The template with the other's scheduling fields, which a suspended Job that never started may change. */
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
		return copy;
	}

}
