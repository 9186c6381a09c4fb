package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * {@code image-pull-policy}: every container's {@code imagePullPolicy} is {@code Always},
 * {@code IfNotPresent} or {@code Never}; unset, the API server picks one from the image
 * tag.
 */
final class ImagePullPolicyRule extends ApiServerRule {

	private static final AllowedValues POLICIES = new AllowedValues("Always", "IfNotPresent", "Never");

	ImagePullPolicyRule() {
		super("image-pull-policy");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			POLICIES.check(container.node().path("imagePullPolicy"), container.path("imagePullPolicy"), findings);
		}
	}

}
