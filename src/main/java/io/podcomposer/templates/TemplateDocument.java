package io.podcomposer.templates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.podcomposer.manifest.TemplateFields;
import io.podcomposer.manifest.ExpandedSize;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.Placeholders.Parameter;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.InvalidFieldsException;

/**
 * A template as a client writes it: name, description, tags, parameters, the manifest as
 * given and an optional revision message. Reading it checks every field.
 */
record TemplateDocument(String name, String description, Set<String> tags, List<Parameter> parameters,
		JsonNode manifest, String message) {

	/** The longest name a template may have: that of a Kubernetes object. */
	static final int MAX_NAME = 253;

	private static final String MANIFEST_PREFIX = "manifest.";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * A document too large for the columns that keep a revision (manifest and parameters,
	 * each {@link ExpandedSize#MAX_CHARS} characters) is refused here, not by the
	 * database.
	 */
	TemplateDocument {
		List<FieldProblem> problems = new ArrayList<>();
		if (manifest.toString().length() > ExpandedSize.MAX_CHARS) {
			problems.add(new FieldProblem("manifest",
					"must be at most " + ExpandedSize.MAX_CHARS + " characters as JSON (1 MiB, what a revision holds)",
					"size"));
		}
		if (parametersJson(parameters).length() > ExpandedSize.MAX_CHARS) {
			problems.add(new FieldProblem("parameters",
					"must be at most " + ExpandedSize.MAX_CHARS + " characters as JSON (1 MiB, what a revision holds)",
					"size"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	/**
	 * Reads a parsed body.
	 * @throws InvalidFieldsException naming every field that breaks a rule
	 * @throws io.podcomposer.manifest.UnsupportedManifestException when the manifest is
	 * not of a supported kind
	 */
	static TemplateDocument from(JsonNode body) {
		if (!body.isObject()) {
			throw new InvalidFieldsException(List.of(new FieldProblem("", "must be a template document", "type")));
		}
		List<FieldProblem> problems = new ArrayList<>();
		repeatedFields(body, "", problems);
		String name = text(body, "name", MAX_NAME, problems);
		if (name == null || name.isBlank()) {
			problems.add(new FieldProblem("name", "is required", "required"));
		}
		String description = text(body, "description", 2000, problems);
		String message = text(body, "message", 1000, problems);
		Set<String> tags = tags(body.path("tags"), problems);
		List<Parameter> parameters = TemplateFields.parameters(body.path("parameters"), problems);
		JsonNode manifest = body.path("manifest");
		if (!manifest.isObject()) {
			problems.add(new FieldProblem("manifest", "is required: a Kubernetes object", "required"));
		}
		repeatedFields(manifest, MANIFEST_PREFIX, problems);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		// only its kind is checked: the manifest is kept as given, every field
		Manifest.of(manifest);
		return new TemplateDocument(name, description, tags, parameters, manifest, message);
	}

	/**
	 * A field given twice in one mapping of a text read here: the reader keeps the last
	 * value, as kubectl does, but a template is the object kept whole, so the value
	 * dropped is named rather than lost unseen (and the API server's strict decoding
	 * refuses the text too).
	 * @param root what precedes the field's path in the problem's path: {@code manifest.}
	 * for a manifest inside a template document
	 */
	static void repeatedFields(JsonNode read, String root, List<FieldProblem> problems) {
		for (String field : ManifestReader.duplicateFields(read)) {
			String path = root + field;
			// the API server names the field within the object, as kubectl sends it
			String inObject = path.startsWith(MANIFEST_PREFIX) ? path.substring(MANIFEST_PREFIX.length()) : field;
			problems.add(new FieldProblem(path,
					"strict decoding error: duplicate field \"" + inObject + "\": the text gives it twice; keep one",
					"duplicate-field"));
		}
	}

	/** The same document under another name. */
	TemplateDocument named(String otherName) {
		return new TemplateDocument(otherName, this.description, this.tags, this.parameters, this.manifest,
				this.message);
	}

	/** The manifest as stored: compact JSON text. */
	String manifestJson() {
		// as is, not canonical: nulls and key order are the user's too
		return this.manifest.toString();
	}

	/** The parameters as stored. */
	String parametersJson() {
		return parametersJson(this.parameters);
	}

	static String parametersJson(List<Parameter> parameters) {
		ArrayNode array = NODES.arrayNode();
		for (Parameter parameter : parameters) {
			ObjectNode item = array.addObject().put("name", parameter.name());
			if (parameter.description() != null) {
				item.put("description", parameter.description());
			}
			if (parameter.defaultValue() != null) {
				item.put("default", parameter.defaultValue());
			}
			item.put("required", parameter.required());
		}
		return array.toString();
	}

	/** Parameters as {@link #parametersJson} wrote them. */
	static List<Parameter> parameters(String json) {
		return parameters(ManifestReader.readJson(json));
	}

	/** Parameters as {@link #parametersJson} wrote them, read. */
	static List<Parameter> parameters(JsonNode array) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode item : array) {
			parameters.add(new Parameter(item.get("name").asString(), optional(item.path("description")),
					optional(item.path("default")), item.path("required").asBoolean(false)));
		}
		return parameters;
	}

	private static String optional(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	private static String text(JsonNode body, String field, int max, List<FieldProblem> problems) {
		JsonNode node = body.path(field);
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			problems.add(new FieldProblem(field, "must be a string", "type"));
			return null;
		}
		String text = node.asString();
		if (text.length() > max) {
			problems.add(new FieldProblem(field, "must be at most " + max + " characters", "length"));
		}
		// PostgreSQL cannot store it in a text column, and no person means it
		if (text.indexOf('\0') >= 0) {
			problems.add(new FieldProblem(field, "must not hold the character U+0000", "format"));
		}
		return text;
	}

	private static Set<String> tags(JsonNode node, List<FieldProblem> problems) {
		Set<String> tags = new LinkedHashSet<>();
		if (node.isMissingNode() || node.isNull()) {
			return tags;
		}
		if (!node.isArray()) {
			problems.add(new FieldProblem("tags", "must be a list of strings", "type"));
			return tags;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode tag = node.get(i);
			if (!tag.isString() || tag.asString().isBlank()) {
				problems.add(new FieldProblem("tags[" + i + "]", "must be a non-empty string", "type"));
			}
			else if (tag.asString().length() > 63) {
				problems.add(new FieldProblem("tags[" + i + "]", "must be at most 63 characters", "length"));
			}
			else if (tag.asString().chars().anyMatch(Character::isISOControl)) {
				// a line break ends a tag in the tag filter's column (Template.tagText)
				problems.add(new FieldProblem("tags[" + i + "]",
						"must not hold line breaks or other control characters", "pattern"));
			}
			else {
				tags.add(tag.asString().trim());
			}
		}
		return tags;
	}

}
