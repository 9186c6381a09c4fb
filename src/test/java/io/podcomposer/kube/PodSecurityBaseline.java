package io.podcomposer.kube;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The part of the Pod Security admission controller the fake API server needs: in a
 * namespace labelled {@code pod-security.kubernetes.io/enforce: baseline} (or
 * restricted), a pod adding a capability beyond the default set, sharing a host
 * namespace, mounting a hostPath volume, using a host port or running privileged is
 * refused in the controller's words.
 */
final class PodSecurityBaseline {

	private static final String ENFORCE = "pod-security.kubernetes.io/enforce";

	private static final Set<String> DEFAULT_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
			"FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

	private PodSecurityBaseline() {
	}

	/**
	 * Why the namespace's enforced level refuses the pod, or nothing when it allows it.
	 */
	static Optional<String> refusal(JsonNode namespace, JsonNode pod) {
		JsonNode labels = namespace.path("metadata").path("labels");
		String level = labels.path(ENFORCE).asString("privileged");
		if (!level.equals("baseline") && !level.equals("restricted")) {
			return Optional.empty();
		}
		String version = labels.path(ENFORCE + "-version").asString("latest");
		List<JsonNode> containers = new ArrayList<>();
		for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
			pod.path("spec").path(field).forEach(containers::add);
		}
		// in the order of the checks' IDs, as the admission controller reports them
		List<String> violations = new ArrayList<>();
		capabilities(containers).ifPresent(violations::add);
		hostNamespaces(pod.path("spec")).ifPresent(violations::add);
		hostPathVolumes(pod.path("spec")).ifPresent(violations::add);
		hostPorts(containers).ifPresent(violations::add);
		privileged(containers).ifPresent(violations::add);
		if (violations.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("violates PodSecurity \"" + level + ":" + version + "\": " + String.join(", ", violations));
	}

	private static Optional<String> privileged(List<JsonNode> containers) {
		List<String> names = containers.stream()
			.filter(c -> c.path("securityContext").path("privileged").asBoolean(false))
			.map(c -> c.path("name").asString())
			.toList();
		if (names.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("privileged (" + plural(names, "container", "containers") + " " + quoted(names)
				+ " must not set securityContext.privileged=true)");
	}

	private static Optional<String> capabilities(List<JsonNode> containers) {
		Set<String> names = new LinkedHashSet<>();
		Set<String> forbidden = new TreeSet<>();
		for (JsonNode container : containers) {
			for (JsonNode capability : container.path("securityContext").path("capabilities").path("add")) {
				if (!DEFAULT_CAPABILITIES.contains(capability.asString())) {
					names.add(container.path("name").asString());
					forbidden.add(capability.asString());
				}
			}
		}
		if (names.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("non-default capabilities (" + plural(names, "container", "containers") + " " + quoted(names)
				+ " must not include " + quoted(forbidden) + " in securityContext.capabilities.add)");
	}

	private static Optional<String> hostNamespaces(JsonNode spec) {
		List<String> set = new ArrayList<>();
		for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
			if (spec.path(field).asBoolean(false)) {
				set.add(field + "=true");
			}
		}
		return set.isEmpty() ? Optional.empty() : Optional.of("host namespaces (" + String.join(", ", set) + ")");
	}

	private static Optional<String> hostPathVolumes(JsonNode spec) {
		List<String> names = new ArrayList<>();
		for (JsonNode volume : spec.path("volumes")) {
			if (volume.has("hostPath")) {
				names.add(volume.path("name").asString());
			}
		}
		if (names.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("hostPath volumes (" + plural(names, "volume", "volumes") + " " + quoted(names) + ")");
	}

	private static Optional<String> hostPorts(List<JsonNode> containers) {
		Set<String> names = new LinkedHashSet<>();
		Set<String> ports = new LinkedHashSet<>();
		for (JsonNode container : containers) {
			for (JsonNode port : container.path("ports")) {
				if (port.path("hostPort").asInt(0) != 0) {
					names.add(container.path("name").asString());
					ports.add(Integer.toString(port.path("hostPort").asInt()));
				}
			}
		}
		if (names.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("hostPort (" + plural(names, "container", "containers") + " " + quoted(names) + " "
				+ plural(names, "uses", "use") + " " + plural(ports, "hostPort", "hostPorts") + " "
				+ String.join(", ", ports) + ")");
	}

	private static String plural(Collection<String> items, String one, String many) {
		return items.size() == 1 ? one : many;
	}

	private static String quoted(Collection<String> items) {
		return items.stream().map(item -> "\"" + item + "\"").collect(Collectors.joining(", "));
	}

}
