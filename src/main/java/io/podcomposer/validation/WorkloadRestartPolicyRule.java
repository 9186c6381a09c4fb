package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * {@code workload-restart-policy}: the template's {@code restartPolicy} suits the kind.
 * <ul>
 * <li>Deployment, ReplicaSet, StatefulSet, DaemonSet keep pods running: {@code Always},
 * which is also what an unset policy becomes;</li>
 * <li>Job and CronJob run pods to completion: {@code OnFailure} or {@code Never}, and
 * required, as unset becomes {@code Always}.</li>
 * </ul>
 * A value that is none of the three is the {@code restart-policy} rule's.
 */
final class WorkloadRestartPolicyRule extends ApiServerRule {

	private static final String ALWAYS = Messages.supportedValues("Always");

	private static final String ON_FAILURE_OR_NEVER = "valid values: \"OnFailure\", \"Never\"";

	WorkloadRestartPolicyRule() {
		super("workload-restart-policy");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		String policy = Nodes.text(pod.podSpec().path("restartPolicy"));
		if (policy == null && !Nodes.absent(pod.podSpec().path("restartPolicy"))) {
			return;
		}
		String effective = (policy == null || policy.isEmpty()) ? "Always" : policy;
		String path = pod.specPath("restartPolicy");
		if (pod.kind().requiresRestartAlways() && (effective.equals("OnFailure") || effective.equals("Never"))) {
			findings.add(path, Messages.notSupported(effective, ALWAYS));
		}
		if (pod.kind().isBatch() && effective.equals("Always") && Workloads.podSpecReachable(pod)) {
			findings.add(path, Messages.required(ON_FAILURE_OR_NEVER));
		}
	}

}
