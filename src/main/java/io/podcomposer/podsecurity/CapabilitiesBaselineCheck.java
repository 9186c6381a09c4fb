package io.podcomposer.podsecurity;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * Adding NET_RAW or any capability beyond the container runtime's default set must be
 * disallowed.
 * <p>
 * Restricted fields: {@code spec.containers[*].securityContext.capabilities.add}, the
 * same in {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: undefined, empty, or values from the default set AUDIT_WRITE, CHOWN,
 * DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP,
 * SETUID, SYS_CHROOT (exactly so written: not "chown", not "CAP_CHOWN").
 */
final class CapabilitiesBaselineCheck extends UpstreamCheck {

	private static final Set<String> DEFAULT_SET = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID",
			"KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

	CapabilitiesBaselineCheck() {
		super("capabilities_baseline", Level.BASELINE, "remove the capability from securityContext.capabilities.add");
	}

	@Override
	public Violation check(PodView pod) {
		Set<String> added = new TreeSet<>();
		Offenders offenders = addingBeyond(pod, DEFAULT_SET::contains, added);
		return offenders.isEmpty() ? null
				: violation("non-default capabilities", mustNotInclude(offenders, added), offenders.paths());
	}

	/**
	 * The containers that add a capability {@code allowed} rejects; those capabilities go
	 * into {@code added}, sorted as upstream lists them.
	 */
	static Offenders addingBeyond(PodView pod, Predicate<String> allowed, Set<String> added) {
		Offenders offenders = new Offenders();
		for (ContainerRef container : pod.allContainers()) {
			boolean adds = false;
			for (JsonNode capability : Nodes
				.array(Fields.securityContext(container).path("capabilities").path("add"))) {
				if (capability.isString() && !allowed.test(capability.stringValue())) {
					adds = true;
					added.add(capability.stringValue());
				}
			}
			if (adds) {
				offenders.container(container, "securityContext.capabilities.add");
			}
		}
		return offenders;
	}

	static String mustNotInclude(Offenders offenders, Set<String> added) {
		return offenders.containers() + " must not include " + Words.joinQuote(added)
				+ " in securityContext.capabilities.add";
	}

}
