package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code workload-counts}: the workload's counts and durations are not negative.
 * <ul>
 * <li>Deployment, ReplicaSet, StatefulSet: {@code replicas}; with DaemonSet also
 * {@code minReadySeconds}; Deployment and DaemonSet also {@code revisionHistoryLimit}
 * (upstream leaves a StatefulSet's unchecked); Deployment also
 * {@code progressDeadlineSeconds}.</li>
 * <li>Job, and a CronJob's {@code jobTemplate.spec}: {@code parallelism},
 * {@code completions}, {@code backoffLimit}, {@code activeDeadlineSeconds},
 * {@code ttlSecondsAfterFinished}.</li>
 * <li>CronJob: {@code startingDeadlineSeconds}, {@code successfulJobsHistoryLimit},
 * {@code failedJobsHistoryLimit}.</li>
 * </ul>
 */
final class WorkloadCountsRule extends ApiServerRule {

	private static final String[] JOB = { "parallelism", "completions", "backoffLimit", "activeDeadlineSeconds",
			"ttlSecondsAfterFinished" };

	private static final String[] CRON_JOB = { "startingDeadlineSeconds", "successfulJobsHistoryLimit",
			"failedJobsHistoryLimit" };

	WorkloadCountsRule() {
		super("workload-counts");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode spec = Workloads.spec(pod);
		switch (pod.kind()) {
			case DEPLOYMENT -> checkFields(spec, "spec", findings, "replicas", "minReadySeconds",
					"revisionHistoryLimit", "progressDeadlineSeconds");
			case REPLICA_SET -> checkFields(spec, "spec", findings, "replicas", "minReadySeconds");
			case STATEFUL_SET -> checkFields(spec, "spec", findings, "replicas", "minReadySeconds");
			case DAEMON_SET -> checkFields(spec, "spec", findings, "minReadySeconds", "revisionHistoryLimit");
			case CRON_JOB -> checkFields(spec, "spec", findings, CRON_JOB);
			default -> {
			}
		}
		if (pod.kind().isBatch()) {
			checkFields(Workloads.jobSpec(pod), Workloads.jobSpecPath(pod.kind()), findings, JOB);
		}
	}

	private static void checkFields(JsonNode spec, String path, Findings findings, String... fields) {
		for (String field : fields) {
			Long value = Nodes.integer(spec.path(field));
			if (value != null && value < 0) {
				findings.add(path + "." + field, Messages.invalid(value, Messages.NOT_NEGATIVE));
			}
		}
	}

}
