package io.podcomposer.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code Status} bodies the API server answers failures with, in its words. */
final class Statuses {

	private Statuses() {
	}

	/** The 404 of a path the server does not serve. */
	static ObjectNode notFound() {
		return failure(404, "NotFound", "the server could not find the requested resource");
	}

	/** The 404 of an object that does not exist. */
	static ObjectNode notFound(ResourceType type, String name) {
		ObjectNode status = failure(404, "NotFound", type.qualifiedPlural() + " \"" + name + "\" not found");
		details(status, type, name);
		return status;
	}

	static ObjectNode methodNotAllowed() {
		return failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
	}

	/**
	 * An RBAC refusal; {@code name} is null for a list, {@code namespace} for the cluster
	 * scope.
	 */
	static ObjectNode forbidden(String user, String verb, ResourceType type, String resource, String namespace,
			String name) {
		String subject = name == null ? type.qualifiedPlural() : type.qualifiedPlural() + " \"" + name + "\"";
		String scope = namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
		ObjectNode status = failure(403, "Forbidden", subject + " is forbidden: User \"" + user + "\" cannot " + verb
				+ " resource \"" + resource + "\" in API group \"" + type.group() + "\" " + scope);
		details(status, type, name);
		return status;
	}

	/** The 422 of an object that fails validation, one cause a field error. */
	static ObjectNode invalid(ResourceType type, String name, List<Validation.FieldError> errors) {
		ObjectNode status = failure(422, "Invalid", Validation.message(type, name, errors));
		ObjectNode details = details(status, type, name);
		details.put("kind", type.kind());
		ArrayNode causes = details.putArray("causes");
		errors.forEach(error -> causes.addObject()
			.put("reason", error.reason())
			.put("message", error.message())
			.put("field", error.field()));
		return status;
	}

	/**
	 * The 409 of an apply that would take fields other managers own, worded as the API
	 * server words it.
	 */
	static ObjectNode conflict(List<ManagedFields.Conflict> conflicts) {
		String message;
		if (conflicts.size() == 1) {
			ManagedFields.Conflict conflict = conflicts.get(0);
			message = "Apply failed with 1 conflict: " + conflict.cause() + ": " + conflict.field();
		}
		else {
			Map<String, List<ManagedFields.Conflict>> byManager = new TreeMap<>();
			conflicts
				.forEach(conflict -> byManager.computeIfAbsent(conflict.owner(), m -> new ArrayList<>()).add(conflict));
			List<String> lines = new ArrayList<>();
			byManager.values().forEach(own -> {
				lines.add("conflicts with " + own.get(0).owner() + ":");
				own.forEach(conflict -> lines.add("- " + conflict.field()));
			});
			message = "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
		}
		ObjectNode status = failure(409, "Conflict", message);
		ArrayNode causes = status.putObject("details").putArray("causes");
		conflicts.forEach(conflict -> causes.addObject()
			.put("reason", "FieldManagerConflict")
			.put("message", conflict.cause())
			.put("field", conflict.field()));
		return status;
	}

	private static ObjectNode details(ObjectNode status, ResourceType type, String name) {
		ObjectNode details = status.putObject("details");
		if (name != null) {
			details.put("name", name);
		}
		if (!type.group().isEmpty()) {
			details.put("group", type.group());
		}
		details.put("kind", type.plural());
		return details;
	}

	/** A Kubernetes {@code Status}, as the API server answers every failure. */
	static ObjectNode failure(int code, String reason, String message) {
		ObjectNode status = JsonNodeFactory.instance.objectNode().put("kind", "Status").put("apiVersion", "v1");
		status.putObject("metadata");
		status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
		return status;
	}

}
