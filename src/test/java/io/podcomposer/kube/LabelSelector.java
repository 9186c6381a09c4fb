package io.podcomposer.kube;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The equality-based label selectors: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a},
 * {@code !a}.
 */
record LabelSelector(List<String[]> requirements) {

	static LabelSelector parse(String text) {
		List<String[]> requirements = new ArrayList<>();
		for (String part : text.split(",")) {
			String requirement = part.strip();
			if (requirement.isEmpty()) {
				continue;
			}
			String[] split;
			if (requirement.contains("!=")) {
				split = new String[] { "!=", requirement.substring(0, requirement.indexOf("!=")).strip(),
						requirement.substring(requirement.indexOf("!=") + 2).strip() };
			}
			else if (requirement.contains("=")) {
				String[] sides = requirement.split("==?", 2);
				split = new String[] { "=", sides[0].strip(), sides[1].strip() };
			}
			else if (requirement.startsWith("!")) {
				split = new String[] { "!", requirement.substring(1).strip(), null };
			}
			else {
				split = new String[] { "exists", requirement, null };
			}
			requirements.add(split);
		}
		return new LabelSelector(requirements);
	}

	boolean matches(JsonNode labels) {
		for (String[] requirement : requirements) {
			JsonNode value = labels.path(requirement[1]);
			boolean ok = switch (requirement[0]) {
				case "=" -> value.isString() && value.asString().equals(requirement[2]);
				case "!=" -> !value.isString() || !value.asString().equals(requirement[2]);
				case "!" -> value.isMissingNode();
				default -> !value.isMissingNode();
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}
}
