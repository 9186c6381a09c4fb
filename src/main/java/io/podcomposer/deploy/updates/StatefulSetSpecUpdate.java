package io.podcomposer.deploy.updates;

import java.util.List;

import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * A StatefulSet's spec changes only in {@code replicas}, {@code ordinals},
 * {@code template}, {@code updateStrategy}, {@code revisionHistoryLimit},
 * {@code persistentVolumeClaimRetentionPolicy} and {@code minReadySeconds}: upstream's
 * {@code ValidateStatefulSetUpdate}. A changed selector is refused here too, with this
 * message, as the API server refuses it.
 */
final class StatefulSetSpecUpdate implements UpdateRule {

	static final String MESSAGE = "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
			+ "'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
			+ "'minReadySeconds' are forbidden";

	private static final List<String> MUTABLE = List.of("replicas", "ordinals", "template", "updateStrategy",
			"revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds");

	@Override
	public String id() {
		return "statefulset-spec";
	}

	@Override
	public boolean appliesTo(WorkloadKind kind) {
		return kind == WorkloadKind.STATEFUL_SET;
	}

	@Override
	public List<ImmutableChange> refused(JsonNode live, JsonNode updated) {
		JsonNode before = live.path("spec");
		return JsonChanges.changedPaths(before, JsonChanges.withFieldsOf(updated.path("spec"), before, MUTABLE), "spec")
			.stream()
			.map((field) -> new ImmutableChange(id(), field, "Forbidden: " + MESSAGE))
			.toList();
	}

}
