package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code update-strategy}: how a Deployment, DaemonSet or StatefulSet replaces its pods,
 * with the API server's defaults filled in first (so a field left out counts as its
 * default).
 * <ul>
 * <li>Deployment {@code strategy}: no {@code rollingUpdate} with {@code type: Recreate};
 * for {@code RollingUpdate} (the default), {@code maxUnavailable} and {@code maxSurge}
 * (25% each by default) are counts of 0 or more or percentages, not both 0, and
 * {@code maxUnavailable} is not above 100%. {@code progressDeadlineSeconds} (600 by
 * default) is above {@code minReadySeconds}.</li>
 * <li>DaemonSet {@code updateStrategy.rollingUpdate}: {@code maxUnavailable} (1 by
 * default) and {@code maxSurge} (0) are such counts, neither above 100%, and exactly one
 * of them is not 0.</li>
 * <li>StatefulSet: {@code podManagementPolicy} is {@code OrderedReady} (the default) or
 * {@code Parallel}; {@code updateStrategy.rollingUpdate.partition} is not negative and
 * its {@code maxUnavailable}, when set, is such a count, not 0 and not above 100%;
 * {@code ordinals.start} is not negative; {@code persistentVolumeClaimRetentionPolicy}'s
 * {@code whenDeleted} and {@code whenScaled} are {@code Retain} (the default) or
 * {@code Delete}.</li>
 * </ul>
 * A strategy's {@code type} is one of its kind's ({@code Recreate} or
 * {@code RollingUpdate} for a Deployment, {@code RollingUpdate} or {@code OnDelete} for
 * the others), and a StatefulSet's {@code OnDelete} has no {@code rollingUpdate};
 * upstream prints the whole strategy as a Go struct there, we print its type. Counts are
 * shown as Go prints an {@code intstr.IntOrString}, as upstream does.
 */
final class UpdateStrategyRule extends ApiServerRule {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonNode DEPLOYMENT_DEFAULT = NODES.stringNode("25%");

	private static final long DEFAULT_PROGRESS_DEADLINE = 600;

	private static final String RETENTION = Messages.supportedValues("Retain", "Delete");

	private static final AllowedValues DEPLOYMENT_TYPES = new AllowedValues("Recreate", "RollingUpdate");

	private static final AllowedValues DAEMON_SET_TYPES = new AllowedValues("RollingUpdate", "OnDelete");

	UpdateStrategyRule() {
		super("update-strategy");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode spec = Workloads.spec(pod);
		switch (pod.kind()) {
			case DEPLOYMENT -> checkDeployment(spec, findings);
			case DAEMON_SET -> checkDaemonSet(spec, findings);
			case STATEFUL_SET -> checkStatefulSet(spec, findings);
			default -> {
			}
		}
	}

	private static void checkDeployment(JsonNode spec, Findings findings) {
		JsonNode strategy = spec.path("strategy");
		String type = Nodes.absent(strategy.path("type")) ? "RollingUpdate" : Nodes.text(strategy.path("type"));
		JsonNode rollingUpdate = strategy.path("rollingUpdate");
		DEPLOYMENT_TYPES.check(strategy.path("type"), "spec.strategy", findings);
		if ("Recreate".equals(type) && !Nodes.absent(rollingUpdate)) {
			findings.add("spec.strategy.rollingUpdate",
					Messages.forbidden("may not be specified when strategy `type` is 'Recreate'"));
		}
		else if ("RollingUpdate".equals(type) && Nodes.objectOrAbsent(rollingUpdate)) {
			String path = "spec.strategy.rollingUpdate";
			IntOrPercent maxUnavailable = count(rollingUpdate.path("maxUnavailable"), DEPLOYMENT_DEFAULT);
			IntOrPercent maxSurge = count(rollingUpdate.path("maxSurge"), DEPLOYMENT_DEFAULT);
			checkCount(maxUnavailable, path + ".maxUnavailable", findings);
			checkCount(maxSurge, path + ".maxSurge", findings);
			if (maxUnavailable != null && maxSurge != null && maxUnavailable.value() == 0 && maxSurge.value() == 0) {
				findings.add(path + ".maxUnavailable",
						Messages.invalidAsShown(maxUnavailable.goValue(), "may not be 0 when `maxSurge` is 0"));
			}
			checkNotAbove100Percent(maxUnavailable, path + ".maxUnavailable", findings);
		}
		Long minReady = Nodes.integer(spec.path("minReadySeconds"));
		JsonNode deadlineNode = spec.path("progressDeadlineSeconds");
		Long deadline = Nodes.absent(deadlineNode) ? Long.valueOf(DEFAULT_PROGRESS_DEADLINE)
				: Nodes.integer(deadlineNode);
		if (deadline != null && deadline <= ((minReady != null) ? minReady : 0)) {
			findings.add("spec.progressDeadlineSeconds",
					Messages.invalid(deadline, "must be greater than minReadySeconds"));
		}
	}

	private static void checkDaemonSet(JsonNode spec, Findings findings) {
		JsonNode strategy = spec.path("updateStrategy");
		JsonNode type = strategy.path("type");
		JsonNode rollingUpdate = strategy.path("rollingUpdate");
		DAEMON_SET_TYPES.check(type, "spec.updateStrategy", findings);
		if (!(Nodes.absent(type) || "RollingUpdate".equals(Nodes.text(type))) || !Nodes.objectOrAbsent(rollingUpdate)) {
			return;
		}
		String path = "spec.updateStrategy.rollingUpdate";
		IntOrPercent maxUnavailable = count(rollingUpdate.path("maxUnavailable"), NODES.numberNode(1));
		IntOrPercent maxSurge = count(rollingUpdate.path("maxSurge"), NODES.numberNode(0));
		checkCount(maxUnavailable, path + ".maxUnavailable", findings);
		checkCount(maxSurge, path + ".maxSurge", findings);
		checkNotAbove100Percent(maxUnavailable, path + ".maxUnavailable", findings);
		checkNotAbove100Percent(maxSurge, path + ".maxSurge", findings);
		if (maxUnavailable == null || maxSurge == null) {
			return;
		}
		boolean hasUnavailable = maxUnavailable.value() != 0;
		boolean hasSurge = maxSurge.value() != 0;
		if (hasUnavailable && hasSurge) {
			findings.add(path + ".maxSurge",
					Messages.invalidAsShown(maxSurge.goValue(), "may not be set when maxUnavailable is non-zero"));
		}
		else if (!hasUnavailable && !hasSurge) {
			findings.add(path + ".maxUnavailable", Messages.required("cannot be 0 when maxSurge is 0"));
		}
	}

	private static void checkStatefulSet(JsonNode spec, Findings findings) {
		String policy = Nodes.text(spec.path("podManagementPolicy"));
		// an empty policy is defaulted, as an unset one
		if (policy != null && !policy.isEmpty() && !policy.equals("OrderedReady") && !policy.equals("Parallel")) {
			findings.add("spec.podManagementPolicy", Messages.invalid(policy, "must be 'OrderedReady' or 'Parallel'"));
		}
		JsonNode strategy = spec.path("updateStrategy");
		JsonNode type = strategy.path("type");
		JsonNode rollingUpdate = strategy.path("rollingUpdate");
		String typeName = Nodes.nonEmptyText(type);
		if (typeName != null && !typeName.equals("RollingUpdate") && !typeName.equals("OnDelete")) {
			findings.add("spec.updateStrategy", Messages.invalid(typeName, "must be 'RollingUpdate' or 'OnDelete'"));
		}
		else if ("OnDelete".equals(typeName) && !Nodes.absent(rollingUpdate)) {
			findings.add("spec.updateStrategy.rollingUpdate",
					Messages.invalid("", "only allowed for updateStrategy 'RollingUpdate'"));
		}
		if ((Nodes.absent(type) || "RollingUpdate".equals(Nodes.text(type))) && rollingUpdate.isObject()) {
			String path = "spec.updateStrategy.rollingUpdate";
			Long partition = Nodes.integer(rollingUpdate.path("partition"));
			if (partition != null && partition < 0) {
				findings.add(path + ".partition", Messages.invalid(partition, Messages.NOT_NEGATIVE));
			}
			IntOrPercent maxUnavailable = IntOrPercent.of(rollingUpdate.path("maxUnavailable"));
			checkCount(maxUnavailable, path + ".maxUnavailable", findings);
			if (maxUnavailable != null && maxUnavailable.value() == 0) {
				findings.add(path + ".maxUnavailable",
						Messages.invalidAsShown(maxUnavailable.goValue(), "cannot be 0"));
			}
			checkNotAbove100Percent(maxUnavailable, path + ".maxUnavailable", findings);
		}
		Long start = Nodes.integer(spec.path("ordinals").path("start"));
		if (start != null && start < 0) {
			findings.add("spec.ordinals.start", Messages.invalid(start, Messages.NOT_NEGATIVE));
		}
		JsonNode retention = spec.path("persistentVolumeClaimRetentionPolicy");
		for (String field : new String[] { "whenDeleted", "whenScaled" }) {
			String value = Nodes.text(retention.path(field));
			if (value != null && !value.equals("Retain") && !value.equals("Delete")) {
				findings.add("spec.persistentVolumeClaimRetentionPolicy." + field,
						Messages.notSupported(value, RETENTION));
			}
		}
	}

	/**
	 * The count a field holds, its default when unset; null when it holds another type.
	 */
	private static IntOrPercent count(JsonNode node, JsonNode byDefault) {
		return IntOrPercent.of(Nodes.absent(node) ? byDefault : node);
	}

	private static void checkCount(IntOrPercent count, String path, Findings findings) {
		if (count == null) {
			return;
		}
		if (count.isMalformedString()) {
			findings.add(path, Messages.invalidAsShown(count.goValue(), IntOrPercent.PERCENT_ERROR));
		}
		else if (!count.isPercent() && count.value() < 0) {
			findings.add(path, Messages.invalid(count.value(), Messages.NOT_NEGATIVE));
		}
	}

	private static void checkNotAbove100Percent(IntOrPercent count, String path, Findings findings) {
		if (count != null && count.isPercent() && count.value() > 100) {
			findings.add(path, Messages.invalidAsShown(count.goValue(), "must not be greater than 100%"));
		}
	}

}
