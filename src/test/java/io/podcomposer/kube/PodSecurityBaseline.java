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
 * The part of the Pod Security admission controller the fake API server needs: in a namespace
 * labelled {@code pod-security.kubernetes.io/enforce: baseline} (or restricted), a pod adding a
 * capability beyond the default set, or running privileged, is refused in the controller's words.
 */
final class PodSecurityBaseline {

	private static final String ENFORCE = "pod-security.kubernetes.io/enforce";

	private static final Set<String> DEFAULT_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
			"FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

	private PodSecurityBaseline() {
	}

	/** Why the namespace's enforced level refuses the pod, or nothing when it allows it. */
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
		List<String> violations = new ArrayList<>();
		privileged(containers).ifPresent(violations::add);
		capabilities(containers).ifPresent(violations::add);
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

	private static String plural(Collection<String> items, String one, String many) {
		return items.size() == 1 ? one : many;
	}

	private static String quoted(Collection<String> items) {
		return items.stream().map(item -> "\"" + item + "\"").collect(Collectors.joining(", "));
	}
}
