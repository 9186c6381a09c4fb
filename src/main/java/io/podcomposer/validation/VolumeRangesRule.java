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
 * {@code items} (in a projected volume, of each source's items), are from 0 to 0777 (511).</li>
 * </ul>
 * As upstream, a {@code downwardAPI} item's mode is told without the item's index
 * ({@code spec.volumes[0].downwardAPI.mode}).
 */
final class VolumeRangesRule extends ApiServerRule {

	private static final String FILE_MODE = "must be a number between 0 and 0777 (octal), both inclusive";

	private static final String[] KEY_TO_PATH_SOURCES = { "configMap", "secret" };

	VolumeRangesRule() {
		super("volume-ranges");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry volume : ListEntry.inPodSpec(pod, "volumes")) {
			checkSizeLimit(volume.get("emptyDir").path("sizeLimit"), volume.path("emptyDir.sizeLimit"), findings);
			for (String source : KEY_TO_PATH_SOURCES) {
				checkMode(volume.get(source).path("defaultMode"), volume.path(source + ".defaultMode"), findings);
				checkItemModes(volume.get(source), volume.path(source), findings);
			}
			JsonNode downwardApi = volume.get("downwardAPI");
			checkMode(downwardApi.path("defaultMode"), volume.path("downwardAPI.defaultMode"), findings);
			checkDownwardApiModes(downwardApi, volume.path("downwardAPI"), findings);
			JsonNode projected = volume.get("projected");
			checkMode(projected.path("defaultMode"), volume.path("projected.defaultMode"), findings);
			JsonNode sources = projected.path("sources");
			for (int i = 0; i < Nodes.count(sources); i++) {
				String sourcePath = volume.path("projected.sources[" + i + "]");
				for (String source : KEY_TO_PATH_SOURCES) {
					checkItemModes(sources.get(i).path(source), sourcePath + "." + source, findings);
				}
				checkDownwardApiModes(sources.get(i).path("downwardAPI"), sourcePath + ".downwardAPI", findings);
			}
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

	private static void checkItemModes(JsonNode source, String path, Findings findings) {
		JsonNode items = source.path("items");
		for (int i = 0; i < Nodes.count(items); i++) {
			checkMode(items.get(i).path("mode"), path + ".items[" + i + "].mode", findings);
		}
	}

	private static void checkDownwardApiModes(JsonNode source, String path, Findings findings) {
		JsonNode items = source.path("items");
		for (int i = 0; i < Nodes.count(items); i++) {
			checkMode(items.get(i).path("mode"), path + ".mode", findings);
		}
	}

	private static void checkMode(JsonNode mode, String path, Findings findings) {
		Long value = Nodes.integer(mode);
		if (value != null && (value < 0 || value > 0777)) {
			findings.add(path, Messages.invalid(value, FILE_MODE));
		}
	}

}
