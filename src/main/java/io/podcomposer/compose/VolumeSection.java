package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.FormApplier.trimmed;
import static io.podcomposer.compose.TreeEdits.editObject;
import static io.podcomposer.compose.TreeEdits.setFlag;
import static io.podcomposer.compose.TreeEdits.setString;
import static io.podcomposer.compose.TreeEdits.text;

/**
 * The pod's volumes in the form, and the "add a volume" row: their inputs, how they are
 * read from the volumes and applied to them, and the input a volume's field path belongs
 * to.
 */
final class VolumeSection {

	/** Volume types with inputs of their own; every other source is edited as YAML. */
	static final List<String> FORM_TYPES = List.of("emptyDir", "configMap", "secret", "persistentVolumeClaim",
			"hostPath");

	static final List<String> TYPES = List.of("emptyDir", "configMap", "secret", "persistentVolumeClaim", "hostPath",
			"downwardAPI", "projected");

	/** A volume source's fields, by the input that edits them. */
	private static final Map<String, String> SOURCE_INPUTS = Map.of("medium", "medium", "sizeLimit", "sizeLimit",
			"name", "sourceName", "secretName", "sourceName", "claimName", "sourceName", "items", "items", "readOnly",
			"readOnly", "path", "path", "type", "hostPathType");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private VolumeSection() {
	}

	/**
	 * One volume; {@code type} is the name of its source field (emptyDir, configMap, …).
	 */
	public static class VolumeForm implements ComposeForm.Row {

		public String name;

		public String type = "emptyDir";

		public String medium;

		public String sizeLimit;

		/** ConfigMap name, Secret name or claim name, by type. */
		public String sourceName;

		/** configMap and secret items, one {@code key: path} per line. */
		public String items;

		public boolean readOnly;

		public String path;

		public String hostPathType;

		/**
		 * The source object as YAML, for types without inputs of their own (downwardAPI,
		 * projected, …).
		 */
		public String sourceYaml;

		@Override
		public boolean sent() {
			return this.name != null;
		}

	}

	public static class NewVolumeForm {

		public String name;

		public String type = "emptyDir";

		/** One row per container the volume can be mounted into, ticked or not. */
		public List<NewMountForm> mounts = new ArrayList<>();

	}

	/**
	 * Where the new volume goes in one container: sent with {@code into} only when
	 * ticked.
	 */
	public static class NewMountForm {

		/** The container's key, like {@code containers:0} or {@code initContainers:1}. */
		public String into;

		public String mountPath;

	}

	static List<VolumeForm> readList(JsonNode list) {
		List<VolumeForm> volumes = new ArrayList<>();
		list.values().forEach((volume) -> volumes.add(read(volume)));
		return volumes;
	}

	private static VolumeForm read(JsonNode node) {
		VolumeForm volume = new VolumeForm();
		volume.name = text(node.path("name"));
		volume.type = volumeType(node);
		JsonNode source = node.path(volume.type);
		switch (volume.type) {
			case "emptyDir" -> {
				volume.medium = text(source.path("medium"));
				volume.sizeLimit = text(source.path("sizeLimit"));
			}
			case "configMap", "secret" -> {
				volume.sourceName = text(source.path("configMap".equals(volume.type) ? "name" : "secretName"));
				volume.items = source.path("items")
					.values()
					.stream()
					.map((item) -> text(item.path("key")) + "=" + text(item.path("path")))
					.collect(Collectors.joining("\n"));
			}
			case "persistentVolumeClaim" -> {
				volume.sourceName = text(source.path("claimName"));
				volume.readOnly = source.path("readOnly").asBoolean(false);
			}
			case "hostPath" -> {
				volume.path = text(source.path("path"));
				volume.hostPathType = text(source.path("type"));
			}
			default -> volume.sourceYaml = source.isObject() && !source.isEmpty() ? ManifestWriter.toYaml(source) : "";
		}
		return volume;
	}

	/**
	 * The volume's source field: the first key besides its name, or emptyDir for a volume
	 * with none.
	 */
	static String volumeType(JsonNode volume) {
		return volume.propertyNames().stream().filter((key) -> !"name".equals(key)).findFirst().orElse("emptyDir");
	}

	/**
	 * Applies the volume rows; a volume renamed in the form takes the mounts that named
	 * it along.
	 */
	static void applyList(ObjectNode spec, List<VolumeForm> forms, FormApplier applier) {
		if (forms == null) {
			return;
		}
		Map<String, String> renamed = new LinkedHashMap<>();
		JsonNode before = spec.path("volumes");
		for (int i = 0; i < forms.size() && i < before.size(); i++) {
			VolumeForm form = forms.get(i);
			String oldName = TreeEdits.text(before.get(i).path("name"));
			if (form != null && form.sent() && !oldName.isEmpty() && !oldName.equals(form.name.trim())) {
				renamed.put(oldName, form.name.trim());
			}
		}
		applier.applyList(spec, "volumes", forms,
				(volume, form, index) -> apply(volume, form, "volumes[" + index + "]", applier));
		for (String list : List.of("initContainers", "containers")) {
			spec.path(list).values().forEach((container) -> container.path("volumeMounts").values().forEach((mount) -> {
				String newName = renamed.get(TreeEdits.text(mount.path("name")));
				if (newName != null && mount instanceof ObjectNode object) {
					object.put("name", newName);
				}
			}));
		}
	}

	private static void apply(ObjectNode volume, VolumeForm form, String field, FormApplier applier) {
		setString(volume, "name", trimmed(form.name));
		String type = Objects.requireNonNullElse(form.type, "emptyDir");
		String before = volumeType(volume);
		if (!before.equals(type)) {
			volume.remove(before);
		}
		if (!FORM_TYPES.contains(type)) {
			applySourceYaml(volume, type, form.sourceYaml, field + ".sourceYaml", applier);
			return;
		}
		editObject(volume, type, (source) -> {
			switch (type) {
				case "emptyDir" -> {
					setString(source, "medium", form.medium);
					setString(source, "sizeLimit", trimmed(form.sizeLimit));
				}
				case "configMap", "secret" -> {
					setString(source, "configMap".equals(type) ? "name" : "secretName", trimmed(form.sourceName));
					applyItems(source, form.items, field + ".items", applier);
				}
				case "persistentVolumeClaim" -> {
					setString(source, "claimName", trimmed(form.sourceName));
					setFlag(source, "readOnly", form.readOnly);
				}
				case "hostPath" -> {
					setString(source, "path", trimmed(form.path));
					setString(source, "type", form.hostPathType);
				}
				default -> {
				}
			}
		});
		// An emptyDir with nothing set is still a volume source: keep it as {}.
		if (!volume.has(type)) {
			volume.putObject(type);
		}
	}

	/**
	 * Items as {@code key=path} lines; an item keeps its other fields (mode) while its
	 * key stays.
	 */
	private static void applyItems(ObjectNode source, String text, String field, FormApplier applier) {
		if (text == null) {
			return;
		}
		Map<String, ObjectNode> byKey = new LinkedHashMap<>();
		source.path("items").values().forEach((item) -> {
			if (item instanceof ObjectNode object) {
				byKey.put(TreeEdits.text(item.path("key")), object);
			}
		});
		ArrayNode items = NODES.arrayNode();
		for (String line : text.split("\r?\n")) {
			if (line.isBlank()) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals <= 0) {
				applier.problem(field, "\"" + line.trim() + "\" should read key=path");
				return;
			}
			String key = line.substring(0, equals).trim();
			ObjectNode item = byKey.containsKey(key) ? byKey.get(key).deepCopy() : NODES.objectNode();
			item.put("key", key);
			setString(item, "path", line.substring(equals + 1).trim());
			items.add(item);
		}
		if (items.isEmpty()) {
			source.remove("items");
		}
		else if (!items.equals(source.get("items"))) {
			source.set("items", items);
		}
	}

	private static void applySourceYaml(ObjectNode volume, String type, String yaml, String field,
			FormApplier applier) {
		// No text (a type just chosen has no text area yet) keeps the source, or starts a
		// new one.
		if (yaml == null || yaml.isBlank()) {
			if (!volume.has(type)) {
				volume.set(type, VolumeStarters.starter(type));
			}
			return;
		}
		try {
			JsonNode source = ManifestReader.readYaml(yaml);
			if (!source.isObject()) {
				applier.problem(field, "the " + type + " source must be a YAML mapping");
				return;
			}
			if (!source.equals(volume.get(type))) {
				volume.set(type, source);
			}
		}
		catch (ManifestParseException ex) {
			applier.problem(field, ex.describe());
		}
	}

	/** The input for a path within a volume, after {@code prefix}. */
	static String inputName(String prefix, FieldPath path) {
		String name = path.step(0).text();
		if (path.size() == 0 || "name".equals(name)) {
			return prefix + "name";
		}
		if (!FORM_TYPES.contains(name)) {
			return prefix + "sourceYaml";
		}
		// a hostPath volume is about the directory of the node
		String source = "hostPath".equals(name) && path.size() == 1 ? "path" : SOURCE_INPUTS.get(path.step(1).text());
		return prefix + ((source != null) ? source : "type");
	}

}
