package io.podcomposer.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Placeholders.Parameter;
import io.podcomposer.system.FieldProblem;

/**
 * Reads the fields a template document shares wherever one is given, the render endpoint
 * and the template library alike, reporting what breaks a rule rather than stopping at
 * it.
 */
public final class TemplateFields {

	private TemplateFields() {
	}

	/**
	 * The declared parameters; a name that is not a placeholder name or is declared twice
	 * is a problem.
	 */
	public static List<Parameter> parameters(JsonNode node, List<FieldProblem> problems) {
		List<Parameter> parameters = new ArrayList<>();
		if (node.isMissingNode() || node.isNull()) {
			return parameters;
		}
		if (!node.isArray()) {
			problems.add(new FieldProblem("parameters", "must be a list of parameters", "type"));
			return parameters;
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			String path = "parameters[" + i + "]";
			String name = item.path("name").isString() ? item.get("name").asString() : null;
			if (!Placeholders.isName(name)) {
				problems.add(new FieldProblem(path + ".name",
						"must be a placeholder name: capital letters, digits and _, as in IMAGE_TAG", "pattern"));
			}
			else if (!names.add(name)) {
				problems.add(new FieldProblem(path + ".name", "is declared twice: " + name, "unique"));
			}
			else {
				parameters.add(new Parameter(name, scalar(item.path("description"), path + ".description", problems),
						scalar(item.path("default"), path + ".default", problems),
						item.path("required").asBoolean(false)));
			}
		}
		return parameters;
	}

	/**
	 * A string, number or bool as text (YAML readers write {@code 1.27} unquoted); null
	 * when absent.
	 */
	public static String scalar(JsonNode node, String path, List<FieldProblem> problems) {
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
