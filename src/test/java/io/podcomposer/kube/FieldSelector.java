package io.podcomposer.kube;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Field selectors: {@code a.b=c}, {@code a.b==c}, {@code a.b!=c}, comma-joined, on any
 * field path.
 */
record FieldSelector(List<String[]> requirements) {

	static FieldSelector parse(String text) {
		List<String[]> requirements = new ArrayList<>();
		for (String part : text.split(",")) {
			String requirement = part.strip();
			if (requirement.isEmpty()) {
				continue;
			}
			boolean negated = requirement.contains("!=");
			String[] sides = requirement.split(negated ? "!=" : "==?", 2);
			requirements
				.add(new String[] { negated ? "!=" : "=", sides[0].strip(), sides.length > 1 ? sides[1].strip() : "" });
		}
		return new FieldSelector(requirements);
	}

	boolean matches(JsonNode object) {
		for (String[] requirement : requirements) {
			String value = object.at("/" + requirement[1].replace('.', '/')).asString("");
			if (value.equals(requirement[2]) != requirement[0].equals("=")) {
				return false;
			}
		}
		return true;
	}
}
