package io.podcomposer.podsecurity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Every check of the latest policy version, baseline and restricted. */
final class PodSecurityChecks {

	static final List<PodSecurityCheck> ALL = List.of(
			// baseline
			new PrivilegedCheck(), new HostNamespacesCheck(), new HostPathVolumesCheck(), new HostPortsCheck(),
			new HostProbesAndHostLifecycleCheck(), new CapabilitiesBaselineCheck(), new AppArmorProfileCheck(),
			new SeLinuxOptionsCheck(), new ProcMountBaselineCheck(), new SeccompProfileBaselineCheck(),
			new SysctlsCheck(), new WindowsHostProcessCheck(),
			// restricted
			new RestrictedVolumesCheck(), new AllowPrivilegeEscalationCheck(), new RunAsNonRootCheck(),
			new RunAsUserCheck(), new SeccompProfileRestrictedCheck(), new CapabilitiesRestrictedCheck(),
			new ProcMountRestrictedCheck());

	/**
	 * Keyed by the id in lower case: upstream writes hostNamespaces, the fixtures
	 * hostnamespaces.
	 */
	private static final Map<String, String> REMEDIES = ALL.stream()
		.collect(
				Collectors.toUnmodifiableMap((check) -> check.id().toLowerCase(Locale.ROOT), PodSecurityCheck::remedy));

	private PodSecurityChecks() {
	}

	/**
	 * The remedy of the check with this id, or a pointer to the fields for an id no check
	 * has.
	 */
	static String remedy(String checkId) {
		return REMEDIES.getOrDefault(checkId.toLowerCase(Locale.ROOT), "change the fields named below");
	}

}
