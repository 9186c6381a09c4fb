package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.podcomposer.compose.VolumeSection.NewMountForm;
import io.podcomposer.compose.VolumeSection.NewVolumeForm;
import io.podcomposer.manifest.Manifest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The composer's structural edits: adding, removing, duplicating and moving containers,
 * and adding or removing a volume with its mounts. An op is a word, or
 * {@code word:list:index} for one item, as in {@code duplicate:containers:1}.
 */
final class ComposeOps {

	private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers");

	private ComposeOps() {
	}

	/** Runs {@code op} on the manifest in place; answers the problems, if any. */
	static List<FormProblem> run(Manifest manifest, String op, NewVolumeForm newVolume) {
		List<FormProblem> problems = new ArrayList<>();
		if (op == null || op.isBlank() || "refresh".equals(op)) {
			return problems;
		}
		ObjectNode spec = manifest.editPodSpec();
		// -1 keeps empty parts, so that ":" still has a first word
		String[] parts = op.split(":", -1);
		switch (parts[0]) {
			case "addContainer" -> addContainer(spec, "containers", "container", false);
			case "addInitContainer" -> addContainer(spec, "initContainers", "init", false);
			case "addSidecar" -> addContainer(spec, "initContainers", "sidecar", true);
			case "addVolume" -> addVolume(spec, newVolume, problems);
			case "removeVolume" -> removeVolume(spec, index(parts, 1));
			case "remove", "duplicate", "up", "down" -> {
				if (parts.length == 3 && CONTAINER_LISTS.contains(parts[1])) {
					containerOp(spec, parts[0], parts[1], index(parts, 2));
				}
			}
			default -> problems.add(new FormProblem("op", "unknown action " + op));
		}
		return problems;
	}

	private static void addContainer(ObjectNode spec, String list, String baseName, boolean sidecar) {
		ObjectNode container = array(spec, list).addObject();
		container.put("name", uniqueName(containerNames(spec), baseName));
		container.put("image", sidecar ? "busybox:1.36" : "");
		if (container.get("image").asString().isEmpty()) {
			container.remove("image");
		}
		if (sidecar) {
			container.put("restartPolicy", "Always");
		}
	}

	private static void containerOp(ObjectNode spec, String verb, String list, int index) {
		// A missing list stays missing: an op on an item that is not there changes
		// nothing.
		if (!(spec.get(list) instanceof ArrayNode containers) || index < 0 || index >= containers.size()) {
			return;
		}
		switch (verb) {
			case "remove" -> {
				containers.remove(index);
				if (containers.isEmpty() && "initContainers".equals(list)) {
					spec.remove(list);
				}
			}
			case "duplicate" -> {
				ObjectNode copy = (ObjectNode) containers.get(index).deepCopy();
				copy.put("name", uniqueName(containerNames(spec), copy.path("name").asString("container") + "-copy"));
				containers.insert(index + 1, copy);
			}
			case "up" -> swap(containers, index, index - 1);
			case "down" -> swap(containers, index, index + 1);
			default -> {
			}
		}
	}

	private static void addVolume(ObjectNode spec, NewVolumeForm form, List<FormProblem> problems) {
		ArrayNode volumes = array(spec, "volumes");
		Set<String> names = new HashSet<>();
		volumes.values().forEach((volume) -> names.add(volume.path("name").asString("")));
		String name = (form.name == null || form.name.isBlank()) ? uniqueName(names, "data") : form.name.trim();
		if (names.contains(name)) {
			problems.add(new FormProblem("newVolume.name", "a volume named " + name + " exists already"));
			return;
		}
		String type = VolumeSection.TYPES.contains(form.type) ? form.type : "emptyDir";
		ObjectNode volume = volumes.addObject();
		volume.put("name", name);
		volume.set(type, VolumeStarters.starter(type));
		List<NewMountForm> ticked = form.mounts.stream()
			.filter((mount) -> mount != null && mount.into != null)
			.toList();
		// A ticked container left blank takes the first path typed, as the page prefills
		// it.
		String firstPath = ticked.stream()
			.map((mount) -> trimmed(mount.mountPath))
			.filter((path) -> !path.isEmpty())
			.findFirst()
			.orElse("");
		if (firstPath.isEmpty()) {
			return;
		}
		for (NewMountForm target : ticked) {
			String[] parts = target.into.split(":");
			if (parts.length == 2 && CONTAINER_LISTS.contains(parts[0])) {
				JsonNode container = spec.path(parts[0]).path(index(parts, 1));
				if (container instanceof ObjectNode object) {
					String mountPath = trimmed(target.mountPath);
					ObjectNode mount = array(object, "volumeMounts").addObject();
					mount.put("name", name);
					mount.put("mountPath", mountPath.isEmpty() ? firstPath : mountPath);
				}
			}
		}
	}

	private static String trimmed(String text) {
		return (text != null) ? text.trim() : "";
	}

	/**
	 * Removes the volume and the mounts that name it, which would otherwise point at
	 * nothing.
	 */
	private static void removeVolume(ObjectNode spec, int index) {
		if (!(spec.get("volumes") instanceof ArrayNode volumes) || index < 0 || index >= volumes.size()) {
			return;
		}
		String name = volumes.get(index).path("name").asString("");
		volumes.remove(index);
		if (volumes.isEmpty()) {
			spec.remove("volumes");
		}
		for (String list : CONTAINER_LISTS) {
			spec.path(list).values().forEach((container) -> {
				if (container.path("volumeMounts") instanceof ArrayNode mounts) {
					for (int i = mounts.size() - 1; i >= 0; i--) {
						if (name.equals(mounts.get(i).path("name").asString(""))) {
							mounts.remove(i);
						}
					}
					if (mounts.isEmpty()) {
						((ObjectNode) container).remove("volumeMounts");
					}
				}
			});
		}
	}

	private static Set<String> containerNames(ObjectNode spec) {
		Set<String> names = new HashSet<>();
		for (String list : CONTAINER_LISTS) {
			spec.path(list).values().forEach((container) -> names.add(container.path("name").asString("")));
		}
		return names;
	}

	private static String uniqueName(Set<String> taken, String base) {
		if (!taken.contains(base)) {
			return base;
		}
		int n = 2;
		while (taken.contains(base + "-" + n)) {
			n++;
		}
		return base + "-" + n;
	}

	private static void swap(ArrayNode array, int i, int j) {
		if (j < 0 || j >= array.size()) {
			return;
		}
		JsonNode first = array.get(i);
		array.set(i, array.get(j));
		array.set(j, first);
	}

	private static ArrayNode array(ObjectNode parent, String key) {
		return (parent.get(key) instanceof ArrayNode existing) ? existing : parent.putArray(key);
	}

	private static int index(String[] parts, int position) {
		try {
			return Integer.parseInt(parts[position]);
		}
		catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
			return -1;
		}
	}

}
