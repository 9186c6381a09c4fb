package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code job-modes}: a Job's (or a CronJob's {@code jobTemplate.spec}) completion mode
 * and the fields that depend on it.
 * <ul>
 * <li>{@code completionMode} is {@code NonIndexed} (the default) or {@code Indexed};</li>
 * <li>an {@code Indexed} Job sets {@code completions}, and at most 100000
 * {@code parallelism};</li>
 * <li>{@code backoffLimitPerIndex} and {@code maxFailedIndexes} are not negative and need
 * the {@code Indexed} mode; {@code maxFailedIndexes} needs {@code backoffLimitPerIndex},
 * and is at most {@code completions} and 100000;</li>
 * <li>{@code podReplacementPolicy} is {@code Failed} or {@code TerminatingOrFailed}, only
 * {@code Failed} with a {@code podFailurePolicy}, which also needs
 * {@code restartPolicy: Never}.</li>
 * </ul>
 */
final class JobModesRule extends ApiServerRule {

	private static final long MAX_INDEXED_PARALLELISM = 100_000;

	private static final long MAX_FAILED_INDEXES = 100_000;

	private static final String MODES = Messages.supportedValues("NonIndexed", "Indexed");

	private static final String REPLACEMENT_POLICIES = Messages.supportedValues("Failed", "TerminatingOrFailed");

	private static final String FAILED_ONLY = Messages.supportedValues("Failed");

	JobModesRule() {
		super("job-modes");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		if (!pod.kind().isBatch()) {
			return;
		}
		JsonNode spec = Workloads.jobSpec(pod);
		String path = Workloads.jobSpecPath(pod.kind());
		String mode = Nodes.text(spec.path("completionMode"));
		if (mode != null && !mode.equals("NonIndexed") && !mode.equals("Indexed")) {
			findings.add(path + ".completionMode", Messages.notSupported(mode, MODES));
		}
		boolean indexed = "Indexed".equals(mode);
		Long completions = Nodes.integer(spec.path("completions"));
		Long parallelism = Nodes.integer(spec.path("parallelism"));
		Long perIndex = Nodes.integer(spec.path("backoffLimitPerIndex"));
		Long maxFailed = Nodes.integer(spec.path("maxFailedIndexes"));
		checkNotNegative(perIndex, path + ".backoffLimitPerIndex", findings);
		checkNotNegative(maxFailed, path + ".maxFailedIndexes", findings);
		if (maxFailed != null && Nodes.absent(spec.path("backoffLimitPerIndex"))) {
			findings.add(path + ".backoffLimitPerIndex", Messages.required("when maxFailedIndexes is specified"));
		}
		if (indexed) {
			if (Nodes.absent(spec.path("completions"))) {
				findings.add(path + ".completions", Messages.required("when completion mode is Indexed"));
			}
			if (parallelism != null && parallelism > MAX_INDEXED_PARALLELISM) {
				findings.add(path + ".parallelism", Messages.invalid(parallelism, "must be less than or equal to "
						+ MAX_INDEXED_PARALLELISM + " when completion mode is Indexed"));
			}
			if (completions != null && maxFailed != null && maxFailed > completions) {
				findings.add(path + ".maxFailedIndexes",
						Messages.invalid(maxFailed, "must be less than or equal to completions"));
			}
			if (maxFailed != null && maxFailed > MAX_FAILED_INDEXES) {
				findings.add(path + ".maxFailedIndexes",
						Messages.invalid(maxFailed, "must be less than or equal to " + MAX_FAILED_INDEXES));
			}
		}
		else if (mode == null || mode.equals("NonIndexed")) {
			if (perIndex != null) {
				findings.add(path + ".backoffLimitPerIndex",
						Messages.invalid(perIndex, "requires indexed completion mode"));
			}
			if (maxFailed != null) {
				findings.add(path + ".maxFailedIndexes",
						Messages.invalid(maxFailed, "requires indexed completion mode"));
			}
		}
		checkPodFailurePolicy(pod, spec, path, findings);
	}

	private static void checkPodFailurePolicy(PodView pod, JsonNode spec, String path, Findings findings) {
		boolean failurePolicy = spec.path("podFailurePolicy").isObject();
		String replacement = Nodes.text(spec.path("podReplacementPolicy"));
		if (replacement != null) {
			if (failurePolicy && !replacement.equals("Failed")) {
				findings.add(path + ".podReplacementPolicy", Messages.notSupported(replacement, FAILED_ONLY));
			}
			else if (!failurePolicy && !replacement.equals("Failed") && !replacement.equals("TerminatingOrFailed")) {
				findings.add(path + ".podReplacementPolicy", Messages.notSupported(replacement, REPLACEMENT_POLICIES));
			}
		}
		String restartPolicy = Nodes.text(pod.podSpec().path("restartPolicy"));
		if (failurePolicy && "OnFailure".equals(restartPolicy)) {
			findings.add(pod.specPath("restartPolicy"),
					Messages.invalid(restartPolicy, "only \"Never\" is supported when podFailurePolicy is specified"));
		}
	}

	private static void checkNotNegative(Long value, String path, Findings findings) {
		if (value != null && value < 0) {
			findings.add(path, Messages.invalid(value, Messages.NOT_NEGATIVE));
		}
	}

}
