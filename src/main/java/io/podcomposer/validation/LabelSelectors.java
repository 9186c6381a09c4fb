package io.podcomposer.validation;

import java.util.Map;
import java.util.TreeMap;

import io.podcomposer.manifest.Nodes;
import tools.jackson.databind.JsonNode;

/**
 * A label selector ({@code matchLabels} and {@code matchExpressions} with {@code In},
 * {@code NotIn}, {@code Exists} and {@code DoesNotExist}): its checks as the API server
 * words them, and whether it selects a set of labels.
 */
final class LabelSelectors {

	private LabelSelectors() {
	}

	/**
	 * Reports what is wrong in the selector; true when nothing is, so that it can be
	 * matched. A selector with a wrongly typed part is the structure rule's and cannot be
	 * matched either.
	 */
	static boolean check(JsonNode selector, String path, Findings findings) {
		int before = findings.errors().size();
		JsonNode matchLabels = selector.path("matchLabels");
		JsonNode expressions = selector.path("matchExpressions");
		boolean typed = (Nodes.absent(matchLabels) || matchLabels.isObject())
				&& matchLabels.values().stream().allMatch(JsonNode::isString)
				&& (Nodes.absent(expressions) || expressions.isArray());
		LabelsRule.checkLabels(matchLabels, path + ".matchLabels", findings);
		for (int i = 0; i < Nodes.count(expressions); i++) {
			JsonNode expression = expressions.get(i);
			JsonNode values = expression.path("values");
			boolean stringValues = Nodes.absent(values)
					|| values.isArray() && values.values().stream().allMatch(JsonNode::isString);
			if (!expression.path("key").isString() || !expression.path("operator").isString() || !stringValues) {
				typed = false;
				continue;
			}
			checkExpression(expression, path + ".matchExpressions[" + i + "]", findings);
		}
		return typed && findings.errors().size() == before;
	}

	private static void checkExpression(JsonNode expression, String path, Findings findings) {
		String operator = expression.path("operator").stringValue();
		JsonNode values = expression.path("values");
		if ("In".equals(operator) || "NotIn".equals(operator)) {
			if (Nodes.count(values) == 0) {
				findings.add(path + ".values",
						Messages.required("must be specified when `operator` is 'In' or 'NotIn'"));
			}
		}
		else if ("Exists".equals(operator) || "DoesNotExist".equals(operator)) {
			if (Nodes.count(values) > 0) {
				findings.add(path + ".values",
						Messages.forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
			}
		}
		else {
			findings.add(path + ".operator", Messages.invalid(operator, "not a valid selector operator"));
		}
		String key = expression.path("key").stringValue();
		for (String message : Names.qualifiedName(key)) {
			findings.add(path + ".key", Messages.invalid(key, message));
		}
		for (int j = 0; j < Nodes.count(values); j++) {
			String value = values.get(j).stringValue();
			for (String message : Names.labelValue(value)) {
				findings.add(path + ".values[" + j + "]", Messages.invalid(value, message));
			}
		}
	}

	/** No {@code matchLabels} and no {@code matchExpressions}: selects everything. */
	static boolean isEmpty(JsonNode selector) {
		return selector.path("matchLabels").isEmpty() && Nodes.count(selector.path("matchExpressions")) == 0;
	}

	/** Whether a selector that passed {@link #check} selects these labels. */
	static boolean matches(JsonNode selector, JsonNode labels) {
		for (Map.Entry<String, JsonNode> required : selector.path("matchLabels").properties()) {
			String value = Nodes.text(labels.path(required.getKey()));
			if (value == null || !value.equals(Nodes.text(required.getValue()))) {
				return false;
			}
		}
		for (JsonNode expression : selector.path("matchExpressions").values()) {
			String value = Nodes.text(labels.path(Nodes.text(expression.path("key"))));
			boolean listed = value != null
					&& expression.path("values").values().stream().anyMatch((item) -> value.equals(Nodes.text(item)));
			boolean selected = switch (Nodes.text(expression.path("operator"))) {
				case "In" -> listed;
				case "NotIn" -> !listed;
				case "Exists" -> value != null;
				default -> value == null;
			};
			if (!selected) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Labels as Go's {@code %#v} prints a {@code map[string]string}, the way upstream
	 * shows them.
	 */
	static String goMap(JsonNode labels) {
		if (!labels.isObject()) {
			return "map[string]string(nil)";
		}
		Map<String, String> sorted = new TreeMap<>();
		labels.properties().forEach((label) -> {
			String value = Nodes.text(label.getValue());
			if (value != null) {
				sorted.put(label.getKey(), value);
			}
		});
		StringBuilder text = new StringBuilder("map[string]string{");
		sorted.forEach((key, value) -> text.append(text.charAt(text.length() - 1) == '{' ? "" : ", ")
			.append(Messages.quote(key))
			.append(':')
			.append(Messages.quote(value)));
		return text.append('}').toString();
	}

}
