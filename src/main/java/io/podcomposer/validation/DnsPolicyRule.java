package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;

/**
 * {@code dns-policy}: the pod's {@code dnsPolicy} is {@code ClusterFirstWithHostNet},
 * {@code ClusterFirst} (the default), {@code Default} or {@code None}.
 */
final class DnsPolicyRule extends ApiServerRule {

	private static final AllowedValues POLICIES = new AllowedValues("ClusterFirstWithHostNet", "ClusterFirst",
			"Default", "None");

	DnsPolicyRule() {
		super("dns-policy");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		POLICIES.check(pod.podSpec().path("dnsPolicy"), pod.specPath("dnsPolicy"), findings);
	}

}
