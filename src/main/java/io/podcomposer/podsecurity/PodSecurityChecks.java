package io.podcomposer.podsecurity;

import java.util.List;

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

	private PodSecurityChecks() {
	}

}
