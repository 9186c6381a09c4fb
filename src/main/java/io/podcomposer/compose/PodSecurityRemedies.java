package io.podcomposer.compose;

import java.util.Locale;
import java.util.Map;

import io.podcomposer.podsecurity.Level;
import io.podcomposer.podsecurity.Violation;

/**
 * What to change for each Pod Security check the pod fails, by the upstream check id. The
 * admission controller says what is wrong; this says what to do instead.
 */
final class PodSecurityRemedies {

	private static final String ELSEWHERE = ", or run the pod in a namespace whose "
			+ "pod-security.kubernetes.io/enforce label is ";

	private static final String OTHERWISE = "change the fields named below";

	/** Keyed by the id in lower case: upstream writes hostNamespaces, the fixtures hostnamespaces. */
	private static final Map<String, String> BY_CHECK = Map.ofEntries(
			Map.entry("privileged", "set securityContext.privileged to false or remove it"),
			Map.entry("hostnamespaces", "remove hostNetwork, hostPID and hostIPC from the pod spec"),
			Map.entry("hostpathvolumes", "use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim instead of "
					+ "the hostPath volume"),
			Map.entry("hostports", "remove hostPort from the ports and reach the pod through a Service"),
			Map.entry("capabilities_baseline", "remove the capability from securityContext.capabilities.add"),
			Map.entry("selinuxoptions", "remove seLinuxOptions.user and .role, and keep type to container_t, "
					+ "container_init_t, container_kvm_t or container_engine_t"),
			Map.entry("procmount", "remove securityContext.procMount or set it to Default"),
			Map.entry("seccompprofile_baseline", "set seccompProfile.type to RuntimeDefault or Localhost, not Unconfined"),
			Map.entry("sysctls", "keep to the safe sysctls, such as net.ipv4.ip_local_port_range, or remove "
					+ "securityContext.sysctls"),
			Map.entry("apparmorprofile", "set appArmorProfile.type to RuntimeDefault or Localhost, not Unconfined"),
			Map.entry("windowshostprocess", "remove windowsOptions.hostProcess"),
			Map.entry("hostprobesandhostlifecycle", "remove host from the probes' and lifecycle hooks' httpGet and "
					+ "tcpSocket, so they reach the pod itself"),
			Map.entry("allowprivilegeescalation", "set securityContext.allowPrivilegeEscalation to false in every "
					+ "container"),
			Map.entry("capabilities_restricted", "add ALL to securityContext.capabilities.drop, and add back at most "
					+ "NET_BIND_SERVICE"),
			Map.entry("runasnonroot", "set securityContext.runAsNonRoot to true on the pod or on every container"),
			Map.entry("runasuser", "run as a user other than 0: change or remove runAsUser"),
			Map.entry("seccompprofile_restricted", "set securityContext.seccompProfile.type to RuntimeDefault on the "
					+ "pod or on every container"),
			Map.entry("restrictedvolumes", "keep to configMap, csi, downwardAPI, emptyDir, ephemeral, "
					+ "persistentVolumeClaim, projected and secret volumes"),
			Map.entry("procmount_restricted", "remove securityContext.procMount or set it to Default"));

	private PodSecurityRemedies() {
	}

	/** What to change, and the level of a namespace that would take the pod as it is. */
	static String of(Violation violation) {
		String change = BY_CHECK.getOrDefault(violation.check().toLowerCase(Locale.ROOT), OTHERWISE);
		// A failed baseline check leaves only privileged namespaces; a failed restricted one, baseline too.
		return change + ELSEWHERE + ((violation.level() == Level.BASELINE) ? "privileged" : "baseline");
	}

}
