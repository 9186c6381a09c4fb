package io.podcomposer.validation;

import java.util.List;

/** Every rule the validator runs: the API server's (errors) and the best-practice hints (warnings). */
final class ValidationRules {

	static final List<ValidationRule> ALL = List.of(
			// best-practice hints
			new MissingResourcesRule(), new MissingReadinessProbeRule(), new ImageTagRule(), new RunAsNonRootRule(),
			new PrivilegedContainerRule(), new WritableRootFilesystemRule(), new HostPathVolumeRule(),
			new ServiceAccountTokenRule(), new DuplicatePortRule(), new UnknownCapabilityRule(),
			new SharedWritableVolumeRule());

	private ValidationRules() {
	}

}
