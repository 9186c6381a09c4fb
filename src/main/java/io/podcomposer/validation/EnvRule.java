package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code env}: every container's {@code env} entry has a {@code name}, and takes its value from
 * {@code value} or from {@code valueFrom}, not both; a {@code valueFrom} names exactly one source:
 * {@code fieldRef}, {@code resourceFieldRef}, {@code configMapKeyRef} or {@code secretKeyRef}.
 * An empty {@code value} counts as none.
 */
final class EnvRule extends ApiServerRule {

	private static final String[] SOURCES = { "fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef" };

	EnvRule() {
		super("env");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry variable : ListEntry.inEveryContainer(pod, "env")) {
			if (variable.node().isObject() && Nodes.unsetText(variable.get("name"))) {
				findings.add(variable.path("name"), Messages.REQUIRED);
			}
			JsonNode valueFrom = variable.get("valueFrom");
			String problem = valueFrom.isObject()
					? valueFromProblem(valueFrom, Nodes.nonEmptyText(variable.get("value")) != null) : null;
			if (problem != null) {
				findings.add(variable.path("valueFrom"), Messages.invalid("", problem));
			}
		}
	}

	private static String valueFromProblem(JsonNode valueFrom, boolean hasValue) {
		int sources = 0;
		for (String source : SOURCES) {
			sources += Nodes.absent(valueFrom.get(source)) ? 0 : 1;
		}
		if (sources == 0) {
			return "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";
		}
		if (hasValue) {
			return "may not be specified when `value` is not empty";
		}
		return (sources > 1) ? "may not have more than one field specified at a time" : null;
	}

}
