package io.podcomposer.kube;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API server's validation of an update, as far as the kinds the fake serves go: what
 * may not change once an object exists (upstream's ValidatePodUpdate, the apps and batch
 * update validation), in its words. Where the API server prints a Go value (%#v of an
 * internal struct, the cmp.Diff after a refused pod update) the fake prints the same
 * shape for the values the portal sends, not the byte-identical dump of every defaulted
 * field.
 */
final class UpdateValidation {

	static final String POD_UPDATE = "pod updates may not change fields other than `spec.containers[*].image`,"
			+ "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
			+ "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

	static final String STATEFULSET_UPDATE = "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
			+ "'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
			+ "'minReadySeconds' are forbidden";

	static final String IMMUTABLE = "field is immutable";

	private static final String NODE_SELECTOR_TERMS = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
			+ ".nodeSelectorTerms";

	/**
	 * The Job spec fields that never change once set (upstream's ValidateJobSpecUpdate).
	 */
	private static final List<String> JOB_IMMUTABLE = List.of("completionMode", "podFailurePolicy",
			"backoffLimitPerIndex", "managedBy", "successPolicy");

	private UpdateValidation() {
	}

	/**
	 * Why the API server refuses to change the existing object into the updated one;
	 * empty when it does not.
	 */
	static List<Validation.FieldError> errors(ResourceType type, JsonNode existing, JsonNode updated) {
		List<Validation.FieldError> errors = new ArrayList<>();
		JsonNode oldSpec = existing.path("spec");
		JsonNode newSpec = updated.path("spec");
		if (type.equals(ResourceType.PODS)) {
			pod(oldSpec, newSpec, errors);
		}
		else if (type.equals(ResourceType.STATEFULSETS)) {
			ObjectNode munged = (ObjectNode) newSpec.deepCopy();
			copyFields(oldSpec, munged, List.of("replicas", "ordinals", "template", "updateStrategy",
					"revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"));
			if (!munged.equals(oldSpec)) {
				errors.add(forbidden("spec", STATEFULSET_UPDATE));
			}
		}
		else if (List.of(ResourceType.DEPLOYMENTS, ResourceType.REPLICASETS, ResourceType.DAEMONSETS).contains(type)) {
			immutable("spec.selector", oldSpec.path("selector"), newSpec.path("selector"), errors);
		}
		if (type.equals(ResourceType.JOBS)) {
			job(existing, oldSpec, newSpec, errors);
		}
		return errors;
	}

	private static void job(JsonNode existing, JsonNode oldSpec, JsonNode newSpec, List<Validation.FieldError> errors) {
		completions(oldSpec, newSpec, errors);
		immutable("spec.selector", oldSpec.path("selector"), newSpec.path("selector"), errors);
		JsonNode oldTemplate = oldSpec.path("template");
		JsonNode newTemplate = newSpec.path("template");
		// a suspended Job that never started may change where and when its pods would run
		if (oldSpec.path("suspend").asBoolean(false) && !existing.at("/status/startTime").isString()) {
			oldTemplate = withSchedulingOf(oldTemplate, newTemplate);
		}
		immutable("spec.template", oldTemplate, newTemplate, errors);
		for (String field : JOB_IMMUTABLE) {
			immutable("spec." + field, oldSpec.path(field), newSpec.path(field), errors);
		}
	}

	/**
	 * Completions never change, except in an Indexed Job (elastic Indexed Jobs), where
	 * they change together with parallelism: the new completions must equal the new
	 * parallelism.
	 */
	private static void completions(JsonNode oldSpec, JsonNode newSpec, List<Validation.FieldError> errors) {
		JsonNode completions = newSpec.path("completions");
		if (!newSpec.path("completionMode").asString("NonIndexed").equals("Indexed")) {
			immutable("spec.completions", oldSpec.path("completions"), completions, errors);
		}
		else if (!oldSpec.path("completions").equals(completions) && completions.isNumber()
				&& completions.asLong() != newSpec.path("parallelism").asLong(1)) {
			errors.add(new Validation.FieldError("spec.completions", "FieldValueInvalid",
					"Invalid value: " + completions + ": can only be modified in tandem with spec.parallelism"));
		}
	}

	private static void pod(JsonNode oldSpec, JsonNode newSpec, List<Validation.FieldError> errors) {
		for (String list : List.of("containers", "initContainers")) {
			if (newSpec.path(list).size() != oldSpec.path(list).size()) {
				errors.add(forbidden("spec." + list, "pod updates may not add or remove containers"));
				return;
			}
		}
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
		}
		for (JsonNode toleration : oldSpec.path("tolerations")) {
			if (!containsToleration(newSpec.path("tolerations"), toleration)) {
				errors.add(forbidden("spec.tolerations",
						"existing toleration can not be modified except its tolerationSeconds"));
				break;
			}
		}
		Set<String> oldGates = names(oldSpec.path("schedulingGates"));
		int index = 0;
		for (JsonNode gate : newSpec.path("schedulingGates")) {
			String name = gate.path("name").asString("");
			if (!oldGates.contains(name)) {
				errors.add(forbidden("spec.schedulingGates[" + index + "].name",
						"only deletion is allowed, but found new scheduling gate '" + name + "'"));
			}
			index++;
		}
		ObjectNode munged = (ObjectNode) newSpec.deepCopy();
		for (String list : List.of("containers", "initContainers")) {
			JsonNode oldContainers = oldSpec.path(list);
			if (munged.path(list) instanceof ArrayNode containers) {
				for (int i = 0; i < containers.size(); i++) {
					if (containers.get(i) instanceof ObjectNode container) {
						copyFields(oldContainers.get(i), container, List.of("image"));
					}
				}
			}
		}
		copyFields(oldSpec, munged, List.of("activeDeadlineSeconds", "tolerations", "schedulingGates"));
		if (oldSpec.path("terminationGracePeriodSeconds").asLong(0) < 0
				&& munged.path("terminationGracePeriodSeconds").asLong(0) == 1) {
			munged.set("terminationGracePeriodSeconds", oldSpec.get("terminationGracePeriodSeconds"));
		}
		if (!oldSpec.path("schedulingGates").isEmpty()) {
			gatedPod(oldSpec, munged, errors);
		}
		if (!munged.equals(oldSpec)) {
			errors.add(forbidden("spec", POD_UPDATE + "\n" + specDiff(oldSpec, munged)));
		}
	}

	/**
	 * A pod that still has scheduling gates may gain node selector entries and node
	 * affinity requirements (never lose or change them); the munged spec then takes the
	 * old ones.
	 */
	private static void gatedPod(JsonNode oldSpec, ObjectNode munged, List<Validation.FieldError> errors) {
		JsonNode oldSelector = oldSpec.path("nodeSelector");
		JsonNode newSelector = munged.path("nodeSelector");
		if (!oldSelector.equals(newSelector)) {
			for (Map.Entry<String, JsonNode> entry : oldSelector.properties()) {
				if (!entry.getValue().equals(newSelector.path(entry.getKey()))) {
					errors.add(new Validation.FieldError("spec.nodeSelector", "FieldValueInvalid",
							"Invalid value: " + goStringMap(newSelector)
									+ ": only additions to spec.nodeSelector are allowed (no mutations or deletions)"));
					break;
				}
			}
			copyFields(oldSpec, munged, List.of("nodeSelector"));
		}
		JsonNode oldAffinity = oldSpec.at("/affinity/nodeAffinity");
		JsonNode newAffinity = munged.at("/affinity/nodeAffinity");
		if (oldAffinity.equals(newAffinity)) {
			return;
		}
		JsonNode oldTerms = oldAffinity.at("/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms");
		JsonNode newTerms = newAffinity.at("/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms");
		if (!oldTerms.isEmpty() && oldTerms.size() != newTerms.size()) {
			errors.add(new Validation.FieldError(NODE_SELECTOR_TERMS, "FieldValueInvalid",
					"Invalid value: " + (newTerms.isMissingNode() ? "[]core.NodeSelectorTerm(nil)" : newTerms)
							+ ": no additions/deletions to non-empty NodeSelectorTerms list are allowed"));
		}
		else {
			for (int i = 0; i < oldTerms.size(); i++) {
				if (!onlyAdditions(oldTerms.get(i), newTerms.get(i))) {
					errors.add(new Validation.FieldError(NODE_SELECTOR_TERMS + "[" + i + "]", "FieldValueInvalid",
							"Invalid value: " + newTerms.get(i)
									+ ": only additions are allowed (no mutations or deletions)"));
				}
			}
		}
		ObjectNode affinity = munged.withObject("/affinity");
		affinity.remove("nodeAffinity");
		if (!oldAffinity.isMissingNode()) {
			affinity.set("nodeAffinity", oldAffinity);
		}
		if (affinity.isEmpty() && !oldSpec.has("affinity")) {
			munged.remove("affinity");
		}
	}

	/**
	 * Whether the new term keeps the old one's match expressions and fields, in order,
	 * and only adds to them.
	 */
	private static boolean onlyAdditions(JsonNode oldTerm, JsonNode newTerm) {
		boolean oldEmpty = oldTerm.path("matchExpressions").isEmpty() && oldTerm.path("matchFields").isEmpty();
		if (oldEmpty) {
			return newTerm.path("matchExpressions").isEmpty() && newTerm.path("matchFields").isEmpty();
		}
		for (String list : List.of("matchExpressions", "matchFields")) {
			JsonNode before = oldTerm.path(list);
			JsonNode after = newTerm.path(list);
			if (after.size() < before.size()) {
				return false;
			}
			for (int i = 0; i < before.size(); i++) {
				if (!before.get(i).equals(after.get(i))) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * The spec's changes as cmp.Diff shows them under the refusal: old lines with "-",
	 * new ones with "+".
	 */
	private static String specDiff(JsonNode before, JsonNode after) {
		StringBuilder diff = new StringBuilder("  core.PodSpec{\n");
		diffLines(before, after, "", diff);
		return diff.append("  }\n").toString();
	}

	private static void diffLines(JsonNode before, JsonNode after, String path, StringBuilder diff) {
		if (before.equals(after)) {
			return;
		}
		if (before.isObject() && after.isObject()) {
			Set<String> names = new LinkedHashSet<>(before.propertyNames());
			names.addAll(after.propertyNames());
			names.forEach(name -> diffLines(before.path(name), after.path(name),
					path.isEmpty() ? name : path + "." + name, diff));
			return;
		}
		if (before.isArray() && after.isArray() && before.size() == after.size()) {
			for (int i = 0; i < before.size(); i++) {
				diffLines(before.get(i), after.get(i), path + "[" + i + "]", diff);
			}
			return;
		}
		if (!before.isMissingNode()) {
			diff.append("- \t").append(path).append(": ").append(before).append(",\n");
		}
		if (!after.isMissingNode()) {
			diff.append("+ \t").append(path).append(": ").append(after).append(",\n");
		}
	}

	private static boolean containsToleration(JsonNode tolerations, JsonNode wanted) {
		ObjectNode withoutSeconds = ((ObjectNode) wanted.deepCopy());
		withoutSeconds.remove("tolerationSeconds");
		for (JsonNode toleration : tolerations) {
			ObjectNode candidate = ((ObjectNode) toleration.deepCopy());
			candidate.remove("tolerationSeconds");
			if (candidate.equals(withoutSeconds)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> names(JsonNode list) {
		Set<String> names = new LinkedHashSet<>();
		list.forEach(element -> names.add(element.path("name").asString("")));
		return names;
	}

	/**
	 * Sets the named fields of {@code into} to those of {@code from}, removing those
	 * {@code from} lacks.
	 */
	private static void copyFields(JsonNode from, ObjectNode into, List<String> fields) {
		for (String field : fields) {
			into.remove(field);
			if (from != null && from.has(field)) {
				into.set(field, from.get(field));
			}
		}
	}

	/**
	 * The old template with the new one's labels, annotations, node selector, node
	 * affinity, tolerations and scheduling gates.
	 */
	private static JsonNode withSchedulingOf(JsonNode oldTemplate, JsonNode newTemplate) {
		ObjectNode template = oldTemplate.isObject() ? (ObjectNode) oldTemplate.deepCopy()
				: JsonNodeFactory.instance.objectNode();
		for (String part : List.of("/metadata/labels", "/metadata/annotations", "/spec/nodeSelector",
				"/spec/affinity/nodeAffinity", "/spec/tolerations", "/spec/schedulingGates")) {
			String parent = part.substring(0, part.lastIndexOf('/'));
			String field = part.substring(part.lastIndexOf('/') + 1);
			if (!newTemplate.at(part).isMissingNode()) {
				template.withObject(parent).set(field, newTemplate.at(part));
			}
			else if (template.at(parent) instanceof ObjectNode into) {
				into.remove(field);
			}
		}
		// an affinity that held only the node affinity may go with it
		if (template.at("/spec/affinity").isEmpty() && newTemplate.at("/spec/affinity").isMissingNode()
				&& template.path("spec") instanceof ObjectNode spec) {
			spec.remove("affinity");
		}
		return template;
	}

	private static void immutable(String field, JsonNode oldValue, JsonNode newValue,
			List<Validation.FieldError> errors) {
		if (!oldValue.equals(newValue)) {
			errors.add(new Validation.FieldError(field, "FieldValueInvalid",
					"Invalid value: " + goValue(field, newValue) + ": " + IMMUTABLE));
		}
	}

	/**
	 * The new value as Go's %#v prints it in the message, for the values it is printed
	 * for here.
	 */
	private static String goValue(String field, JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "\"null\"";
		}
		if (field.equals("spec.selector")) {
			return "v1.LabelSelector{MatchLabels:" + goStringMap(value.path("matchLabels")) + ", MatchExpressions:"
					+ goRequirements(value.path("matchExpressions")) + "}";
		}
		if (field.equals("spec.template")) {
			return "core.PodTemplateSpec{...}";
		}
		if (value.isString()) {
			return "\"" + value.asString() + "\"";
		}
		return value.toString();
	}

	/**
	 * A {@code map[string]string} as %#v prints it: keys sorted, {@code (nil)} when
	 * absent.
	 */
	private static String goStringMap(JsonNode map) {
		if (!map.isObject()) {
			return "map[string]string(nil)";
		}
		return map.propertyNames()
			.stream()
			.sorted()
			.map(key -> "\"" + key + "\":\"" + map.path(key).asString() + "\"")
			.collect(Collectors.joining(", ", "map[string]string{", "}"));
	}

	private static String goRequirements(JsonNode requirements) {
		if (!requirements.isArray()) {
			return "[]v1.LabelSelectorRequirement(nil)";
		}
		List<String> printed = new ArrayList<>();
		for (JsonNode requirement : requirements) {
			List<String> values = new ArrayList<>();
			requirement.path("values").forEach(value -> values.add("\"" + value.asString() + "\""));
			printed.add("v1.LabelSelectorRequirement{Key:\"" + requirement.path("key").asString() + "\", Operator:\""
					+ requirement.path("operator").asString() + "\", Values:" + (requirement.path("values").isArray()
							? "[]string{" + String.join(", ", values) + "}" : "[]string(nil)")
					+ "}");
		}
		return "[]v1.LabelSelectorRequirement{" + String.join(", ", printed) + "}";
	}

	private static Validation.FieldError forbidden(String field, String detail) {
		return new Validation.FieldError(field, "FieldValueForbidden", "Forbidden: " + detail);
	}

}
