package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * {@code item-paths}: each file a {@code configMap}, {@code secret}, {@code downwardAPI}
 * or {@code projected} volume projects has a {@code path}, relative, with no {@code ..}
 * element and not starting with {@code ..}: a file outside the volume, or the volume's
 * own {@code ..data} link, cannot be written.
 */
final class VolumeItemPathsRule extends ApiServerRule {

	VolumeItemPathsRule() {
		super("item-paths");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry volume : ListEntry.inPodSpec(pod, "volumes")) {
			VolumeItems.forEach(volume, (item, path) -> {
				if (!item.isObject()) {
					return;
				}
				String file = Nodes.nonEmptyText(item.path("path"));
				String problem = (file == null) ? null : SubPathsRule.problem(file);
				if (file == null) {
					findings.add(path + ".path", Messages.REQUIRED);
				}
				else if (problem != null) {
					findings.add(path + ".path", Messages.invalid(file, problem));
				}
				else if (file.startsWith("..")) {
					findings.add(path + ".path", Messages.invalid(file, "must not start with '..'"));
				}
			});
		}
	}

}
