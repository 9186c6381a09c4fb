package io.podcomposer.validation;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * An entry of a list field (a container's {@code ports}, {@code env} or
 * {@code volumeMounts}, the pod's {@code volumes} or {@code tolerations}) with the API
 * server's path to it. A field that is no list has no entries.
 */
record ListEntry(JsonNode node, String listPath, int index) {

	/** The entries of a list field of one container. */
	static List<ListEntry> in(ContainerRef container, String field) {
		JsonNode list = container.node().path(field);
		return (Nodes.count(list) == 0) ? List.of() : entries(list, container.path(field), new ArrayList<>());
	}

	/**
	 * The entries of a list field of every container, init and ephemeral ones included.
	 */
	static List<ListEntry> inEveryContainer(PodView pod, String field) {
		List<ListEntry> entries = new ArrayList<>();
		for (ContainerRef container : pod.allContainers()) {
			JsonNode list = container.node().path(field);
			if (Nodes.count(list) > 0) {
				entries(list, container.path(field), entries);
			}
		}
		return entries;
	}

	/** The entries of a list field of the pod spec. */
	static List<ListEntry> inPodSpec(PodView pod, String field) {
		JsonNode list = pod.podSpec().path(field);
		return (Nodes.count(list) == 0) ? List.of() : entries(list, pod.specPath(field), new ArrayList<>());
	}

	/** A field of the entry; missing when the entry is no object. */
	JsonNode get(String field) {
		return this.node.path(field);
	}

	/**
	 * The path of a field of the entry, as in {@code spec.containers[0].ports[1].name}.
	 */
	String path(String field) {
		return path() + "." + field;
	}

	String path() {
		return this.listPath + "[" + this.index + "]";
	}

	private static List<ListEntry> entries(JsonNode list, String listPath, List<ListEntry> entries) {
		for (int i = 0; i < list.size(); i++) {
			entries.add(new ListEntry(list.get(i), listPath, i));
		}
		return entries;
	}

}
