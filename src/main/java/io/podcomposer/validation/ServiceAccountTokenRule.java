package io.podcomposer.validation;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;

/**
 * The service-account token mounted when nothing asks for it:
 * {@code automountServiceAccountToken} is not false and neither
 * {@code serviceAccountName} nor the older {@code serviceAccount} is set. A pod that does
 * not call the Kubernetes API then carries a credential it never uses.
 */
final class ServiceAccountTokenRule implements ValidationRule {

	@Override
	public String id() {
		return "service-account-token";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode automount = pod.podSpec().path("automountServiceAccountToken");
		boolean mounted = !automount.isBoolean() || automount.booleanValue();
		boolean named = !PodParts.text(pod.podSpec().path("serviceAccountName")).isBlank()
				|| !PodParts.text(pod.podSpec().path("serviceAccount")).isBlank();
		if (mounted && !named) {
			findings.add(pod.specPath("automountServiceAccountToken"),
					"the default service account's token is mounted: set automountServiceAccountToken to false "
							+ "unless the pod calls the Kubernetes API");
		}
	}

}
