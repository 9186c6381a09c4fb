package io.podcomposer.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code pod-spec-names}: the names the pod spec gives, in the formats the API server
 * requires.
 * <ul>
 * <li>{@code hostname} and {@code subdomain}: DNS-1123 labels;</li>
 * <li>{@code serviceAccountName}, {@code nodeName}, {@code priorityClassName} and
 * {@code runtimeClassName}: DNS-1123 subdomains;</li>
 * <li>the {@code conditionType} of each of {@code readinessGates} and the {@code name} of
 * each of {@code schedulingGates}: qualified names, even when empty; the scheduling
 * gates' names also unique, told at the gate ({@code spec.schedulingGates[1]}) as
 * upstream does.</li>
 * </ul>
 */
final class PodSpecNamesRule extends ApiServerRule {

	private static final List<String> LABELS = List.of("hostname", "subdomain");

	private static final List<String> SUBDOMAINS = List.of("serviceAccountName", "nodeName", "priorityClassName",
			"runtimeClassName");

	PodSpecNamesRule() {
		super("pod-spec-names");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode spec = pod.podSpec();
		for (String field : LABELS) {
			checkName(spec.path(field), pod.specPath(field), Names::dns1123Label, findings);
		}
		for (String field : SUBDOMAINS) {
			checkName(spec.path(field), pod.specPath(field), Names::dns1123Subdomain, findings);
		}
		for (ListEntry gate : ListEntry.inPodSpec(pod, "readinessGates")) {
			checkName(gateName(gate.get("conditionType")), gate.path("conditionType"), Names::qualifiedName, findings);
		}
		Set<String> gateNames = new HashSet<>();
		for (ListEntry gate : ListEntry.inPodSpec(pod, "schedulingGates")) {
			String name = gateName(gate.get("name"));
			checkName(name, gate.path(), Names::qualifiedName, findings);
			if (name != null && !gateNames.add(name)) {
				findings.add(gate.path(), Messages.duplicate(name));
			}
		}
	}

	/**
	 * A gate's name: unset is the empty name; another type is the structure rule's
	 * (null).
	 */
	private static String gateName(JsonNode node) {
		return Nodes.absent(node) ? "" : Nodes.text(node);
	}

	/** A name field that is set; an empty one is unset, as upstream skips it. */
	private static void checkName(JsonNode node, String path, Function<String, List<String>> format,
			Findings findings) {
		checkName(Nodes.nonEmptyText(node), path, format, findings);
	}

	private static void checkName(String name, String path, Function<String, List<String>> format, Findings findings) {
		if (name != null) {
			for (String problem : format.apply(name)) {
				findings.add(path, Messages.invalid(name, problem));
			}
		}
	}

}
