package io.podcomposer.compose;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.FormApplier.trimmed;
import static io.podcomposer.compose.TreeEdits.editObject;
import static io.podcomposer.compose.TreeEdits.setInteger;
import static io.podcomposer.compose.TreeEdits.setString;
import static io.podcomposer.compose.TreeEdits.setStringList;
import static io.podcomposer.compose.TreeEdits.text;

/**
 * A container's liveness, readiness or startup probe in the form: its inputs, how they
 * are read from the probe and applied to it, and the input a probe's field path belongs
 * to.
 */
final class ProbeSection {

	static final List<String> HANDLERS = List.of("httpGet", "tcpSocket", "exec", "grpc");

	/** Fields with an input of the same name. */
	private static final Set<String> INPUTS = Set.of("initialDelaySeconds", "periodSeconds", "timeoutSeconds",
			"successThreshold", "failureThreshold");

	/** A handler's fields: the form shows one set of inputs for all handlers. */
	private static final Map<String, String> HANDLER_INPUTS = Map.of("path", "path", "port", "port", "scheme", "scheme",
			"command", "command", "service", "grpcService");

	private ProbeSection() {
	}

	public static class ProbeForm {

		/** none, httpGet, tcpSocket, exec or grpc. */
		public String handler;

		public String path;

		public String port;

		public String scheme;

		/** exec command, one item per line, or a YAML list when {@link #commandYaml}. */
		public String command;

		public boolean commandYaml;

		public String grpcService;

		public String initialDelaySeconds;

		public String periodSeconds;

		public String timeoutSeconds;

		public String successThreshold;

		public String failureThreshold;

	}

	static ProbeForm read(JsonNode node) {
		ProbeForm probe = new ProbeForm();
		probe.handler = "none";
		if (!node.isObject()) {
			return probe;
		}
		probe.handler = HANDLERS.stream().filter(node::has).findFirst().orElse("none");
		JsonNode handler = node.path(probe.handler);
		probe.path = text(handler.path("path"));
		probe.port = text(handler.path("port"));
		probe.scheme = text(handler.path("scheme"));
		probe.commandYaml = StringListText.needsYaml(handler.path("command"));
		probe.command = StringListText.write(handler.path("command"));
		probe.grpcService = text(handler.path("service"));
		probe.initialDelaySeconds = text(node.path("initialDelaySeconds"));
		probe.periodSeconds = text(node.path("periodSeconds"));
		probe.timeoutSeconds = text(node.path("timeoutSeconds"));
		probe.successThreshold = text(node.path("successThreshold"));
		probe.failureThreshold = text(node.path("failureThreshold"));
		return probe;
	}

	static void apply(ObjectNode container, String key, ProbeForm form, String field, FormApplier applier) {
		if (form == null || form.handler == null) {
			return;
		}
		if ("none".equals(form.handler)) {
			container.remove(key);
			return;
		}
		editObject(container, key, (probe) -> {
			HANDLERS.stream().filter((other) -> !other.equals(form.handler)).forEach(probe::remove);
			editObject(probe, form.handler, (handler) -> {
				switch (form.handler) {
					case "httpGet" -> {
						setString(handler, "path", trimmed(form.path));
						setInteger(handler, "port", form.port);
						setString(handler, "scheme", form.scheme);
					}
					case "tcpSocket" -> setInteger(handler, "port", form.port);
					case "exec" -> setStringList(handler, "command",
							applier.stringList(form.command, form.commandYaml, field + ".command"));
					case "grpc" -> {
						setInteger(handler, "port", form.port);
						setString(handler, "service", trimmed(form.grpcService));
					}
					default -> {
					}
				}
			});
			setInteger(probe, "initialDelaySeconds", form.initialDelaySeconds);
			setInteger(probe, "periodSeconds", form.periodSeconds);
			setInteger(probe, "timeoutSeconds", form.timeoutSeconds);
			setInteger(probe, "successThreshold", form.successThreshold);
			setInteger(probe, "failureThreshold", form.failureThreshold);
		});
	}

	/**
	 * The input within the probe for a path below it; its handler select for anything
	 * else.
	 */
	static String inputName(FieldPath path) {
		String name = path.step(0).text();
		if (INPUTS.contains(name)) {
			return name;
		}
		String handlerInput = HANDLER_INPUTS.get(path.step(1).text());
		return (HANDLERS.contains(name) && handlerInput != null) ? handlerInput : "handler";
	}

}
