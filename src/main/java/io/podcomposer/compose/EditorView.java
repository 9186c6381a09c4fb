package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the composer page draws: the form (from the manifest), the manifest it was drawn
 * from (sent back with every request), the preview and the YAML tab's state.
 */
public record EditorView(ComposeForm form, String manifestJson, PreviewView preview, boolean yamlTabActive, String yamlText,
		String yamlError, int yamlErrorLine, FormOptions options, List<Examples.Example> examples) {

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

	public record MountTarget(String key, String name) {
	}

}
