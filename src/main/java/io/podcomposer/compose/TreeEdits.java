package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small edits of a manifest tree from form text. They share three rules:
 * <ul>
 * <li>{@code null} means the form did not show the field: nothing changes;</li>
 * <li>a value equal to what is there already leaves it untouched, so its type and form
 * survive (a number stays a number, an explicit {@code false} stays);</li>
 * <li>a blank value removes the field, and an object the edit leaves empty goes too,
 * unless it was already empty before (like {@code emptyDir: {}}).</li>
 * </ul>
 */
final class TreeEdits {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

	private TreeEdits() {
	}

	static void setString(ObjectNode object, String key, String text) {
		if (text == null || sameText(object.get(key), text)) {
			return;
		}
		if (text.isBlank()) {
			object.remove(key);
		}
		else {
			object.put(key, text);
		}
	}

	/**
	 * An integer when the text is one; other text is kept as a string, so nothing typed
	 * is lost.
	 */
	static void setInteger(ObjectNode object, String key, String text) {
		if (text == null || sameText(object.get(key), text.trim())) {
			return;
		}
		String trimmed = text.trim();
		if (trimmed.isEmpty()) {
			object.remove(key);
		}
		else if (INTEGER.matcher(trimmed).matches()) {
			object.put(key, Long.parseLong(trimmed));
		}
		else {
			object.put(key, trimmed);
		}
	}

	/** "", "true" or "false" from a select: unset, true or false. */
	static void setTriState(ObjectNode object, String key, String text) {
		if (text == null || sameText(object.get(key), text)) {
			return;
		}
		if (text.isBlank()) {
			object.remove(key);
		}
		else {
			object.put(key, Boolean.parseBoolean(text));
		}
	}

	/**
	 * A checkbox: checked sets true; unchecked removes a true but keeps an explicit
	 * false.
	 */
	static void setFlag(ObjectNode object, String key, boolean checked) {
		JsonNode current = object.get(key);
		if (checked) {
			if (current == null || !current.isBoolean() || !current.booleanValue()) {
				object.put(key, true);
			}
		}
		else if (current != null && current.isBoolean() && current.booleanValue()) {
			object.remove(key);
		}
	}

	static void setStringList(ObjectNode object, String key, List<String> items) {
		if (items == null) {
			return;
		}
		JsonNode current = object.get(key);
		if (current != null && current.isArray() && textsOf(current).equals(items)) {
			return;
		}
		if (items.isEmpty()) {
			object.remove(key);
			return;
		}
		ArrayNode array = object.putArray(key);
		items.forEach(array::add);
	}

	/**
	 * Edits the object under {@code key}, creating it when needed. When the edit leaves
	 * it empty it is removed, unless it was there and empty before.
	 */
	static void editObject(ObjectNode parent, String key, Consumer<ObjectNode> edit) {
		JsonNode current = parent.get(key);
		boolean existedEmpty = current != null && current.isObject() && current.isEmpty();
		ObjectNode object = (current instanceof ObjectNode existing) ? existing : NODES.objectNode();
		edit.accept(object);
		if (object.isEmpty() && !existedEmpty) {
			parent.remove(key);
		}
		else if (current != object) {
			parent.set(key, object);
		}
	}

	/** The object at {@code index} of {@code array}, or a new one when there is none. */
	static ObjectNode itemOrNew(JsonNode array, int index) {
		if (array != null && array.isArray() && index < array.size() && array.get(index) instanceof ObjectNode item) {
			return item.deepCopy();
		}
		return NODES.objectNode();
	}

	static List<String> textsOf(JsonNode array) {
		List<String> texts = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.values().forEach((item) -> texts.add(item.isString() ? item.asString() : item.toString()));
		}
		return texts;
	}

	/**
	 * The text a form shows for a scalar: strings as they are, numbers and booleans as
	 * written.
	 */
	static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "";
		}
		if (node.isValueNode()) {
			return node.isString() ? node.asString() : node.toString();
		}
		return "";
	}

	private static boolean sameText(JsonNode current, String text) {
		return current != null && current.isValueNode() && !current.isNull() && text(current).equals(text);
	}

}
