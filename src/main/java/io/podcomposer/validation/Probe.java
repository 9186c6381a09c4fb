package io.podcomposer.validation;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * A probe of a container with its path, for the rules on probes; and which containers may
 * have them.
 */
record Probe(ContainerRef container, String name, JsonNode node) {

	static final String[] NAMES = { "livenessProbe", "readinessProbe", "startupProbe" };

	/**
	 * The probes the API server looks into: those of regular containers and sidecars. It
	 * forbids probes on other init containers and on ephemeral ones, and checks nothing
	 * more of them there.
	 */
	static List<Probe> of(PodView pod) {
		List<Probe> probes = new ArrayList<>();
		for (ContainerRef container : pod.allContainers()) {
			if (mayHaveProbes(container)) {
				for (String name : NAMES) {
					JsonNode probe = container.node().path(name);
					if (probe.isObject()) {
						probes.add(new Probe(container, name, probe));
					}
				}
			}
		}
		return probes;
	}

	/** Regular containers and sidecars; the same goes for lifecycle hooks. */
	static boolean mayHaveProbes(ContainerRef container) {
		return container.list().equals("containers") || isSidecar(container);
	}

	/**
	 * An init container with {@code restartPolicy: Always} runs beside the others for the
	 * pod's life.
	 */
	static boolean isSidecar(ContainerRef container) {
		return container.list().equals("initContainers")
				&& "Always".equals(Nodes.text(container.node().path("restartPolicy")));
	}

	/** The path of the probe, as in {@code spec.containers[0].livenessProbe}. */
	String path() {
		return this.container.path(this.name);
	}

	/**
	 * The path of a field of the probe, as in
	 * {@code spec.containers[0].livenessProbe.httpGet.port}.
	 */
	String path(String field) {
		return this.container.path(this.name + "." + field);
	}

}
