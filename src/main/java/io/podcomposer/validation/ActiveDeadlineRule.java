package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * {@code active-deadline}: the pod's {@code activeDeadlineSeconds} is from 1 to 2^31-1. A
 * Deployment, ReplicaSet, StatefulSet or DaemonSet keeps its pods running, so its
 * template may not set it at all.
 */
final class ActiveDeadlineRule extends ApiServerRule {

	private static final String RANGE = "must be between 1 and " + Integer.MAX_VALUE + ", inclusive";

	ActiveDeadlineRule() {
		super("active-deadline");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode deadline = pod.podSpec().path("activeDeadlineSeconds");
		String path = pod.specPath("activeDeadlineSeconds");
		if (pod.kind().requiresRestartAlways()) {
			if (!Nodes.absent(deadline)) {
				findings.add(path, Messages
					.forbidden("activeDeadlineSeconds in " + upstreamKindName(pod.kind()) + " is not Supported"));
			}
			return;
		}
		Long seconds = Nodes.integer(deadline);
		if (seconds != null && (seconds < 1 || seconds > Integer.MAX_VALUE)) {
			findings.add(path, Messages.invalid(seconds, RANGE));
		}
	}

	/** A Deployment's template is checked as a ReplicaSet's, and named so. */
	private static String upstreamKindName(WorkloadKind kind) {
		return (kind == WorkloadKind.DEPLOYMENT) ? WorkloadKind.REPLICA_SET.kindName() : kind.kindName();
	}

}
