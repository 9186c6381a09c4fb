package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code volume-ranges}: the numbers in the pod's {@code volumes}.
 * <ul>
 * <li>an {@code emptyDir}'s {@code sizeLimit} is a quantity that is not negative;</li>
 * <li>the file modes, {@code defaultMode} of a {@code configMap}, {@code secret},
 * {@code downwardAPI} or {@code projected} volume and {@code mode} of each of their
 * {@code items} (in a projected volume, of each source's items), are from 0 to 0777
 * (511).</li>
 * </ul>
 * As upstream, a {@code downwardAPI} item's mode is told without the item's index
 * ({@code spec.volumes[0].downwardAPI.mode}).
 */
final class VolumeRangesRule extends ApiServerRule {

	private static final String FILE_MODE = "must be a number between 0 and 0777 (octal), both inclusive";

	VolumeRangesRule() {
		super("volume-ranges");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry volume : ListEntry.inPodSpec(pod, "volumes")) {
			checkSizeLimit(volume.get("emptyDir").path("sizeLimit"), volume.path("emptyDir.sizeLimit"), findings);
			VolumeItems.forEachSourceWithDefaultMode(volume,
					(source, path) -> checkMode(source.path("defaultMode"), path + ".defaultMode", findings));
			VolumeItems.forEach(volume, (item, path) -> checkMode(item.path("mode"), path + ".mode", findings));
		}
	}

	private static void checkSizeLimit(JsonNode sizeLimit, String path, Findings findings) {
		if (sizeLimit.isString() || sizeLimit.isNumber()) {
			Quantity quantity = Quantity.parse(sizeLimit.asString());
			if (quantity.value() != null && quantity.value().signum() < 0) {
				findings.add(path, Messages.forbidden("SizeLimit field must be a valid resource quantity"));
			}
		}
	}

	private static void checkMode(JsonNode mode, String path, Findings findings) {
		Long value = Nodes.integer(mode);
		if (value != null && (value < 0 || value > 0777)) {
			findings.add(path, Messages.invalid(value, FILE_MODE));
		}
	}

}
