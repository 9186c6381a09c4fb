package io.podcomposer.kube;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side apply as the API server does it, simplified: each manager owns a set of
 * field paths kept in {@code metadata.managedFields} as {@code FieldsV1}; lists of maps
 * with a merge key merge item by item, other lists are atomic. Applying a field another
 * manager owns with a different value is a conflict unless forced; fields a manager stops
 * applying, and nobody else owns, are removed.
 */
final class ManagedFields {

	/**
	 * The lists that merge by key, and their keys, as the Kubernetes OpenAPI schema
	 * declares them.
	 */
	private static final Map<String, List<String>> LIST_KEYS = Map.of("containers", List.of("name"), "initContainers",
			List.of("name"), "ephemeralContainers", List.of("name"), "volumes", List.of("name"), "volumeMounts",
			List.of("mountPath"), "env", List.of("name"), "ports", List.of("containerPort", "protocol"),
			"imagePullSecrets", List.of("name"));

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ManagedFields() {
	}

	/** One field a manager cannot take without force. */
	record Conflict(String manager, String operation, String apiVersion, List<String> path) {

		String field() {
			return display(path);
		}

		/**
		 * The manager as the API server names it: an updater with the version it wrote.
		 */
		String owner() {
			return operation.equals("Update") ? "\"" + manager + "\" using " + apiVersion : "\"" + manager + "\"";
		}

		String cause() {
			return "conflict with " + owner();
		}
	}

	/** The object after the write, or null and the conflicts that stopped it. */
	record Outcome(ObjectNode object, List<Conflict> conflicts) {
	}

	/**
	 * Writes {@code config} as {@code manager} onto {@code existing} (null when new),
	 * with {@code operation} {@code Apply} (server-side apply: conflicts unless forced,
	 * fields no longer applied removed) or {@code Update} (a plain update: takes the
	 * fields it changes, removes nothing). The result carries the new
	 * {@code managedFields}; {@code existing} is not changed.
	 */
	static Outcome write(ObjectNode existing, ObjectNode config, String manager, String operation, boolean force,
			String time) {
		ObjectNode object = existing == null ? NODES.objectNode() : existing.deepCopy();
		String self = manager + " " + operation;
		Map<String, ObjectNode> entries = new LinkedHashMap<>();
		Map<String, Set<List<String>>> owned = new LinkedHashMap<>();
		for (JsonNode entry : object.path("metadata").path("managedFields")) {
			String owner = entry.path("manager").asString() + " " + entry.path("operation").asString();
			entries.put(owner, (ObjectNode) entry);
			owned.put(owner, owned(entry.path("fieldsV1")));
		}
		Set<List<String>> written = paths(config);
		Set<List<String>> changed = new LinkedHashSet<>();
		for (List<String> path : written) {
			if (!path.get(path.size() - 1).equals(".") && !valueAt(object, path).equals(valueAt(config, path))) {
				changed.add(path);
			}
		}
		List<Conflict> conflicts = new ArrayList<>();
		owned.forEach((owner, paths) -> {
			if (!owner.equals(self)) {
				JsonNode entry = entries.get(owner);
				changed.stream()
					.filter(paths::contains)
					.forEach(path -> conflicts.add(new Conflict(entry.path("manager").asString(),
							entry.path("operation").asString(), entry.path("apiVersion").asString(), path)));
			}
		});
		boolean apply = operation.equals("Apply");
		if (apply && !conflicts.isEmpty() && !force) {
			return new Outcome(null, conflicts);
		}
		owned.forEach((owner, paths) -> {
			if (!owner.equals(self)) {
				paths.removeAll(changed);
			}
		});
		Set<List<String>> mine = new LinkedHashSet<>(owned.getOrDefault(self, Set.of()));
		if (apply) {
			Set<List<String>> keptByOthers = new LinkedHashSet<>(written);
			owned.forEach((owner, paths) -> {
				if (!owner.equals(self)) {
					keptByOthers.addAll(paths);
				}
			});
			mine.stream()
				.filter(path -> !keptByOthers.contains(path))
				.sorted(Comparator.comparingInt(path -> -path.size()))
				.forEach(path -> remove(object, path, keptByOthers));
			mine = written;
		}
		else {
			mine.addAll(existing == null ? written : changed);
		}
		merge(object, config);
		owned.put(self, mine);
		ArrayNode managedFields = NODES.arrayNode();
		owned.forEach((owner, paths) -> {
			if (paths.isEmpty()) {
				return;
			}
			ObjectNode entry = owner.equals(self) ? NODES.objectNode()
				.put("manager", manager)
				.put("operation", operation)
				.put("apiVersion", config.path("apiVersion").asString())
				.put("time", time)
				.put("fieldsType", "FieldsV1") : entries.get(owner).deepCopy();
			entry.set("fieldsV1", fieldsV1(paths));
			managedFields.add(entry);
		});
		object.withObject("/metadata").set("managedFields", managedFields);
		return new Outcome(object, conflicts);
	}

	/**
	 * The field paths an applied configuration sets; identity and status are not owned.
	 */
	static Set<List<String>> paths(JsonNode node) {
		Set<List<String>> paths = new LinkedHashSet<>();
		node.properties().forEach(field -> {
			switch (field.getKey()) {
				case "apiVersion", "kind", "status" -> {
				}
				case "metadata" -> field.getValue().properties().forEach(meta -> {
					if (!List
						.of("name", "namespace", "managedFields", "uid", "resourceVersion", "generation",
								"creationTimestamp")
						.contains(meta.getKey())) {
						collect(meta.getKey(), meta.getValue(), List.of("f:metadata"), paths);
					}
				});
				default -> collect(field.getKey(), field.getValue(), List.of(), paths);
			}
		});
		return paths;
	}

	private static void collect(String name, JsonNode value, List<String> parent, Set<List<String>> paths) {
		List<String> path = append(parent, "f:" + name);
		if (value.isObject() && !value.isEmpty()) {
			value.properties().forEach(field -> collect(field.getKey(), field.getValue(), path, paths));
		}
		else if (isKeyed(name, value)) {
			for (JsonNode item : value) {
				List<String> itemPath = append(path, "k:" + key(name, item));
				paths.add(append(itemPath, "."));
				item.properties().forEach(field -> collect(field.getKey(), field.getValue(), itemPath, paths));
			}
		}
		else {
			paths.add(path);
		}
	}

	/** The paths a {@code FieldsV1} tree names. */
	static Set<List<String>> owned(JsonNode fieldsV1) {
		Set<List<String>> paths = new LinkedHashSet<>();
		collectFieldsV1(fieldsV1, new ArrayList<>(), paths);
		return paths;
	}

	private static void collectFieldsV1(JsonNode node, List<String> parent, Set<List<String>> paths) {
		node.properties().forEach(field -> {
			List<String> path = append(parent, field.getKey());
			if (field.getValue().isEmpty()) {
				paths.add(path);
			}
			else {
				collectFieldsV1(field.getValue(), path, paths);
			}
		});
	}

	/** The {@code FieldsV1} tree of a set of paths. */
	static ObjectNode fieldsV1(Set<List<String>> paths) {
		ObjectNode root = NODES.objectNode();
		for (List<String> path : paths) {
			ObjectNode node = root;
			for (String element : path) {
				node = node.has(element) ? (ObjectNode) node.get(element) : node.putObject(element);
			}
		}
		return root;
	}

	/** A path as the API server prints it: {@code .spec.containers[name="app"].image}. */
	static String display(List<String> path) {
		StringBuilder text = new StringBuilder();
		for (String element : path) {
			if (element.startsWith("f:")) {
				text.append('.').append(element.substring(2));
			}
			else if (element.startsWith("k:")) {
				JsonNode key = JsonMapper.shared().readTree(element.substring(2));
				text.append(key.properties()
					.stream()
					.map(field -> field.getKey() + "=" + field.getValue().toString())
					.collect(Collectors.joining(",", "[", "]")));
			}
		}
		return text.toString();
	}

	/**
	 * Merges an applied configuration into an object: maps by field, keyed lists by key,
	 * the rest replaced.
	 */
	static void merge(ObjectNode target, JsonNode config) {
		config.properties().forEach(field -> {
			String name = field.getKey();
			JsonNode value = field.getValue();
			JsonNode current = target.get(name);
			if (value.isObject() && current instanceof ObjectNode currentObject) {
				merge(currentObject, value);
			}
			else if (isKeyed(name, value) && current instanceof ArrayNode currentList && isKeyed(name, current)) {
				for (JsonNode item : value) {
					Optional<JsonNode> match = find(currentList, name, key(name, item));
					if (match.isPresent()) {
						merge((ObjectNode) match.get(), item);
					}
					else {
						currentList.add(item.deepCopy());
					}
				}
			}
			else {
				target.set(name, value.deepCopy());
			}
		});
	}

	/** The value at a path, or a missing node. */
	static JsonNode valueAt(JsonNode root, List<String> path) {
		JsonNode node = root;
		String field = null;
		for (String element : path) {
			if (element.startsWith("f:")) {
				field = element.substring(2);
				node = node.path(field);
			}
			else if (element.startsWith("k:")) {
				node = node.isArray() ? find((ArrayNode) node, field, element.substring(2)).orElse(NODES.missingNode())
						: NODES.missingNode();
			}
		}
		return node;
	}

	private static void remove(ObjectNode root, List<String> path, Set<List<String>> kept) {
		String last = path.get(path.size() - 1);
		List<String> parentPath = path.subList(0, path.size() - 1);
		if (last.equals(".")) {
			boolean stillOwned = kept.stream()
				.anyMatch(other -> other.size() > parentPath.size()
						&& other.subList(0, parentPath.size()).equals(parentPath));
			JsonNode list = valueAt(root, parentPath.subList(0, parentPath.size() - 1));
			JsonNode item = valueAt(root, parentPath);
			if (!stillOwned && list instanceof ArrayNode array) {
				for (int i = 0; i < array.size(); i++) {
					if (array.get(i) == item) {
						array.remove(i);
						return;
					}
				}
			}
			return;
		}
		if (valueAt(root, parentPath) instanceof ObjectNode parent) {
			parent.remove(last.substring(2));
		}
	}

	private static Optional<JsonNode> find(ArrayNode list, String field, String key) {
		for (JsonNode item : list) {
			if (item.isObject() && key(field, item).equals(key)) {
				return Optional.of(item);
			}
		}
		return Optional.empty();
	}

	private static boolean isKeyed(String name, JsonNode value) {
		List<String> keys = LIST_KEYS.get(name);
		if (keys == null || !value.isArray() || value.isEmpty()) {
			return false;
		}
		for (JsonNode item : value) {
			if (!item.isObject() || !item.has(keys.get(0))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The merge key of a list item as FieldsV1 writes it: {@code {"name":"app"}};
	 * protocol defaults to TCP.
	 */
	private static String key(String field, JsonNode item) {
		ObjectNode key = NODES.objectNode();
		for (String name : LIST_KEYS.get(field)) {
			JsonNode value = item.path(name);
			if (value.isMissingNode() && name.equals("protocol")) {
				key.put(name, "TCP");
			}
			else {
				key.set(name, value);
			}
		}
		return key.toString();
	}

	private static List<String> append(List<String> path, String element) {
		List<String> longer = new ArrayList<>(path);
		longer.add(element);
		return List.copyOf(longer);
	}

}
