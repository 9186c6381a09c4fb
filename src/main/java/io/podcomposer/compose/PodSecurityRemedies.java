package io.podcomposer.compose;

import java.util.Locale;
import java.util.Map;

/**
 * What to change for each Pod Security check the pod fails, by the upstream check id. The
 * admission controller says what is wrong; this says what to do instead.
 */
final class PodSecurityRemedies {

	private static final String ELSEWHERE = ", or run the pod in a namespace whose "
			+ "pod-security.kubernetes.io/enforce label is ";

	/** Keyed by the id in lower case: upstream writes hostNamespaces, the fixtures hostnamespaces. */
	private static final Map<String, String> BY_CHECK = Map.ofEntries(
			Map.entry("privileged", "set securityContext.privileged to false or remove it" + ELSEWHERE + "privileged"),
			Map.entry("hostnamespaces", "remove hostNetwork, hostPID and hostIPC from the pod spec" + ELSEWHERE
					+ "privileged"),
			Map.entry("hostpathvolumes", "use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim instead of "
					+ "the hostPath volume" + ELSEWHERE + "privileged"),
			Map.entry("hostports", "remove hostPort from the ports and reach the pod through a Service" + ELSEWHERE
					+ "privileged"),
			Map.entry("capabilities_baseline", "remove the capability from securityContext.capabilities.add"
					+ ELSEWHERE + "privileged"),
			Map.entry("selinuxoptions", "remove seLinuxOptions.user and .role, and keep type to container_t, "
					+ "container_init_t, container_kvm_t or container_engine_t" + ELSEWHERE + "privileged"),
			Map.entry("procmount", "remove securityContext.procMount or set it to Default" + ELSEWHERE + "privileged"),
			Map.entry("seccompprofile_baseline", "set seccompProfile.type to RuntimeDefault or Localhost, not Unconfined"
					+ ELSEWHERE + "privileged"),
			Map.entry("sysctls", "keep to the safe sysctls, such as net.ipv4.ip_local_port_range, or remove "
					+ "securityContext.sysctls" + ELSEWHERE + "privileged"),
			Map.entry("apparmorprofile", "set appArmorProfile.type to RuntimeDefault or Localhost, not Unconfined"
					+ ELSEWHERE + "privileged"),
			Map.entry("windowshostprocess", "remove windowsOptions.hostProcess" + ELSEWHERE + "privileged"),
			Map.entry("hostprobesandhostlifecycle", "remove host from the probes' and lifecycle hooks' httpGet and "
					+ "tcpSocket, so they reach the pod itself" + ELSEWHERE + "privileged"),
			Map.entry("allowprivilegeescalation", "set securityContext.allowPrivilegeEscalation to false in every "
					+ "container" + ELSEWHERE + "baseline"),
			Map.entry("capabilities_restricted", "add ALL to securityContext.capabilities.drop, and add back at most "
					+ "NET_BIND_SERVICE" + ELSEWHERE + "baseline"),
			Map.entry("runasnonroot", "set securityContext.runAsNonRoot to true on the pod or on every container"
					+ ELSEWHERE + "baseline"),
			Map.entry("runasuser", "run as a user other than 0: change or remove runAsUser" + ELSEWHERE + "baseline"),
			Map.entry("seccompprofile_restricted", "set securityContext.seccompProfile.type to RuntimeDefault on the "
					+ "pod or on every container" + ELSEWHERE + "baseline"),
			Map.entry("restrictedvolumes", "keep to configMap, csi, downwardAPI, emptyDir, ephemeral, "
					+ "persistentVolumeClaim, projected and secret volumes" + ELSEWHERE + "baseline"),
			Map.entry("procmount_restricted", "remove securityContext.procMount or set it to Default" + ELSEWHERE
					+ "baseline"));

	private PodSecurityRemedies() {
	}

	static String of(String check) {
		String remedy = BY_CHECK.get(check.toLowerCase(Locale.ROOT));
		return (remedy != null) ? remedy
				: "change the fields named below, or run the pod in a namespace that enforces a lower level";
	}

}
