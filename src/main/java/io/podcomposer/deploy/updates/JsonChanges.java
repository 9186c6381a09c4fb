package io.podcomposer.deploy.updates;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON work the update rules share: laying a deploy's fields over a live object, and
 * the paths that differ.
 */
final class JsonChanges {

	/**
	 * The fields that key the list maps of the kinds deployed, as their schema declares
	 * them.
	 */
	private static final List<String> KEYS = List.of("name", "mountPath", "containerPort", "devicePath");

	private JsonChanges() {
	}

	/**
	 * The live object as it would be with the given fields applied, as server-side apply
	 * merges them: objects merge; a list whose elements have a key ({@code name},
	 * {@code mountPath}, {@code containerPort}) merges element by element and keeps the
	 * live elements it does not name (a service account token volume an admission plugin
	 * added); any other list is the given one. So what the cluster filled in does not
	 * count as a change.
	 */
	static JsonNode overlay(JsonNode live, JsonNode given) {
		if (given instanceof ObjectNode object && live instanceof ObjectNode liveObject) {
			ObjectNode merged = liveObject.deepCopy();
			object.properties()
				.forEach((entry) -> merged.set(entry.getKey(),
						overlay(liveObject.path(entry.getKey()), entry.getValue())));
			return merged;
		}
		if (given instanceof ArrayNode list && live instanceof ArrayNode liveList && !list.isEmpty()
				&& key(list.get(0)) != null) {
			ArrayNode merged = JsonNodeFactory.instance.arrayNode();
			Set<JsonNode> named = new LinkedHashSet<>();
			for (JsonNode element : list) {
				named.add(key(element));
				merged.add(overlay(sameElement(liveList, element), element));
			}
			for (JsonNode element : liveList) {
				if (!named.contains(key(element))) {
					merged.add(element.deepCopy());
				}
			}
			return merged;
		}
		return given.deepCopy();
	}

	/** The key of a list map's element, or null when it has none of the usual keys. */
	private static JsonNode key(JsonNode element) {
		for (String key : KEYS) {
			if (element.path(key).isValueNode()) {
				return element.get(key);
			}
		}
		return null;
	}

	private static JsonNode sameElement(ArrayNode live, JsonNode element) {
		JsonNode key = key(element);
		for (JsonNode candidate : live) {
			if (key.equals(key(candidate))) {
				return candidate;
			}
		}
		return JsonNodeFactory.instance.missingNode();
	}

	/** The paths at which the two differ, leaves first met first, under {@code path}. */
	static List<String> changedPaths(JsonNode before, JsonNode after, String path) {
		List<String> changed = new ArrayList<>();
		collect(before, after, path, changed);
		return changed;
	}

	private static void collect(JsonNode before, JsonNode after, String path, List<String> changed) {
		if (before.equals(after)) {
			return;
		}
		if (before.isObject() && after.isObject()) {
			Set<String> names = new LinkedHashSet<>(before.propertyNames());
			names.addAll(after.propertyNames());
			for (String name : names) {
				collect(before.path(name), after.path(name), path.isEmpty() ? name : path + "." + name, changed);
			}
			return;
		}
		if (before.isArray() && after.isArray() && before.size() == after.size()) {
			Iterator<JsonNode> elements = after.iterator();
			for (int i = 0; i < before.size(); i++) {
				collect(before.get(i), elements.next(), path + "[" + i + "]", changed);
			}
			return;
		}
		changed.add(path);
	}

	/**
	 * A copy of the object with the named fields as they are in {@code from} (absent
	 * where absent there).
	 */
	static ObjectNode withFieldsOf(JsonNode object, JsonNode from, List<String> fields) {
		ObjectNode copy = (object instanceof ObjectNode given) ? given.deepCopy()
				: JsonNodeFactory.instance.objectNode();
		for (String field : fields) {
			copy.remove(field);
			if (from.has(field)) {
				copy.set(field, from.get(field));
			}
		}
		return copy;
	}

}
