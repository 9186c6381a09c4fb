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
import io.podcomposer.manifest.TemplateFields;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.InvalidFieldsException;

/**
 * What {@code POST /api/v1/render} is given: a template document with its
 * {@code parameters}, {@code manifest} and the {@code values} to fill in, or a bare
 * manifest, which has no parameters.
 */
record RenderRequest(JsonNode manifest, List<Parameter> parameters, Map<String, String> values) {

	/**
	 * Reads a parsed body; a document without a {@code manifest} field is a bare
	 * manifest.
	 */
	static RenderRequest from(JsonNode document) {
		if (!document.isObject() || !document.has("manifest")) {
			return new RenderRequest(document, List.of(), Map.of());
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<Parameter> parameters = TemplateFields.parameters(document.path("parameters"), problems);
		Map<String, String> values = values(document.path("values"), problems);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return new RenderRequest(document.get("manifest"), parameters, values);
	}

	/**
	 * The manifest with its placeholders filled in, converted to {@code kind} unless that
	 * is null.
	 * @throws io.podcomposer.manifest.MissingValuesException when required values are
	 * missing
	 * @throws io.podcomposer.manifest.UnsupportedManifestException when the result is not
	 * a manifest of a supported kind
	 */
	KindConversion.Result render(WorkloadKind kind) {
		Manifest rendered = Manifest.of(Placeholders.substitute(this.manifest, this.parameters, this.values));
		return rendered.convertTo((kind != null) ? kind : rendered.kind());
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
		node.properties()
			.forEach((entry) -> values.put(entry.getKey(),
					TemplateFields.scalar(entry.getValue(), "values." + entry.getKey(), problems)));
		return values;
	}

}
