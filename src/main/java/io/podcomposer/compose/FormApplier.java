package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.podcomposer.compose.ComposeForm.KeyValue;
import io.podcomposer.manifest.KindConversion;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.TreeEdits.itemOrNew;

/**
 * Applies what the form sent onto the manifest it was drawn from, section by section. The
 * form edits the tree in place: each list item is the item at the same index in the
 * manifest with the form's fields set on it, so every field the form does not show is
 * kept. The sections share the list, map and YAML editing here, and report inputs that
 * could not be taken through it.
 */
final class FormApplier {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * The result: the new manifest, what a kind change did, and inputs that could not be
	 * taken.
	 */
	record Applied(Manifest manifest, List<String> notes, List<FormProblem> problems) {
	}

	private final List<FormProblem> problems = new ArrayList<>();

	private FormApplier() {
	}

	static Applied apply(Manifest base, ComposeForm form) {
		return new FormApplier().applyForm(base, form);
	}

	/**
	 * The form was drawn from the base, so it applies to the base in its own kind; a kind
	 * change converts the result, which can then undo what an earlier change did.
	 */
	private Applied applyForm(Manifest base, ComposeForm form) {
		Manifest manifest = base.deepCopy();
		ObjectSection.apply(manifest, form, this);
		ObjectNode spec = manifest.editPodSpec();
		PodSection.apply(spec, form.pod, this);
		ContainerSection.applyList(spec, "initContainers", form.initContainers, this);
		ContainerSection.applyList(spec, "containers", form.containers, this);
		VolumeSection.applyList(spec, form.volumes, this);
		WorkloadKind kind = WorkloadKind.fromKindName(Objects.requireNonNullElse(form.kind, "")).orElse(base.kind());
		if (kind == base.kind()) {
			return new Applied(manifest, List.of(), List.copyOf(this.problems));
		}
		KindConversion.Result converted = manifest.convertTo(kind);
		return new Applied(converted.manifest(), converted.notes(), List.copyOf(this.problems));
	}

	void problem(String field, String message) {
		this.problems.add(new FormProblem(field, message));
	}

	/**
	 * Replaces the fields the form shows no input for with those in the YAML text area.
	 */
	void applyOtherYaml(ObjectNode object, Set<String> known, String yaml, String field) {
		if (yaml == null) {
			return;
		}
		ObjectNode other;
		try {
			JsonNode parsed = yaml.isBlank() ? NODES.objectNode() : ManifestReader.readYaml(yaml);
			if (!parsed.isObject()) {
				problem(field, "expected YAML fields (key: value)");
				return;
			}
			other = (ObjectNode) parsed;
		}
		catch (ManifestParseException ex) {
			problem(field, ex.describe());
			return;
		}
		List<String> stale = object.propertyNames()
			.stream()
			.filter((key) -> !known.contains(key) && !other.has(key))
			.toList();
		object.remove(stale);
		other.properties().forEach((entry) -> {
			if (known.contains(entry.getKey())) {
				problem(field, entry.getKey() + " has its own input in the form");
			}
			else if (!entry.getValue().equals(object.get(entry.getKey()))) {
				object.set(entry.getKey(), entry.getValue());
			}
		});
	}

	/**
	 * Sets a string map from rows; rows without a key are skipped. Answers whether it
	 * changed.
	 */
	boolean setMap(ObjectNode parent, String key, List<KeyValue> rows) {
		if (rows == null) {
			return false;
		}
		ObjectNode map = NODES.objectNode();
		rows.stream().filter((row) -> row != null && row.sent() && !row.key.isBlank()).forEach((row) -> {
			JsonNode current = parent.path(key).get(row.key.trim());
			String value = Objects.requireNonNullElse(row.value, "");
			boolean same = current != null && current.isValueNode() && TreeEdits.text(current).equals(value);
			map.set(row.key.trim(), same ? current : NODES.stringNode(value));
		});
		if (map.equals(parent.get(key)) || (map.isEmpty() && !parent.has(key))) {
			return false;
		}
		if (map.isEmpty()) {
			parent.remove(key);
		}
		else {
			parent.set(key, map);
		}
		return true;
	}

	/**
	 * Rebuilds the list under {@code key} from form rows: row i edits item i of the old
	 * list. Rows the browser removed arrive as gaps and are dropped; an empty list
	 * removes the key.
	 */
	<F extends ComposeForm.Row> void applyList(ObjectNode parent, String key, List<F> rows, RowEdit<F> edit) {
		if (rows == null) {
			return;
		}
		JsonNode current = parent.get(key);
		ArrayNode items = NODES.arrayNode();
		for (int i = 0; i < rows.size(); i++) {
			F row = rows.get(i);
			if (row != null && row.sent()) {
				ObjectNode item = itemOrNew(current, i);
				edit.apply(item, row, i);
				items.add(item);
			}
		}
		if (items.isEmpty()) {
			if (current != null && !(current.isArray() && current.isEmpty())) {
				parent.remove(key);
			}
		}
		else if (!items.equals(current)) {
			parent.set(key, items);
		}
	}

	List<String> stringList(String text, boolean yaml, String field) {
		try {
			return StringListText.read(text, yaml);
		}
		catch (ManifestParseException ex) {
			problem(field, ex.describe());
			return null;
		}
	}

	static List<String> splitNames(String text) {
		return Arrays.stream(text.split("[,\\s]+")).filter((name) -> !name.isEmpty()).toList();
	}

	static String trimmed(String text) {
		return (text != null) ? text.trim() : null;
	}

	/** Sets a form row's fields on its list item. */
	@FunctionalInterface
	interface RowEdit<F> {

		void apply(ObjectNode item, F row, int index);

	}

}
