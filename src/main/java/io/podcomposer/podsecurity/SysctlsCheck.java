package io.podcomposer.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * Sysctls can turn off security mechanisms or affect every pod on the node; only the
 * "safe" ones, namespaced to the pod and isolated from other pods, are allowed (the list
 * of policy 1.37).
 * <p>
 * Restricted fields: {@code spec.securityContext.sysctls[*].name}.
 * <p>
 * Allowed values: kernel.shm_rmid_forced, net.ipv4.ip_local_port_range,
 * net.ipv4.tcp_syncookies, net.ipv4.ping_group_range,
 * net.ipv4.ip_unprivileged_port_start, net.ipv4.ip_local_reserved_ports,
 * net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl,
 * net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_rmem, net.ipv4.tcp_wmem,
 * net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat.
 */
final class SysctlsCheck extends UpstreamCheck {

	private static final Set<String> SAFE = Set.of(
			// 1.0
			"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
			"net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
			// 1.27
			"net.ipv4.ip_local_reserved_ports",
			// 1.29
			"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
			"net.ipv4.tcp_keepalive_probes",
			// 1.32
			"net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
			// 1.37
			"net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

	SysctlsCheck() {
		super("sysctls", Level.BASELINE,
				"keep to the safe sysctls, such as net.ipv4.ip_local_port_range, or remove securityContext.sysctls");
	}

	@Override
	public Violation check(PodView pod) {
		JsonNode sysctls = Nodes.array(Fields.podSecurityContext(pod).path("sysctls"));
		List<String> forbidden = null;
		List<String> paths = null;
		for (int i = 0; i < sysctls.size(); i++) {
			String name = Nodes.textOrEmpty(sysctls.get(i).path("name"));
			if (!SAFE.contains(name)) {
				if (forbidden == null) {
					forbidden = new ArrayList<>(2);
					paths = new ArrayList<>(2);
				}
				forbidden.add(name);
				paths.add(pod.specPath("securityContext.sysctls[" + i + "].name"));
			}
		}
		return (forbidden == null) ? null : violation("forbidden sysctls", String.join(", ", forbidden), paths);
	}

}
