package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.compose.ContainerSection.ContainerForm;
import io.podcomposer.compose.ContainerSection.MountForm;

/**
 * Everything the composer page draws: the form (from the manifest), the manifest it was
 * drawn from (sent back with every request), the preview and the YAML tab's state.
 */
public record EditorView(ComposeForm form, String manifestJson, PreviewView preview, boolean yamlTabActive,
		String yamlText, String yamlError, int yamlErrorLine, FormOptions options, List<Examples.Example> examples) {

	/** Names of the containers a new volume can be mounted into, with their form keys. */
	public List<MountTarget> mountTargets() {
		List<MountTarget> targets = new ArrayList<>();
		for (int i = 0; i < this.form.initContainers.size(); i++) {
			targets.add(new MountTarget("initContainers:" + i, this.form.initContainers.get(i).name));
		}
		for (int i = 0; i < this.form.containers.size(); i++) {
			targets.add(new MountTarget("containers:" + i, this.form.containers.get(i).name));
		}
		return targets;
	}

	/**
	 * Where a volume is mounted, for its card: "Mounted in web at /data (rw), in sidecar
	 * at /logs (ro)", or that it is not mounted at all.
	 */
	public String mountedText(String volume) {
		List<String> places = new ArrayList<>();
		for (List<ContainerForm> list : List.of(this.form.containers, this.form.initContainers)) {
			for (ContainerForm container : list) {
				for (MountForm mount : container.volumeMounts) {
					if (volume != null && volume.equals(mount.name)) {
						places.add(place(container, mount));
					}
				}
			}
		}
		return places.isEmpty() ? "Not mounted in any container" : "Mounted " + String.join(", ", places);
	}

	private static String place(ContainerForm container, MountForm mount) {
		String name = (container.name == null || container.name.isBlank()) ? "(unnamed)" : container.name;
		boolean noPath = mount.mountPath == null || mount.mountPath.isBlank();
		boolean subPath = mount.subPath != null && !mount.subPath.isBlank();
		return "in " + name + (noPath ? " (no path yet, " : " at " + mount.mountPath + " (")
				+ (mount.readOnly ? "ro" : "rw") + (subPath ? ", subPath " + mount.subPath : "") + ")";
	}

	public record MountTarget(String key, String name) {
	}

}
