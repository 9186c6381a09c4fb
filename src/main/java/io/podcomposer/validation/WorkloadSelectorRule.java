package io.podcomposer.validation;

import java.util.Locale;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * {@code workload-selector}: the {@code spec.selector} of a workload and the labels of
 * its pod template.
 * <ul>
 * <li>Deployment, ReplicaSet, StatefulSet, DaemonSet: a selector is required and may not
 * be empty;</li>
 * <li>Job: the API server makes the selector unless {@code manualSelector} is true; with
 * it, a selector is required, without it none may be given;</li>
 * <li>CronJob: its {@code jobTemplate.spec} may have neither selector nor
 * {@code manualSelector: true};</li>
 * <li>a given selector is well formed: label syntax in {@code matchLabels}, and in
 * {@code matchExpressions} a qualified {@code key}, an {@code operator} of {@code In},
 * {@code NotIn} (with {@code values}), {@code Exists} or {@code DoesNotExist}
 * (without);</li>
 * <li>and it selects the template's labels ({@code spec.template.metadata.labels}).</li>
 * </ul>
 * Selectors are shown as JSON where the API server prints its Go struct.
 */
final class WorkloadSelectorRule extends ApiServerRule {

	private static final String MANUAL_SELECTOR_VALUES = Messages.supportedValues("nil", "false");

	WorkloadSelectorRule() {
		super("workload-selector");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		WorkloadKind kind = pod.kind();
		JsonNode spec = Workloads.spec(pod);
		if (kind == WorkloadKind.CRON_JOB) {
			checkCronJobTemplate(Workloads.jobSpec(pod), findings);
			return;
		}
		JsonNode selector = spec.path("selector");
		JsonNode labels = pod.podMetadata().path("labels");
		boolean manual = Nodes.isTrue(spec.path("manualSelector"));
		if (kind == WorkloadKind.JOB && !manual) {
			if (selector.isObject() && !LabelSelectors.isEmpty(selector)) {
				findings.add("spec.selector", Messages.invalid(selector, "`selector` not auto-generated"));
			}
			return;
		}
		if (kind.isPod() || !Nodes.objectOrAbsent(spec)) {
			return;
		}
		if (Nodes.absent(selector)) {
			findings.add("spec.selector", Messages.REQUIRED);
			return;
		}
		if (!selector.isObject() || !LabelSelectors.check(selector, "spec.selector", findings)) {
			return;
		}
		if (LabelSelectors.isEmpty(selector) && kind != WorkloadKind.JOB) {
			findings.add("spec.selector", Messages.invalid(selector,
					"empty selector is invalid for " + kind.kindName().toLowerCase(Locale.ROOT)));
		}
		else if (labelsKnown(pod) && !LabelSelectors.matches(selector, labels)) {
			findings.add(pod.metadataPath("labels"), Messages.invalidAsShown(LabelSelectors.goMap(labels),
					"`selector` does not match template `labels`"));
		}
	}

	/**
	 * Labels of the wrong type, or under a template of the wrong type, are the structure
	 * rule's.
	 */
	private static boolean labelsKnown(PodView pod) {
		JsonNode labels = pod.podMetadata().path("labels");
		return Workloads.podSpecReachable(pod) && Nodes.objectOrAbsent(pod.podMetadata())
				&& (Nodes.absent(labels) || labels.isObject() && labels.values().stream().allMatch(JsonNode::isString));
	}

	private static void checkCronJobTemplate(JsonNode jobSpec, Findings findings) {
		JsonNode selector = jobSpec.path("selector");
		if (!Nodes.absent(selector)) {
			findings.add("spec.jobTemplate.spec.selector",
					Messages.invalid(selector, "`selector` will be auto-generated"));
		}
		if (Nodes.isTrue(jobSpec.path("manualSelector"))) {
			findings.add("spec.jobTemplate.spec.manualSelector", "Unsupported value: true: " + MANUAL_SELECTOR_VALUES);
		}
	}

}
