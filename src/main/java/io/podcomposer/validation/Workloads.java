package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Where a workload keeps the fields around its pod template, for the rules on those
 * fields.
 */
final class Workloads {

	private Workloads() {
	}

	/**
	 * The spec of the object itself: the pod spec of a Pod, the workload spec of the
	 * others.
	 */
	static JsonNode spec(PodView pod) {
		return pod.root().path("spec");
	}

	/**
	 * Whether every object on the way to the pod spec (spec, template, spec) is an object
	 * or unset: only then does a field missing from the pod spec mean the user left it
	 * out.
	 */
	static boolean podSpecReachable(PodView pod) {
		JsonNode node = pod.root();
		for (String field : pod.kind().templatePath()) {
			node = node.path(field);
			if (!Nodes.objectOrAbsent(node)) {
				return false;
			}
		}
		return Nodes.objectOrAbsent(node.path("spec"));
	}

	/**
	 * A Job's spec, at {@code spec.jobTemplate.spec} in a CronJob; missing for the other
	 * kinds.
	 */
	static JsonNode jobSpec(PodView pod) {
		return switch (pod.kind()) {
			case JOB -> spec(pod);
			case CRON_JOB -> spec(pod).path("jobTemplate").path("spec");
			default -> MissingNode.getInstance();
		};
	}

	static String jobSpecPath(WorkloadKind kind) {
		return (kind == WorkloadKind.CRON_JOB) ? "spec.jobTemplate.spec" : "spec";
	}

}
