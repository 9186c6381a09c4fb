package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code host-aliases}: each of the pod's {@code hostAliases} has an IP address as
 * {@code ip}, and each of its {@code hostnames} is a DNS subdomain.
 */
final class HostAliasesRule extends ApiServerRule {

	HostAliasesRule() {
		super("host-aliases");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry alias : ListEntry.inPodSpec(pod, "hostAliases")) {
			if (!alias.node().isObject()) {
				continue;
			}
			JsonNode ip = alias.get("ip");
			if (Nodes.absent(ip) || ip.isString()) {
				String text = Nodes.absent(ip) ? "" : ip.stringValue();
				for (String problem : IpAddresses.problems(text)) {
					findings.add(alias.path("ip"), Messages.invalid(text, problem));
				}
			}
			JsonNode hostnames = alias.get("hostnames");
			for (int i = 0; i < Nodes.count(hostnames); i++) {
				String hostname = Nodes.text(hostnames.get(i));
				if (hostname != null) {
					for (String problem : Names.dns1123Subdomain(hostname)) {
						findings.add(alias.path("hostnames[" + i + "]"), Messages.invalid(hostname, problem));
					}
				}
			}
		}
	}

}
