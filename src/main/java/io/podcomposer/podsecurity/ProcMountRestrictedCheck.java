package io.podcomposer.podsecurity;

import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * The default /proc masks reduce the attack surface and are required in restricted, user
 * namespace or not (policy 1.35+; upstream lets it override the baseline procMount
 * check).
 * <p>
 * Restricted fields: {@code spec.containers[*].securityContext.procMount}, the same in
 * {@code spec.initContainers[*]} and {@code spec.ephemeralContainers[*]}.
 * <p>
 * Allowed values: undefined/null, "Default".
 */
final class ProcMountRestrictedCheck extends UpstreamCheck {

	ProcMountRestrictedCheck() {
		super("procMount_restricted", Level.RESTRICTED, "remove securityContext.procMount or set it to Default");
	}

	@Override
	public Violation check(PodView pod) {
		return unmasked(this, pod);
	}

	/**
	 * The violation of {@code check} when any container sets a procMount other than
	 * Default.
	 */
	static Violation unmasked(UpstreamCheck check, PodView pod) {
		Set<String> types = new TreeSet<>();
		Offenders offenders = new Offenders();
		for (ContainerRef container : pod.allContainers()) {
			JsonNode procMount = Fields.securityContext(container).path("procMount");
			if (procMount.isString() && !procMount.stringValue().equals("Default")) {
				types.add(procMount.stringValue());
				offenders.container(container, "securityContext.procMount");
			}
		}
		if (offenders.isEmpty()) {
			return null;
		}
		return check.violation("procMount",
				offenders.containers() + " must not set securityContext.procMount to " + Words.joinQuote(types),
				offenders.paths());
	}

}
