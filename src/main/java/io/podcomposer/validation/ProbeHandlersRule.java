package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * {@code probe-handlers}: every probe of a container or sidecar has exactly one handler:
 * {@code exec}, {@code httpGet}, {@code tcpSocket} or {@code grpc}; every
 * {@code lifecycle} {@code postStart} and {@code preStop} hook has one of {@code exec},
 * {@code httpGet}, {@code tcpSocket} or {@code sleep}. As upstream, the first handler in
 * that order counts and each further one is reported.
 */
final class ProbeHandlersRule extends ApiServerRule {

	private static final String[] PROBE_HANDLERS = { "exec", "httpGet", "tcpSocket", "grpc" };

	private static final String[] HOOK_HANDLERS = { "exec", "httpGet", "tcpSocket", "sleep" };

	private static final String[] HOOKS = { "postStart", "preStop" };

	ProbeHandlersRule() {
		super("probe-handlers");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (Probe probe : Probe.of(pod)) {
			checkHandlers(probe.node(), PROBE_HANDLERS, probe.path(), findings);
		}
		for (ContainerRef container : pod.allContainers()) {
			for (String hook : HOOKS) {
				JsonNode handler = container.node().path("lifecycle").path(hook);
				if (handler.isObject() && Probe.mayHaveProbes(container)) {
					checkHandlers(handler, HOOK_HANDLERS, container.path("lifecycle." + hook), findings);
				}
			}
		}
	}

	private static void checkHandlers(JsonNode handler, String[] kinds, String path, Findings findings) {
		boolean found = false;
		for (String kind : kinds) {
			if (Nodes.absent(handler.path(kind))) {
				continue;
			}
			if (found) {
				findings.add(path + "." + kind, Messages.forbidden("may not specify more than 1 handler type"));
			}
			found = true;
		}
		if (!found) {
			findings.add(path, Messages.required("must specify a handler type"));
		}
	}

}
