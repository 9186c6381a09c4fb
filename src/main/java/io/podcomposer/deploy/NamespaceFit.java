package io.podcomposer.deploy;

import java.util.List;

import io.podcomposer.podsecurity.Level;
import io.podcomposer.podsecurity.PodSecurityResult;
import io.podcomposer.podsecurity.Violation;
import tools.jackson.databind.JsonNode;

/**
 * How a pod fits the namespace it is deployed to, judged before the cluster is asked:
 * whether the namespace exists, the Pod Security level its {@code enforce} label names
 * (null without one: then the cluster's default applies, privileged unless its admission
 * configuration says otherwise), the pod's level by our evaluator (null when the pod
 * could not be rendered), and the checks the enforced level refuses, in the evaluator's
 * words.
 *
 * @param pod whether a pod is deployed, else a workload whose pods the cluster would
 * refuse to create
 * @param unreadable why the namespace could not be read (many deploy accounts may not),
 * else null
 */
public record NamespaceFit(String namespace, boolean pod, boolean exists, Level enforced, String unreadable,
		Level podLevel, List<Violation> refusedChecks) {

	/** The namespace label whose level the admission controller enforces. */
	static final String ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

	public NamespaceFit {
		refusedChecks = List.copyOf(refusedChecks);
	}

	/**
	 * The fit of a pod ({@code podSecurity} null when it could not be rendered) in the
	 * namespace as read, or not found.
	 */
	static NamespaceFit of(String namespace, boolean pod, JsonNode found, PodSecurityResult podSecurity) {
		if (found == null) {
			return new NamespaceFit(namespace, pod, false, null, null, level(podSecurity), List.of());
		}
		String label = found.path("metadata").path("labels").path(ENFORCE_LABEL).asString("");
		Level enforced = null;
		for (Level each : Level.values()) {
			if (each.id().equals(label)) {
				enforced = each;
			}
		}
		List<Violation> refused = List.of();
		if (enforced != null && podSecurity != null) {
			Level enforcedLevel = enforced;
			// a check belongs to the lowest level that has it: baseline's checks are
			// refused by baseline and restricted
			refused = podSecurity.violations()
				.stream()
				.filter((violation) -> violation.level().compareTo(enforcedLevel) <= 0)
				.toList();
		}
		return new NamespaceFit(namespace, pod, true, enforced, null, level(podSecurity), refused);
	}

	/** A namespace that could not be read: nothing is known of its level. */
	static NamespaceFit unreadable(String namespace, boolean pod, String why, PodSecurityResult podSecurity) {
		return new NamespaceFit(namespace, pod, true, null, why, level(podSecurity), List.of());
	}

	private static Level level(PodSecurityResult podSecurity) {
		return (podSecurity == null) ? null : podSecurity.level();
	}

	/**
	 * Whether the cluster would refuse the pod (or, for a workload, its pods) for its Pod
	 * Security level.
	 */
	public boolean refused() {
		return !this.refusedChecks.isEmpty();
	}

	/**
	 * Whether deploying here is bound to fail: no such namespace, or a level it refuses.
	 */
	public boolean blocks() {
		return !this.exists || refused();
	}

	/** Why deploying here is bound to fail, in a sentence; null when it is not. */
	public String reason() {
		if (!this.exists) {
			return "The cluster has no namespace " + this.namespace + ".";
		}
		if (refused()) {
			return "Namespace " + this.namespace + " enforces Pod Security " + this.enforced.id() + " and this pod is "
					+ this.podLevel.id() + ": the cluster will refuse " + (this.pod ? "it" : "to create its pods")
					+ ".";
		}
		return null;
	}

	/**
	 * The change that would make it pass, one line per check, as the evaluator words
	 * them.
	 */
	public List<String> fixes() {
		return this.refusedChecks.stream().map(NamespaceFit::words).toList();
	}

	/**
	 * {@code check_id: reason (detail)}, as the admission controller lists a violation.
	 */
	static String words(Violation violation) {
		return violation.check() + ": " + violation.reason()
				+ ((violation.detail() == null || violation.detail().isEmpty()) ? "" : " (" + violation.detail() + ")");
	}

}
