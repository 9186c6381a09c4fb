package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * {@code probe-timings}: the timings of every probe of a container or sidecar.
 * <ul>
 * <li>{@code initialDelaySeconds}, {@code timeoutSeconds}, {@code periodSeconds},
 * {@code successThreshold} and {@code failureThreshold} are not negative. 0 is allowed:
 * the API server reads it as unset and puts the default there (0, 1, 10, 1 and 3 seconds
 * or times).</li>
 * <li>a liveness or startup probe has a {@code successThreshold} of 1 (or 0, the default
 * 1).</li>
 * <li>a probe's {@code terminationGracePeriodSeconds} is above 0, and not set on a
 * readiness probe.</li>
 * </ul>
 */
final class ProbeTimingsRule extends ApiServerRule {

	private static final String[] NOT_NEGATIVE = { "initialDelaySeconds", "timeoutSeconds", "periodSeconds",
			"successThreshold", "failureThreshold" };

	ProbeTimingsRule() {
		super("probe-timings");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (Probe probe : Probe.of(pod)) {
			for (String field : NOT_NEGATIVE) {
				Long value = Nodes.integer(probe.node().path(field));
				if (value != null && value < 0) {
					findings.add(probe.path(field), Messages.invalid(value, Messages.NOT_NEGATIVE));
				}
			}
			boolean readiness = probe.name().equals("readinessProbe");
			Long success = Nodes.integer(probe.node().path("successThreshold"));
			if (!readiness && success != null && success != 0 && success != 1) {
				findings.add(probe.path("successThreshold"), Messages.invalid(success, "must be 1"));
			}
			Long grace = Nodes.integer(probe.node().path("terminationGracePeriodSeconds"));
			if (readiness && grace != null) {
				findings.add(probe.path("terminationGracePeriodSeconds"),
						Messages.invalid(grace, "must not be set for readinessProbes"));
			}
			else if (grace != null && grace <= 0) {
				findings.add(probe.path("terminationGracePeriodSeconds"),
						Messages.invalid(grace, "must be greater than 0"));
			}
		}
	}

}
