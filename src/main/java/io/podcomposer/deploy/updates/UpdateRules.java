package io.podcomposer.deploy.updates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * The API server's rules for what may change in an object that exists, so that a redeploy
 * can say before anything is sent which of its changes the cluster would refuse. A
 * removed field is not seen here (the live object does not say which fields the portal
 * set); the cluster's dry run refuses it.
 */
public final class UpdateRules {

	/** Every rule, each a small class named for what it guards. */
	static final List<UpdateRule> RULES = List.of(new PodSpecUpdate(), new SelectorUpdate(),
			new StatefulSetSpecUpdate(), new JobTemplateUpdate());

	/** What the API server says when it refuses an update for one of these rules. */
	private static final List<String> REFUSALS = List.of("pod updates may not change fields other than",
			"pod updates may not add or remove containers", "existing toleration can not be modified",
			"only deletion is allowed, but found new scheduling gate",
			"only additions to spec.nodeSelector are allowed", "NodeSelectorTerms list are allowed",
			"only additions are allowed (no mutations or deletions)", "field is immutable",
			"can only be modified in tandem with spec.parallelism",
			"updates to statefulset spec for fields other than");

	/** The field a refusal names: {@code Pod "web" is invalid: spec: Forbidden: …}. */
	private static final Pattern REFUSED_FIELD = Pattern.compile("is invalid: ([^\\s:]+): ");

	private UpdateRules() {
	}

	/**
	 * The cluster's refusal of an update for one of these rules, as a change (rule
	 * {@code cluster}): what the rules here do not see, such as a removed field, the
	 * cluster's dry run still refuses.
	 * @param status the cluster's HTTP status
	 * @param message what it said
	 */
	public static Optional<ImmutableChange> refusedByCluster(int status, String message) {
		if (status != 422 || message == null || REFUSALS.stream().noneMatch(message::contains)) {
			return Optional.empty();
		}
		Matcher field = REFUSED_FIELD.matcher(message);
		return Optional.of(new ImmutableChange("cluster", field.find() ? field.group(1) : "spec", message));
	}

	/**
	 * The live object with the fields of the object to apply laid over it: what a change
	 * would make of it.
	 */
	public static JsonNode updated(JsonNode live, JsonNode object) {
		return JsonChanges.overlay(live, object);
	}

	/**
	 * The changes the cluster would refuse if the object were applied over the live one.
	 * @param object the object to apply, as sent
	 */
	public static List<ImmutableChange> refused(WorkloadKind kind, JsonNode live, JsonNode object) {
		JsonNode updated = updated(live, object);
		List<ImmutableChange> refused = new ArrayList<>();
		for (UpdateRule rule : RULES) {
			if (rule.appliesTo(kind)) {
				refused.addAll(rule.refused(live, updated));
			}
		}
		return refused;
	}

}
