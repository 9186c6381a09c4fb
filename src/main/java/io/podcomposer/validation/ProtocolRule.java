package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;

/**
 * {@code protocol}: the {@code protocol} of every container port is {@code SCTP},
 * {@code TCP} (the default) or {@code UDP}.
 */
final class ProtocolRule extends ApiServerRule {

	private static final AllowedValues PROTOCOLS = new AllowedValues("SCTP", "TCP", "UDP");

	ProtocolRule() {
		super("protocol");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry port : ListEntry.inEveryContainer(pod, "ports")) {
			String problem = PROTOCOLS.problem(port.get("protocol"));
			if (problem != null) {
				findings.add(port.path("protocol"), problem);
			}
		}
	}

}
