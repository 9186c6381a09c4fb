package io.podcomposer.validation;

import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;

/**
 * The files a volume projects: the {@code items} of a {@code configMap}, {@code secret}
 * or {@code downwardAPI} volume, and of each source of a {@code projected} one, each with
 * the path the API server gives it. As upstream, a {@code downwardAPI} item is told
 * without its index ({@code spec.volumes[0].downwardAPI.mode}).
 */
final class VolumeItems {

	private static final String[] KEY_TO_PATH_SOURCES = { "configMap", "secret" };

	private VolumeItems() {
	}

	/**
	 * Calls {@code each} with every item of the volume and the path its fields hang from.
	 */
	static void forEach(ListEntry volume, BiConsumer<JsonNode, String> each) {
		for (String source : KEY_TO_PATH_SOURCES) {
			keyToPathItems(volume.get(source), volume.path(source), each);
		}
		downwardApiItems(volume.get("downwardAPI"), volume.path("downwardAPI"), each);
		JsonNode sources = volume.get("projected").path("sources");
		for (int i = 0; i < Nodes.count(sources); i++) {
			String sourcePath = volume.path("projected.sources[" + i + "]");
			for (String source : KEY_TO_PATH_SOURCES) {
				keyToPathItems(sources.get(i).path(source), sourcePath + "." + source, each);
			}
			downwardApiItems(sources.get(i).path("downwardAPI"), sourcePath + ".downwardAPI", each);
		}
	}

	/** The sources that take a {@code defaultMode}, with their paths. */
	static void forEachSourceWithDefaultMode(ListEntry volume, BiConsumer<JsonNode, String> each) {
		for (String source : KEY_TO_PATH_SOURCES) {
			each.accept(volume.get(source), volume.path(source));
		}
		each.accept(volume.get("downwardAPI"), volume.path("downwardAPI"));
		each.accept(volume.get("projected"), volume.path("projected"));
	}

	private static void keyToPathItems(JsonNode source, String path, BiConsumer<JsonNode, String> each) {
		JsonNode items = source.path("items");
		for (int i = 0; i < Nodes.count(items); i++) {
			each.accept(items.get(i), path + ".items[" + i + "]");
		}
	}

	private static void downwardApiItems(JsonNode source, String path, BiConsumer<JsonNode, String> each) {
		JsonNode items = source.path("items");
		for (int i = 0; i < Nodes.count(items); i++) {
			each.accept(items.get(i), path);
		}
	}

}
