package io.podcomposer.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ${NAME}} placeholders in the string values of a manifest tree, as in
 * {@code image: nginx:${IMAGE_TAG}}. {@code $${NAME}} stands for a literal
 * {@code ${NAME}}; any other {@code $}, such as Kubernetes' own {@code $(VAR)}, is left
 * alone.
 * <p>
 * Values are put into the tree's string nodes, never into YAML text, so a value cannot
 * add structure: it stays one string where the template had a string. Keys are never
 * substituted.
 */
public final class Placeholders {

	/**
	 * A placeholder, with the extra {@code $} of an escaped one in group 1 and the name
	 * in group 2.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("(\\$?)\\$\\{([A-Z_][A-Z0-9_]*)}");

	private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Placeholders() {
	}

	/** A parameter a template declares; {@code defaultValue} is null when it has none. */
	public record Parameter(String name, String description, String defaultValue, boolean required) {
	}

	/** Whether {@code name} can be written as a placeholder. */
	public static boolean isName(String name) {
		return name != null && NAME.matcher(name).matches();
	}

	/** The placeholder names used in the tree's string values, in order of first use. */
	public static List<String> names(JsonNode tree) {
		Set<String> names = new LinkedHashSet<>();
		forEachString(tree, (text) -> {
			Matcher matcher = PLACEHOLDER.matcher(text);
			while (matcher.find()) {
				if (matcher.group(1).isEmpty()) {
					names.add(matcher.group(2));
				}
			}
		});
		return List.copyOf(names);
	}

	/**
	 * A copy of the tree with the placeholders filled in. A given value wins over the
	 * parameter's default; a placeholder with neither stays as written.
	 * @param values given values by name; they may also fill placeholders no parameter
	 * declares
	 * @throws MissingValuesException naming every required parameter that has neither a
	 * value nor a default
	 * @throws ManifestTooLargeException when the values would make the tree larger than
	 * {@link ExpandedSize#MAX_CHARS}: checked before any is filled in
	 */
	public static JsonNode substitute(JsonNode tree, List<Parameter> parameters, Map<String, String> values) {
		Map<String, String> resolved = new HashMap<>();
		values.forEach((name, value) -> {
			if (value != null) {
				resolved.put(name, value);
			}
		});
		List<String> missing = new ArrayList<>();
		for (Parameter parameter : parameters) {
			if (!resolved.containsKey(parameter.name())) {
				if (parameter.defaultValue() != null) {
					resolved.put(parameter.name(), parameter.defaultValue());
				}
				else if (parameter.required() && !missing.contains(parameter.name())) {
					missing.add(parameter.name());
				}
			}
		}
		if (!missing.isEmpty()) {
			throw new MissingValuesException(missing);
		}
		ExpandedSize.checkFilled(tree, resolved);
		return copyWith(tree, resolved);
	}

	private static JsonNode copyWith(JsonNode node, Map<String, String> values) {
		if (node.isString()) {
			return NODES.stringNode(fill(node.asString(), values));
		}
		if (node.isObject()) {
			ObjectNode copy = NODES.objectNode();
			node.properties().forEach((entry) -> copy.set(entry.getKey(), copyWith(entry.getValue(), values)));
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = NODES.arrayNode();
			node.values().forEach((item) -> copy.add(copyWith(item, values)));
			return copy;
		}
		return node.deepCopy();
	}

	private static String fill(String text, Map<String, String> values) {
		if (!text.contains("${")) {
			return text;
		}
		return PLACEHOLDER.matcher(text).replaceAll((match) -> {
			String name = match.group(2);
			String value = match.group(1).isEmpty() ? values.get(name) : "${" + name + "}";
			return Matcher.quoteReplacement((value != null) ? value : match.group());
		});
	}

	/** The length {@link #fill} gives the text, counted without building it. */
	static long filledLength(String text, Map<String, String> values) {
		if (!text.contains("${")) {
			return text.length();
		}
		long length = text.length();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			String value = matcher.group(1).isEmpty() ? values.get(matcher.group(2)) : null;
			if (value != null) {
				length += value.length() - (matcher.end() - matcher.start());
			}
			else if (!matcher.group(1).isEmpty()) {
				length -= 1; // the escape's extra $
			}
		}
		return length;
	}

	private static void forEachString(JsonNode node, Consumer<String> action) {
		if (node.isString()) {
			action.accept(node.asString());
		}
		else if (node.isContainer()) {
			node.values().forEach((child) -> forEachString(child, action));
		}
	}

}
