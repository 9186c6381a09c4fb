package io.podcomposer.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API server's validation of an update, as far as the kinds the fake serves go: what may not
 * change once an object exists (upstream's ValidatePodUpdate, the apps and batch update
 * validation), in its words.
 */
final class UpdateValidation {

	static final String POD_UPDATE = "pod updates may not change fields other than `spec.containers[*].image`,"
			+ "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
			+ "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

	static final String STATEFULSET_UPDATE = "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
			+ "'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
			+ "'minReadySeconds' are forbidden";

	static final String IMMUTABLE = "field is immutable";

	private UpdateValidation() {
	}

	/** Why the API server refuses to change the existing object into the updated one; empty when it does not. */
	static List<Validation.FieldError> errors(ResourceType type, JsonNode existing, JsonNode updated) {
		List<Validation.FieldError> errors = new ArrayList<>();
		JsonNode oldSpec = existing.path("spec");
		JsonNode newSpec = updated.path("spec");
		if (type.equals(ResourceType.PODS)) {
			pod(oldSpec, newSpec, errors);
		}
		else if (type.equals(ResourceType.STATEFULSETS)) {
			ObjectNode munged = (ObjectNode) newSpec.deepCopy();
			for (String mutable : List.of("replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit",
					"persistentVolumeClaimRetentionPolicy", "minReadySeconds")) {
				munged.remove(mutable);
				if (oldSpec.has(mutable)) {
					munged.set(mutable, oldSpec.get(mutable));
				}
			}
			if (!munged.equals(oldSpec)) {
				errors.add(forbidden("spec", STATEFULSET_UPDATE));
			}
		}
		else if (List.of(ResourceType.DEPLOYMENTS, ResourceType.REPLICASETS, ResourceType.DAEMONSETS, ResourceType.JOBS)
			.contains(type)) {
			immutable("spec.selector", oldSpec.path("selector"), newSpec.path("selector"), errors);
		}
		if (type.equals(ResourceType.JOBS)) {
			immutable("spec.completions", oldSpec.path("completions"), newSpec.path("completions"), errors);
			JsonNode oldTemplate = oldSpec.path("template");
			JsonNode newTemplate = newSpec.path("template");
			// a suspended Job that never started may change where and when its pods would run
			if (oldSpec.path("suspend").asBoolean(false) && !existing.at("/status/startTime").isString()) {
				oldTemplate = withSchedulingOf(oldTemplate, newTemplate);
			}
			immutable("spec.template", oldTemplate, newTemplate, errors);
		}
		return errors;
	}

	private static void pod(JsonNode oldSpec, JsonNode newSpec, List<Validation.FieldError> errors) {
		if (newSpec.has("activeDeadlineSeconds")) {
			long deadline = newSpec.path("activeDeadlineSeconds").asLong();
			if (oldSpec.has("activeDeadlineSeconds") && oldSpec.path("activeDeadlineSeconds").asLong() < deadline) {
				errors.add(new Validation.FieldError("spec.activeDeadlineSeconds", "FieldValueInvalid",
						"Invalid value: " + deadline + ": must be less than or equal to previous value"));
				return;
			}
		}
		else if (oldSpec.has("activeDeadlineSeconds")) {
			errors.add(new Validation.FieldError("spec.activeDeadlineSeconds", "FieldValueInvalid",
					"Invalid value: \"null\": must not update from a positive integer to nil value"));
			return;
		}
		for (JsonNode toleration : oldSpec.path("tolerations")) {
			if (!contains(newSpec.path("tolerations"), toleration)) {
				errors.add(forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"));
				return;
			}
		}
		ObjectNode munged = (ObjectNode) newSpec.deepCopy();
		for (String list : List.of("containers", "initContainers")) {
			JsonNode oldContainers = oldSpec.path(list);
			JsonNode newContainers = munged.path(list);
			if (newContainers instanceof ArrayNode containers && containers.size() == oldContainers.size()) {
				for (int i = 0; i < containers.size(); i++) {
					if (containers.get(i) instanceof ObjectNode container && oldContainers.get(i).has("image")) {
						container.set("image", oldContainers.get(i).get("image"));
					}
				}
			}
		}
		for (String mutable : List.of("activeDeadlineSeconds", "tolerations", "schedulingGates")) {
			munged.remove(mutable);
			if (oldSpec.has(mutable)) {
				munged.set(mutable, oldSpec.get(mutable));
			}
		}
		if (oldSpec.path("terminationGracePeriodSeconds").asLong(0) < 0
				&& munged.path("terminationGracePeriodSeconds").asLong(0) == 1) {
			munged.set("terminationGracePeriodSeconds", oldSpec.get("terminationGracePeriodSeconds"));
		}
		if (!munged.equals(oldSpec)) {
			errors.add(forbidden("spec", POD_UPDATE));
		}
	}

	private static boolean contains(JsonNode list, JsonNode wanted) {
		for (JsonNode element : list) {
			if (element.equals(wanted)) {
				return true;
			}
		}
		return false;
	}

	/** The old template with the new one's labels, annotations, node selector, affinity, tolerations and scheduling gates. */
	private static JsonNode withSchedulingOf(JsonNode oldTemplate, JsonNode newTemplate) {
		ObjectNode template = (ObjectNode) oldTemplate.deepCopy();
		for (String part : List.of("/metadata/labels", "/metadata/annotations", "/spec/nodeSelector", "/spec/affinity",
				"/spec/tolerations", "/spec/schedulingGates")) {
			String parent = part.substring(0, part.lastIndexOf('/'));
			String field = part.substring(part.lastIndexOf('/') + 1);
			if (!newTemplate.at(part).isMissingNode()) {
				template.withObject(parent).set(field, newTemplate.at(part));
			}
			else if (template.at(parent) instanceof ObjectNode into) {
				into.remove(field);
			}
		}
		return template;
	}

	private static void immutable(String field, JsonNode oldValue, JsonNode newValue, List<Validation.FieldError> errors) {
		if (!oldValue.equals(newValue)) {
			errors.add(new Validation.FieldError(field, "FieldValueInvalid",
					"Invalid value: " + goValue(field, newValue) + ": " + IMMUTABLE));
		}
	}

	/** The new value as Go's %#v prints it in the message, for the values it is printed for here. */
	private static String goValue(String field, JsonNode value) {
		if (field.equals("spec.selector")) {
			String labels = value.path("matchLabels")
				.properties()
				.stream()
				.map(Map.Entry::getKey)
				.sorted()
				.map(key -> "\"" + key + "\":\"" + value.path("matchLabels").path(key).asString() + "\"")
				.collect(Collectors.joining(", ", "map[string]string{", "}"));
			return "v1.LabelSelector{MatchLabels:" + labels + ", MatchExpressions:[]v1.LabelSelectorRequirement(nil)}";
		}
		if (field.equals("spec.template")) {
			return "core.PodTemplateSpec{...}";
		}
		return value.isMissingNode() ? "null" : value.toString();
	}

	private static Validation.FieldError forbidden(String field, String detail) {
		return new Validation.FieldError(field, "FieldValueForbidden", "Forbidden: " + detail);
	}
}
