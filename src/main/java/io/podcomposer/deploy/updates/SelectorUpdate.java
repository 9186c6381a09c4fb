package io.podcomposer.deploy.updates;

import java.util.List;
import java.util.Set;

import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * A workload's {@code spec.selector} never changes (Deployment, ReplicaSet, DaemonSet and Job:
 * upstream's {@code ValidateImmutableField} in their update validation; a StatefulSet's falls
 * under {@link StatefulSetSpecUpdate} upstream and is named here as well).
 */
final class SelectorUpdate implements UpdateRule {

	private static final Set<WorkloadKind> KINDS = Set.of(WorkloadKind.DEPLOYMENT, WorkloadKind.REPLICA_SET,
			WorkloadKind.DAEMON_SET, WorkloadKind.STATEFUL_SET, WorkloadKind.JOB);

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
		return before.equals(after) ? List.of()
				: List.of(new ImmutableChange(id(), "spec.selector", "Invalid value: " + after + ": field is immutable"));
	}

}
