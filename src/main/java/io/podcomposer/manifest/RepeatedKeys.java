package io.podcomposer.manifest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The keys a document repeated within one mapping, met while its tree was built, and
 * their field paths once it is done ({@code spec.template.spec.containers[0].name}, as
 * the API server's strict decoding writes them). As sigs.k8s.io/yaml reads such a text,
 * the tree holds the last value. Like the API server, which keeps at most 100 strict
 * decoding errors, this keeps the first 100.
 */
final class RepeatedKeys {

	static final int MAX_KEPT = 100;

	private final List<ObjectNode> parents = new ArrayList<>();

	private final List<String> keys = new ArrayList<>();

	void add(ObjectNode parent, String key) {
		if (this.keys.size() < MAX_KEPT) {
			this.parents.add(parent);
			this.keys.add(key);
		}
	}

	/**
	 * {@code root} itself when no key was repeated; else a copy of its top level that
	 * also names the repeated fields (see {@link ReadDocument}).
	 */
	JsonNode markedOn(JsonNode root) {
		if (this.keys.isEmpty() || !(root instanceof ObjectNode object)) {
			return root;
		}
		Map<ObjectNode, String> paths = new IdentityHashMap<>();
		for (ObjectNode parent : this.parents) {
			paths.put(parent, null);
		}
		findPaths(object, "", paths);
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < this.keys.size(); i++) {
			String parentPath = paths.get(this.parents.get(i));
			// null: the mapping sat in a value that a later repeat replaced, so it is not
			// in the tree
			if (parentPath != null) {
				String field = parentPath.isEmpty() ? this.keys.get(i) : parentPath + "." + this.keys.get(i);
				if (!fields.contains(field)) {
					fields.add(field);
				}
			}
		}
		return new ReadDocument(object, fields);
	}

	/**
	 * Fills in the path of each wanted object; the tree is as deep as the reader allows,
	 * no deeper.
	 */
	private static void findPaths(JsonNode node, String path, Map<ObjectNode, String> wanted) {
		if (node instanceof ObjectNode object) {
			if (wanted.containsKey(object)) {
				wanted.put(object, path);
			}
			for (Map.Entry<String, JsonNode> entry : object.properties()) {
				JsonNode value = entry.getValue();
				if (value.isContainer()) {
					findPaths(value, path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), wanted);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				if (node.get(i).isContainer()) {
					findPaths(node.get(i), path + "[" + i + "]", wanted);
				}
			}
		}
	}

}
