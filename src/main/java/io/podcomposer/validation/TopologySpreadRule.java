package io.podcomposer.validation;

import java.util.List;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code topology-spread}: each of the pod's {@code topologySpreadConstraints}
 * <ul>
 * <li>has a {@code maxSkew} above 0 and a {@code topologyKey};</li>
 * <li>has {@code whenUnsatisfiable} {@code DoNotSchedule} or {@code ScheduleAnyway}, and
 * no other constraint has the same {@code topologyKey} and {@code whenUnsatisfiable}
 * (told at the first, at the pair's made-up path, as upstream);</li>
 * <li>has a {@code minDomains}, when set, above 0 and only with
 * {@code DoNotSchedule};</li>
 * <li>has {@code nodeAffinityPolicy} and {@code nodeTaintsPolicy}, when set,
 * {@code Honor} or {@code Ignore}, and a well-formed {@code labelSelector}.</li>
 * </ul>
 */
final class TopologySpreadRule extends ApiServerRule {

	private static final String POSITIVE = "must be greater than zero";

	private static final List<String> ACTIONS = List.of("DoNotSchedule", "ScheduleAnyway");

	private static final String SUPPORTED_ACTIONS = Messages.supportedValues("DoNotSchedule", "ScheduleAnyway");

	private static final List<String> POLICIES = List.of("Honor", "Ignore");

	private static final String SUPPORTED_POLICIES = Messages.supportedValues("Honor", "Ignore");

	TopologySpreadRule() {
		super("topology-spread");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		List<ListEntry> constraints = ListEntry.inPodSpec(pod, "topologySpreadConstraints");
		for (int i = 0; i < constraints.size(); i++) {
			ListEntry constraint = constraints.get(i);
			if (!constraint.node().isObject()) {
				continue;
			}
			Long maxSkew = Nodes.integer(constraint.get("maxSkew"));
			if (maxSkew != null && maxSkew <= 0 || Nodes.absent(constraint.get("maxSkew"))) {
				findings.add(constraint.path("maxSkew"), Messages.invalid(maxSkew == null ? 0 : maxSkew, POSITIVE));
			}
			if (Nodes.unsetText(constraint.get("topologyKey"))) {
				findings.add(constraint.path("topologyKey"), Messages.required("can not be empty"));
			}
			String action = textOrEmpty(constraint.get("whenUnsatisfiable"));
			if (action != null && !ACTIONS.contains(action)) {
				findings.add(constraint.path("whenUnsatisfiable"), Messages.notSupported(action, SUPPORTED_ACTIONS));
			}
			if (repeatedLater(constraint, constraints.subList(i + 1, constraints.size()))) {
				findings.add(constraint.path("{topologyKey, whenUnsatisfiable}"),
						Messages.duplicate("{" + textOrEmpty(constraint.get("topologyKey")) + ", " + action + "}"));
			}
			checkMinDomains(constraint, action, findings);
			for (String field : new String[] { "nodeAffinityPolicy", "nodeTaintsPolicy" }) {
				String policy = Nodes.text(constraint.get(field));
				if (policy != null && !POLICIES.contains(policy)) {
					findings.add(constraint.path(field), Messages.notSupported(policy, SUPPORTED_POLICIES));
				}
			}
			if (constraint.get("labelSelector").isObject()) {
				LabelSelectors.check(constraint.get("labelSelector"), constraint.path("labelSelector"), findings);
			}
		}
	}

	private static void checkMinDomains(ListEntry constraint, String action, Findings findings) {
		Long minDomains = Nodes.integer(constraint.get("minDomains"));
		if (minDomains == null) {
			return;
		}
		if (minDomains <= 0) {
			findings.add(constraint.path("minDomains"), Messages.invalid(minDomains, POSITIVE));
		}
		if (!"DoNotSchedule".equals(action)) {
			findings.add(constraint.path("minDomains"), Messages.invalid(minDomains,
					"can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + action));
		}
	}

	private static boolean repeatedLater(ListEntry constraint, List<ListEntry> later) {
		String key = textOrEmpty(constraint.get("topologyKey"));
		String action = textOrEmpty(constraint.get("whenUnsatisfiable"));
		for (ListEntry other : later) {
			if (key != null && key.equals(textOrEmpty(other.get("topologyKey"))) && action != null
					&& action.equals(textOrEmpty(other.get("whenUnsatisfiable")))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A string field as Go holds it: unset is empty; another type is the structure rule's
	 * (null).
	 */
	private static String textOrEmpty(JsonNode node) {
		return Nodes.absent(node) ? "" : Nodes.text(node);
	}

}
