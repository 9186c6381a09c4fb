package io.podcomposer.validation;

import java.util.List;

/**
 * Every rule the validator runs: the API server's (errors) and the best-practice hints
 * (warnings).
 */
final class ValidationRules {

	static final List<ValidationRule> ALL = List.of(
			// the API server's rules
			new DuplicateFieldsRule(), new StructureRule(), new NamesRule(), new LabelsRule(), new RequiredRule(),
			new ContainerNamesUniqueRule(), new PortNamesUniqueRule(), new VolumeNamesUniqueRule(),
			new MountPathsUniqueRule(), new VolumeMountsRule(), new SubPathsRule(), new VolumeSourcesRule(),
			new EnvRule(), new PortsRule(), new ProtocolRule(), new ImagePullPolicyRule(),
			new ContainerRestartPolicyRule(), new ProbeHandlersRule(), new ProbePortsRule(), new ProbeTimingsRule(),
			new ResourcesRule(), new RestartPolicyRule(), new DnsPolicyRule(), new TolerationsRule(),
			new HostNamespacesRule(), new ActiveDeadlineRule(), new WorkloadSelectorRule(),
			new WorkloadRestartPolicyRule(), new WorkloadCountsRule(), new CronScheduleRule(), new VolumeRangesRule(),
			new SecurityContextIdsRule(), new DnsConfigRule(), new HostAliasesRule(), new TopologySpreadRule(),
			new UpdateStrategyRule(), new JobModesRule(), new PodSpecNamesRule(), new HostPortsUniqueRule(),
			new AffinityRule(), new TerminationMessagePolicyRule(), new VolumeItemPathsRule(),
			new PrivilegeEscalationRule(), new EphemeralContainersRule(), new ResizePolicyRule(), new FieldValuesRule(),
			new SecurityProfilesRule(), new MountOptionsRule(),
			// best-practice hints
			new MissingResourcesRule(), new MissingReadinessProbeRule(), new ImageTagRule(), new RunAsNonRootRule(),
			new PrivilegedContainerRule(), new WritableRootFilesystemRule(), new HostPathVolumeRule(),
			new ServiceAccountTokenRule(), new DuplicatePortRule(), new UnknownCapabilityRule(),
			new SharedWritableVolumeRule());

	private ValidationRules() {
	}

}
