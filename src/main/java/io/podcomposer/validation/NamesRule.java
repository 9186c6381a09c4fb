package io.podcomposer.validation;

import java.util.List;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * {@code names}: the formats the API server requires of names.
 * <ul>
 * <li>{@code metadata.name}: required unless {@code metadata.generateName} is set; a
 * DNS-1123 subdomain, a DNS-1123 label for a StatefulSet (its pods' host names come from
 * it), and 52 characters at most for a CronJob (its Jobs' names add 11).
 * {@code generateName} may end in '-'.</li>
 * <li>{@code metadata.namespace}, when set: a DNS-1123 label.</li>
 * <li>the {@code name} of every container, init container and volume: required, a
 * DNS-1123 label.</li>
 * <li>the {@code name} of a container port, when set: an IANA service name.</li>
 * </ul>
 */
final class NamesRule extends ApiServerRule {

	/**
	 * A CronJob's Jobs are named {@code <name>-<minutes since 1970>}, which must fit in
	 * 63.
	 */
	private static final int CRON_JOB_NAME_MAX = 52;

	NamesRule() {
		super("names");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		checkObjectName(pod.kind(), pod.root().path("metadata"), findings);
		for (ContainerRef container : pod.allContainers()) {
			for (String message : labelProblems(container.node())) {
				findings.add(container.path("name"), message);
			}
		}
		for (ListEntry volume : ListEntry.inPodSpec(pod, "volumes")) {
			for (String message : labelProblems(volume.node())) {
				findings.add(volume.path("name"), message);
			}
		}
		for (ListEntry port : ListEntry.inEveryContainer(pod, "ports")) {
			String name = Nodes.nonEmptyText(port.get("name"));
			for (String message : (name != null) ? Names.portName(name) : List.<String>of()) {
				findings.add(port.path("name"), Messages.invalid(name, message));
			}
		}
	}

	private static void checkObjectName(WorkloadKind kind, JsonNode metadata, Findings findings) {
		if (!Nodes.objectOrAbsent(metadata)) {
			return;
		}
		String name = Nodes.nonEmptyText(metadata.path("name"));
		String generateName = Nodes.nonEmptyText(metadata.path("generateName"));
		if (Nodes.unsetText(metadata.path("name")) && Nodes.unsetText(metadata.path("generateName"))) {
			findings.add("metadata.name", Messages.required("name or generateName is required"));
		}
		if (name != null) {
			for (String message : objectName(kind, name)) {
				findings.add("metadata.name", Messages.invalid(name, message));
			}
			if (kind == WorkloadKind.CRON_JOB && name.length() > CRON_JOB_NAME_MAX) {
				findings.add("metadata.name", Messages.invalid(name, Names.maxLength(CRON_JOB_NAME_MAX)));
			}
		}
		if (generateName != null) {
			// a random suffix follows, so a trailing '-' is fine: checked as if it were a
			// letter
			String masked = generateName.endsWith("-") && generateName.length() > 1
					? generateName.substring(0, generateName.length() - 1) + "a" : generateName;
			for (String message : objectName(kind, masked)) {
				findings.add("metadata.generateName", Messages.invalid(generateName, message));
			}
		}
		String namespace = Nodes.nonEmptyText(metadata.path("namespace"));
		if (namespace != null) {
			for (String message : Names.dns1123Label(namespace)) {
				findings.add("metadata.namespace", Messages.invalid(namespace, message));
			}
		}
	}

	private static List<String> objectName(WorkloadKind kind, String name) {
		return (kind == WorkloadKind.STATEFUL_SET) ? Names.dns1123Label(name) : Names.dns1123Subdomain(name);
	}

	/**
	 * What is wrong with the name of a container or volume, a required DNS-1123 label. A
	 * name or an item of another type is the structure rule's.
	 */
	private static List<String> labelProblems(JsonNode named) {
		if (!named.isObject()) {
			return List.of();
		}
		if (Nodes.unsetText(named.path("name"))) {
			return List.of(Messages.REQUIRED);
		}
		String name = Nodes.text(named.path("name"));
		if (name == null) {
			return List.of();
		}
		List<String> messages = Names.dns1123Label(name);
		return messages.isEmpty() ? messages
				: messages.stream().map((message) -> Messages.invalid(name, message)).toList();
	}

}
