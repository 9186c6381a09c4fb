package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code termination-message-policy}: every container's {@code terminationMessagePolicy}
 * is {@code File} or {@code FallbackToLogsOnError}; unset, the API server sets
 * {@code File}.
 */
final class TerminationMessagePolicyRule extends ApiServerRule {

	private static final AllowedValues POLICIES = new AllowedValues("File", "FallbackToLogsOnError");

	TerminationMessagePolicyRule() {
		super("termination-message-policy");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			POLICIES.check(container.node().path("terminationMessagePolicy"),
					container.path("terminationMessagePolicy"), findings);
		}
	}

}
