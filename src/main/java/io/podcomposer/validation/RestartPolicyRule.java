package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;

/**
 * {@code restart-policy}: the pod's {@code restartPolicy} is {@code Always} (the
 * default), {@code OnFailure} or {@code Never}. What a workload kind allows of these is
 * the {@code workload-restart-policy} rule's.
 */
final class RestartPolicyRule extends ApiServerRule {

	private static final AllowedValues POLICIES = new AllowedValues("Always", "OnFailure", "Never");

	RestartPolicyRule() {
		super("restart-policy");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		POLICIES.check(pod.podSpec().path("restartPolicy"), pod.specPath("restartPolicy"), findings);
	}

}
