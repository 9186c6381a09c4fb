package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.podcomposer.compose.PodPicture.Role;
import tools.jackson.databind.JsonNode;

/**
 * What a pod spec holds that the picture shows, read leniently: the spec comes from a
 * person mid-edit, so a field of the wrong type is skipped rather than rejected.
 */
record PodAnatomy(List<Part> parts, List<Volume> volumes, boolean shareProcessNamespace, boolean hostIpc,
		boolean hostPid, boolean hostNetwork) {

	record Part(String name, String image, Role role, List<Port> ports, List<Mount> mounts, List<String> capabilities,
			boolean privileged) {

		/** The name to show: a container without one is still drawn. */
		String label() {
			return this.name.isEmpty() ? "(unnamed)" : this.name;
		}

	}

	record Port(int containerPort, String protocol, String name, int hostPort) {

		String key() {
			return this.containerPort + "/" + this.protocol;
		}

	}

	record Mount(String volume, String mountPath, boolean readOnly) {
	}

	record Volume(String name, String type, String detail) {
	}

	static PodAnatomy read(JsonNode spec) {
		List<Part> parts = new ArrayList<>();
		for (JsonNode container : spec.path("initContainers").values()) {
			if (container.isObject()) {
				// A restartable init container keeps running beside the others: a native
				// sidecar.
				boolean sidecar = "Always".equals(text(container.path("restartPolicy")));
				parts.add(part(container, sidecar ? Role.SIDECAR : Role.INIT));
			}
		}
		for (JsonNode container : spec.path("containers").values()) {
			if (container.isObject()) {
				parts.add(part(container, Role.CONTAINER));
			}
		}
		List<Volume> volumes = new ArrayList<>();
		for (JsonNode volume : spec.path("volumes").values()) {
			String name = text(volume.path("name"));
			if (volume.isObject() && !name.isEmpty()) {
				volumes.add(volume(name, volume));
			}
		}
		return new PodAnatomy(parts, volumes, flag(spec.path("shareProcessNamespace")), flag(spec.path("hostIPC")),
				flag(spec.path("hostPID")), flag(spec.path("hostNetwork")));
	}

	private static Part part(JsonNode container, Role role) {
		List<Port> ports = new ArrayList<>();
		for (JsonNode port : container.path("ports").values()) {
			int number = integer(port.path("containerPort"));
			if (number > 0) {
				String protocol = text(port.path("protocol"));
				ports.add(new Port(number, protocol.isEmpty() ? "TCP" : protocol, text(port.path("name")),
						integer(port.path("hostPort"))));
			}
		}
		List<Mount> mounts = new ArrayList<>();
		for (JsonNode mount : container.path("volumeMounts").values()) {
			String volume = text(mount.path("name"));
			if (!volume.isEmpty()) {
				mounts.add(new Mount(volume, text(mount.path("mountPath")), flag(mount.path("readOnly"))));
			}
		}
		JsonNode securityContext = container.path("securityContext");
		List<String> capabilities = new ArrayList<>();
		for (JsonNode capability : securityContext.path("capabilities").path("add").values()) {
			if (!text(capability).isEmpty()) {
				capabilities.add(text(capability));
			}
		}
		return new Part(text(container.path("name")), text(container.path("image")), role, ports, mounts, capabilities,
				flag(securityContext.path("privileged")));
	}

	private static Volume volume(String name, JsonNode volume) {
		String type = null;
		JsonNode source = null;
		for (Map.Entry<String, JsonNode> field : volume.properties()) {
			if (!"name".equals(field.getKey())) {
				type = field.getKey();
				source = field.getValue();
				break;
			}
		}
		if (type == null) {
			// The API server gives a volume without a source an emptyDir.
			return new Volume(name, "emptyDir", "");
		}
		return switch (type) {
			case "emptyDir" ->
				new Volume(name, "Memory".equals(text(source.path("medium"))) ? "emptyDir Memory" : "emptyDir",
						text(source.path("sizeLimit")));
			case "configMap" -> new Volume(name, type, text(source.path("name")));
			case "secret" -> new Volume(name, type, text(source.path("secretName")));
			case "persistentVolumeClaim" -> new Volume(name, type, text(source.path("claimName")));
			case "hostPath" -> new Volume(name, type, text(source.path("path")));
			case "projected" -> new Volume(name, type, count(source.path("sources").size(), "source"));
			case "downwardAPI" -> new Volume(name, type, count(source.path("items").size(), "item"));
			default -> new Volume(name, type, "");
		};
	}

	/** A scalar as text; an object, array or missing value is empty. */
	private static String text(JsonNode node) {
		return (node.isString() || node.isNumber() || node.isBoolean()) ? node.asString() : "";
	}

	private static int integer(JsonNode node) {
		return (node.isIntegralNumber() && node.canConvertToInt()) ? node.intValue() : 0;
	}

	private static boolean flag(JsonNode node) {
		return node.isBoolean() && node.booleanValue();
	}

	private static String count(int count, String noun) {
		return (count == 0) ? "" : count + " " + noun + ((count == 1) ? "" : "s");
	}

}
