package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.KindConversion;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.Placeholders;
import io.podcomposer.manifest.Placeholders.Parameter;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.InvalidFieldsException;

/**
 * What {@code POST /api/v1/render} is given: a template document with its {@code parameters},
 * {@code manifest} and the {@code values} to fill in, or a bare manifest, which has no parameters.
 */
record RenderRequest(JsonNode manifest, List<Parameter> parameters, Map<String, String> values) {

	/** Reads a parsed body; a document without a {@code manifest} field is a bare manifest. */
	static RenderRequest from(JsonNode document) {
		if (!document.isObject() || !document.has("manifest")) {
			return new RenderRequest(document, List.of(), Map.of());
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<Parameter> parameters = parameters(document.path("parameters"), problems);
		Map<String, String> values = values(document.path("values"), problems);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return new RenderRequest(document.get("manifest"), parameters, values);
	}

	/**
	 * The manifest with its placeholders filled in, converted to {@code kind} unless that is null.
	 * @throws io.podcomposer.manifest.MissingValuesException when required values are missing
	 * @throws io.podcomposer.manifest.UnsupportedManifestException when the result is not a
	 * manifest of a supported kind
	 */
	KindConversion.Result render(WorkloadKind kind) {
		Manifest rendered = Manifest.of(Placeholders.substitute(this.manifest, this.parameters, this.values));
		return rendered.convertTo((kind != null) ? kind : rendered.kind());
	}

	private static List<Parameter> parameters(JsonNode node, List<FieldProblem> problems) {
		List<Parameter> parameters = new ArrayList<>();
		if (node.isMissingNode() || node.isNull()) {
			return parameters;
		}
		if (!node.isArray()) {
			problems.add(new FieldProblem("parameters", "must be a list of parameters", "type"));
			return parameters;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			String path = "parameters[" + i + "]";
			String name = item.path("name").isString() ? item.get("name").asString() : null;
			if (!Placeholders.isName(name)) {
				problems.add(new FieldProblem(path + ".name",
						"must be a placeholder name: capital letters, digits and _, as in IMAGE_TAG", "pattern"));
				continue;
			}
			parameters.add(new Parameter(name, scalar(item.path("description"), path + ".description", problems),
					scalar(item.path("default"), path + ".default", problems), item.path("required").asBoolean(false)));
		}
		return parameters;
	}

	private static Map<String, String> values(JsonNode node, List<FieldProblem> problems) {
		Map<String, String> values = new HashMap<>();
		if (node.isMissingNode() || node.isNull()) {
			return values;
		}
		if (!node.isObject()) {
			problems.add(new FieldProblem("values", "must be an object of NAME: value", "type"));
			return values;
		}
		node.properties().forEach((entry) -> values.put(entry.getKey(),
				scalar(entry.getValue(), "values." + entry.getKey(), problems)));
		return values;
	}

	/** A string, number or bool as text (YAML readers write {@code 1.27} unquoted); null when absent. */
	private static String scalar(JsonNode node, String path, List<FieldProblem> problems) {
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		if (node.isContainer()) {
			problems.add(new FieldProblem(path, "must be a string", "type"));
			return null;
		}
		return node.asString();
	}

}
