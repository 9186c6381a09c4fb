package io.podcomposer.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * A probe or lifecycle handler with a host reaches past the pod, to the node or
 * elsewhere; the handler must use the pod's own IP (policy 1.34+).
 * <p>
 * Restricted fields: {@code spec.containers[*].livenessProbe.httpGet.host},
 * {@code readinessProbe.httpGet.host}, {@code startupProbe.httpGet.host}, the same with
 * {@code tcpSocket.host}, and {@code lifecycle.postStart} and {@code lifecycle.preStop}
 * with {@code httpGet.host} or {@code tcpSocket.host}; in {@code spec.initContainers[*]}
 * and {@code spec.ephemeralContainers[*]} too.
 * <p>
 * Allowed values: "", undefined/null.
 */
final class HostProbesAndHostLifecycleCheck extends UpstreamCheck {

	private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");

	private static final List<String> HOOKS = List.of("postStart", "preStop");

	private static final List<String> ACTIONS = List.of("httpGet", "tcpSocket");

	HostProbesAndHostLifecycleCheck() {
		super("hostProbesAndHostLifecycle", Level.BASELINE,
				"remove host from the probes' and lifecycle hooks' httpGet and "
						+ "tcpSocket, so they reach the pod itself");
	}

	@Override
	public Violation check(PodView pod) {
		// unlike most checks, upstream lists these containers as a sorted set
		Set<String> containers = new TreeSet<>();
		Set<String> hosts = new TreeSet<>();
		List<String> paths = new ArrayList<>(2);
		for (ContainerRef container : pod.allContainers()) {
			for (String probe : PROBES) {
				scan(container, container.node().path(probe), "", probe, containers, hosts, paths);
			}
			for (String hook : HOOKS) {
				scan(container, container.node().path("lifecycle").path(hook), "lifecycle.", hook, containers, hosts,
						paths);
			}
		}
		if (containers.isEmpty()) {
			return null;
		}
		return violation("probe or lifecycle host",
				Words.containers(containers) + " " + Words.use(containers.size()) + " "
						+ Words.pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.size()) + " "
						+ Words.joinQuote(hosts),
				paths);
	}

	/** One handler; its path is {@code parent + name}, built only for a finding. */
	private static void scan(ContainerRef container, JsonNode handler, String parent, String name,
			Set<String> containers, Set<String> hosts, List<String> paths) {
		if (!handler.isObject()) {
			return;
		}
		for (String action : ACTIONS) {
			String host = Nodes.textOrEmpty(handler.path(action).path("host"));
			if (!host.isEmpty()) {
				containers.add(container.name());
				hosts.add(host);
				paths.add(container.path(parent + name + "." + action + ".host"));
			}
		}
	}

}
