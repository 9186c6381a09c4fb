package io.podcomposer.compose;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a new volume of a type edited as YAML starts with, so there is something to adapt.
 */
final class VolumeStarters {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private VolumeStarters() {
	}

	static ObjectNode starter(String type) {
		ObjectNode source = NODES.objectNode();
		switch (type) {
			case "downwardAPI" -> {
				ObjectNode labels = source.putArray("items").addObject();
				labels.put("path", "labels");
				labels.putObject("fieldRef").put("fieldPath", "metadata.labels");
			}
			case "projected" -> {
				var sources = source.putArray("sources");
				sources.addObject()
					.putObject("serviceAccountToken")
					.put("path", "token")
					.put("expirationSeconds", 3600);
			}
			default -> {
			}
		}
		return source;
	}

}
