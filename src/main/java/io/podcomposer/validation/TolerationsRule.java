package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code tolerations}: each of the pod's {@code tolerations}
 * <ul>
 * <li>has a qualified name as {@code key}, or no key and {@code operator: Exists} (match
 * every taint);</li>
 * <li>has {@code operator} {@code Equal} (the default) with a label value as
 * {@code value}, or {@code Exists} with no {@code value};</li>
 * <li>has {@code effect} {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute}
 * or none (every effect), and {@code NoExecute} when it sets
 * {@code tolerationSeconds}.</li>
 * </ul>
 */
final class TolerationsRule extends ApiServerRule {

	private static final AllowedValues EFFECTS = new AllowedValues("NoSchedule", "PreferNoSchedule", "NoExecute");

	private static final String[] FIELDS = { "key", "operator", "value", "effect" };

	private static final String OPERATORS = Messages.supportedValues("Equal", "Exists");

	TolerationsRule() {
		super("tolerations");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry toleration : ListEntry.inPodSpec(pod, "tolerations")) {
			checkToleration(toleration.node(), toleration.path(), findings);
		}
	}

	private static void checkToleration(JsonNode toleration, String path, Findings findings) {
		if (!toleration.isObject()) {
			return;
		}
		for (String field : FIELDS) {
			if (!Nodes.absent(toleration.path(field)) && !toleration.path(field).isString()) {
				// the structure rule's; the other fields cannot be judged without this
				// one
				return;
			}
		}
		String key = Nodes.nonEmptyText(toleration.path("key"));
		String operator = textOrEmpty(toleration.path("operator"));
		String value = textOrEmpty(toleration.path("value"));
		String effect = textOrEmpty(toleration.path("effect"));
		if (key != null) {
			for (String message : Names.qualifiedName(key)) {
				findings.add(path + ".key", Messages.invalid(key, message));
			}
		}
		else if (!"Exists".equals(operator)) {
			findings.add(path + ".operator", Messages.invalid(operator,
					"operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
		}
		if (!Nodes.absent(toleration.path("tolerationSeconds")) && !"NoExecute".equals(effect)) {
			findings.add(path + ".effect",
					Messages.invalid(effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
		}
		switch (operator) {
			case "", "Equal" -> {
				for (String message : Names.labelValue(value)) {
					findings.add(path + ".operator", Messages.invalid(value, message));
				}
			}
			case "Exists" -> {
				if (!value.isEmpty()) {
					findings.add(path + ".operator",
							Messages.invalid(value, "value must be empty when `operator` is 'Exists'"));
				}
			}
			default -> findings.add(path + ".operator", Messages.notSupported(operator, OPERATORS));
		}
		EFFECTS.check(toleration.path("effect"), path + ".effect", findings);
	}

	private static String textOrEmpty(JsonNode node) {
		String text = Nodes.text(node);
		return (text != null) ? text : "";
	}

}
