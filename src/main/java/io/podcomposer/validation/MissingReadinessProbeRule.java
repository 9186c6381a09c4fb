package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * Long-running containers without a {@code readinessProbe}: the containers and sidecars
 * of a Pod, Deployment, ReplicaSet, StatefulSet or DaemonSet. Without one, a Service
 * sends traffic as soon as the process starts. Jobs and CronJobs run to completion, and
 * init containers finish before the pod is ready, so neither needs one.
 */
final class MissingReadinessProbeRule implements ValidationRule {

	@Override
	public String id() {
		return "missing-readiness-probe";
	}

	@Override
	public Severity severity() {
		return Severity.WARNING;
	}

	@Override
	public void check(PodView pod, Findings findings) {
		if (pod.kind().isBatch()) {
			return;
		}
		for (ContainerRef container : PodParts.runningTogether(pod)) {
			if (!container.node().path("readinessProbe").isObject()) {
				findings.add(container.path("readinessProbe"),
						"no readiness probe: add one so that Services send traffic only once the container is ready");
			}
		}
	}

}
