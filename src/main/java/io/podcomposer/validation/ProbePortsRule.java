package io.podcomposer.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.databind.JsonNode;

/**
 * {@code probe-ports}: the {@code port} of a probe's {@code httpGet} or {@code tcpSocket}
 * is a number from 1 to 65535 or a port name; a name must be the {@code name} of one of
 * the same container's {@code ports}, or the kubelet has no port to probe and the probe
 * always fails. The {@code port} of {@code grpc} is a number from 1 to 65535.
 */
final class ProbePortsRule extends ApiServerRule {

	private static final String[] HANDLERS = { "httpGet", "tcpSocket", "grpc" };

	ProbePortsRule() {
		super("probe-ports");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (Probe probe : Probe.of(pod)) {
			for (String handler : HANDLERS) {
				JsonNode port = probe.node().path(handler).path("port");
				Long number = Nodes.integer(port);
				if (number != null && (number < 1 || number > 65535)) {
					findings.add(probe.path(handler + ".port"), Messages.invalid(number, Names.PORT_RANGE));
				}
				String name = handler.equals("grpc") ? null : Nodes.text(port);
				if (name != null) {
					checkName(probe, handler + ".port", name, findings);
				}
			}
		}
	}

	private static void checkName(Probe probe, String field, String name, Findings findings) {
		List<String> messages = Names.portName(name);
		for (String message : messages) {
			findings.add(probe.path(field), Messages.invalid(name, message));
		}
		Set<String> declared = declaredPortNames(probe.container());
		if (messages.isEmpty() && declared != null && !declared.contains(name)) {
			findings.add(probe.path(field),
					Messages.notFound(name, "must be the name of one of this container's ports"));
		}
	}

	/**
	 * The names of the container's ports; null when a wrongly typed one leaves them
	 * unknown.
	 */
	private static Set<String> declaredPortNames(ContainerRef container) {
		if (!Nodes.absent(container.node().path("ports")) && !container.node().path("ports").isArray()) {
			return null;
		}
		Set<String> names = new HashSet<>();
		for (ListEntry port : ListEntry.in(container, "ports")) {
			if (!Nodes.absent(port.get("name")) && !port.get("name").isString()) {
				return null;
			}
			names.add(Nodes.text(port.get("name")));
		}
		return names;
	}

}
