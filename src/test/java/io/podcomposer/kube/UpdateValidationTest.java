package io.podcomposer.kube;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The fake API server refuses the updates a real one refuses, in its words, and allows
 * the rest.
 */
class UpdateValidationTest {

	private static final String POD = """
			apiVersion: v1
			kind: Pod
			metadata: {name: web}
			spec:
			  containers:
			  - name: web
			    image: nginx:1.27
			""";

	private static final String SUSPENDED_JOB = """
			apiVersion: batch/v1
			kind: Job
			metadata: {name: once}
			spec:
			  suspend: true
			  template:
			    spec:
			      restartPolicy: Never
			      containers: [{name: once, image: busybox:1.37}]
			""";

	private final FakeKubernetes fake = FakeKubernetes.start("fake-token-for-update-validation");

	@AfterEach
	void stop() {
		fake.close();
	}

	@Test
	void aPodsImageMayChangeButNotItsArgsOrResources() {
		fake.applyAs("test", "default", POD, false);

		fake.applyAs("test", "default", POD.replace("nginx:1.27", "nginx:1.28"), false);
		assertThat(fake.pod("default", "web").orElseThrow().at("/spec/containers/0/image").asString())
			.isEqualTo("nginx:1.28");

		assertThatIllegalStateException().isThrownBy(
				() -> fake.applyAs("test", "default", POD.replace("nginx:1.27", "nginx:1.28\n    args: [-g]"), false))
			.withMessage("422 Pod \"web\" is invalid: spec: Forbidden: " + UpdateValidation.POD_UPDATE + "\n"
					+ "  core.PodSpec{\n+ \tcontainers[0].args: [\"-g\"],\n  }\n");
		assertThatIllegalStateException()
			.isThrownBy(() -> fake.applyAs("test", "default",
					POD.replace("nginx:1.27", "nginx:1.28\n    resources: {limits: {cpu: 100m}}"), false))
			.withMessageStartingWith(
					"422 Pod \"web\" is invalid: spec: Forbidden: pod updates may not change fields other than");
	}

	@Test
	void aPodsActiveDeadlineMayOnlyBeLoweredAndTolerationsOnlyAdded() {
		fake.applyAs("test", "default",
				POD + "  activeDeadlineSeconds: 60\n  tolerations: [{key: a, operator: Exists}]\n", false);

		fake.applyAs("test", "default", POD
				+ "  activeDeadlineSeconds: 30\n  tolerations: [{key: a, operator: Exists}, {key: b, operator: Exists}]\n",
				false);

		assertThatIllegalStateException().isThrownBy(() -> fake.applyAs("test", "default", POD
				+ "  activeDeadlineSeconds: 90\n  tolerations: [{key: a, operator: Exists}, {key: b, operator: Exists}]\n",
				false))
			.withMessage(
					"422 Pod \"web\" is invalid: spec.activeDeadlineSeconds: Invalid value: 90: must be less than or "
							+ "equal to previous value");
		assertThatIllegalStateException()
			.isThrownBy(() -> fake.applyAs("test", "default",
					POD + "  activeDeadlineSeconds: 30\n  tolerations: [{key: b, operator: Exists}]\n", false))
			.withMessage(
					"422 Pod \"web\" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified "
							+ "except its tolerationSeconds");
	}

	@Test
	void aPodsTolerationSecondsMayChangeButAContainerMayNotBeAdded() {
		fake.applyAs("test", "default",
				POD + "  tolerations: [{key: a, operator: Exists, effect: NoExecute, tolerationSeconds: 60}]\n", false);

		fake.applyAs("test", "default",
				POD + "  tolerations: [{key: a, operator: Exists, effect: NoExecute, tolerationSeconds: 10}]\n", false);

		assertThatIllegalStateException()
			.isThrownBy(() -> fake.applyAs("test", "default",
					POD.replace("    image: nginx:1.27\n",
							"    image: nginx:1.27\n  - {name: side, image: busybox:1.37}\n")
							+ "  tolerations: [{key: a, operator: Exists, effect: NoExecute, tolerationSeconds: 10}]\n",
					false))
			.withMessage(
					"422 Pod \"web\" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers");
	}

	@Test
	void aPodsSchedulingGatesMayOnlyBeRemoved() {
		fake.applyAs("test", "default", POD + "  schedulingGates: [{name: example.com/quota}]\n", false);

		assertThatIllegalStateException()
			.isThrownBy(() -> fake.applyAs("test", "default",
					POD + "  schedulingGates: [{name: example.com/quota}, {name: example.com/zone}]\n", false))
			.withMessage(
					"422 Pod \"web\" is invalid: spec.schedulingGates[1].name: Forbidden: only deletion is allowed, "
							+ "but found new scheduling gate 'example.com/zone'");

		fake.applyAs("test", "default", POD + "  schedulingGates: []\n", false);
		assertThat(fake.pod("default", "web").orElseThrow().at("/spec/schedulingGates")).isEmpty();
	}

	@Test
	void aGatedPodMayGainNodeSelectorEntriesAndNodeAffinityButNotChangeThem() {
		String gated = POD + "  schedulingGates: [{name: example.com/quota}]\n  nodeSelector: {disk: ssd}\n";
		fake.applyAs("test", "default", gated, false);

		fake.applyAs("test", "default", gated.replace("{disk: ssd}", "{disk: ssd, zone: a}") + """
				  affinity:
				    nodeAffinity:
				      requiredDuringSchedulingIgnoredDuringExecution:
				        nodeSelectorTerms: [{matchExpressions: [{key: arch, operator: In, values: [amd64]}]}]
				""", false);

		assertThatIllegalStateException()
			.isThrownBy(
					() -> fake.applyAs("test", "default", gated.replace("{disk: ssd}", "{disk: hdd, zone: a}"), false))
			.withMessageStartingWith("422 Pod \"web\" is invalid: [spec.nodeSelector: Invalid value: "
					+ "map[string]string{\"disk\":\"hdd\", \"zone\":\"a\"}: only additions to spec.nodeSelector are allowed "
					+ "(no mutations or deletions), spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
					+ ".nodeSelectorTerms: Invalid value: []core.NodeSelectorTerm(nil): no additions/deletions to non-empty NodeSelectorTerms list are allowed");

		String ungated = POD.replace("{name: web}", "{name: plain}") + "  nodeSelector: {disk: ssd}\n";
		fake.applyAs("test", "default", ungated, false);
		assertThatIllegalStateException().isThrownBy(
				() -> fake.applyAs("test", "default", ungated.replace("{disk: ssd}", "{disk: ssd, zone: a}"), false))
			.withMessage("422 Pod \"plain\" is invalid: spec: Forbidden: " + UpdateValidation.POD_UPDATE + "\n"
					+ "  core.PodSpec{\n+ \tnodeSelector.zone: \"a\",\n  }\n");
	}

	@Test
	void aWorkloadsSelectorIsImmutable() {
		String deployment = """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web}
				spec:
				  selector: {matchLabels: {app: web}}
				  template:
				    metadata: {labels: {app: web, tier: front}}
				    spec: {containers: [{name: web, image: nginx:1.27}]}
				""";
		fake.applyAs("test", "default", deployment, false);

		fake.applyAs("test", "default", deployment.replace("nginx:1.27}]}", "nginx:1.28}, {name: b, image: b:1}]}"),
				false);

		assertThatIllegalStateException()
			.isThrownBy(() -> fake.applyAs("test", "default",
					deployment.replace("{app: web}}", "{app: web, tier: front}}"), false))
			.withMessage(
					"422 Deployment.apps \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
							+ "map[string]string{\"app\":\"web\", \"tier\":\"front\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
							+ "field is immutable");
		assertThatIllegalStateException()
			.isThrownBy(() -> fake.applyAs("test", "default", deployment.replace("{matchLabels: {app: web}}",
					"{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [front, back]}]}"),
					false))
			.withMessage(
					"422 Deployment.apps \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
							+ "map[string]string{\"app\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement{"
							+ "v1.LabelSelectorRequirement{Key:\"tier\", Operator:\"In\", Values:[]string{\"front\", \"back\"}}}}: "
							+ "field is immutable");
	}

	@Test
	void aStatefulSetsSpecChangesOnlyInItsMutableFields() {
		String statefulSet = """
				apiVersion: apps/v1
				kind: StatefulSet
				metadata: {name: db}
				spec:
				  serviceName: db
				  replicas: 1
				  selector: {matchLabels: {app: db}}
				  template:
				    metadata: {labels: {app: db}}
				    spec: {containers: [{name: db, image: postgres:17}]}
				""";
		fake.applyAs("test", "default", statefulSet, false);

		fake.applyAs("test", "default", statefulSet.replace("replicas: 1", "replicas: 2\n  minReadySeconds: 5")
			.replace("postgres:17}", "postgres:17.1, args: [-c, x=1]}"), false);

		assertThatIllegalStateException()
			.isThrownBy(() -> fake.applyAs("test", "default",
					statefulSet.replace("serviceName: db", "serviceName: db2"), false))
			.withMessage(
					"422 StatefulSet.apps \"db\" is invalid: spec: Forbidden: " + UpdateValidation.STATEFULSET_UPDATE);
	}

	@Test
	void aJobsTemplateIsImmutableUnlessItIsSuspendedAndNeverStartedWhereItsSchedulingMayChange() {
		String job = SUSPENDED_JOB;
		fake.applyAs("test", "default", job, false);

		fake.applyAs("test", "default",
				job.replace("restartPolicy: Never", "restartPolicy: Never\n      nodeSelector: {zone: a}"), false);

		assertThatIllegalStateException()
			.isThrownBy(() -> fake.applyAs("test", "default", job.replace("busybox:1.37", "busybox:1.38"), false))
			.withMessage("422 Job.batch \"once\" is invalid: spec.template: Invalid value: core.PodTemplateSpec{...}: "
					+ "field is immutable");
	}

	@Test
	void aSuspendedJobsNodeAffinityMayChangeButNotItsPodAffinity() {
		String job = SUSPENDED_JOB;
		fake.applyAs("test", "default", job, false);
		String nodeAffinity = """
				      affinity:
				        nodeAffinity:
				          requiredDuringSchedulingIgnoredDuringExecution:
				            nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}]}]
				""";

		fake.applyAs("test", "default", job + nodeAffinity, false);

		assertThatIllegalStateException().isThrownBy(() -> fake.applyAs("test", "default", job + nodeAffinity + """
				        podAffinity:
				          requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: {}}]
				""", false))
			.withMessage("422 Job.batch \"once\" is invalid: spec.template: Invalid value: core.PodTemplateSpec{...}: "
					+ "field is immutable");
	}

	@Test
	void anIndexedJobsCompletionsChangeOnlyWithItsParallelismAndOtherJobsNever() {
		String indexed = """
				apiVersion: batch/v1
				kind: Job
				metadata: {name: indexed}
				spec:
				  completionMode: Indexed
				  completions: 3
				  parallelism: 3
				  template:
				    spec:
				      restartPolicy: Never
				      containers: [{name: once, image: busybox:1.37}]
				""";
		fake.applyAs("test", "default", indexed, false);

		fake.applyAs("test", "default",
				indexed.replace("completions: 3", "completions: 5").replace("parallelism: 3", "parallelism: 5"), false);

		assertThatIllegalStateException()
			.isThrownBy(
					() -> fake.applyAs("test", "default",
							indexed.replace("completions: 3", "completions: 6")
								.replace("parallelism: 3", "parallelism: 5"),
							false))
			.withMessage(
					"422 Job.batch \"indexed\" is invalid: spec.completions: Invalid value: 6: can only be modified in "
							+ "tandem with spec.parallelism");
		assertThatIllegalStateException()
			.isThrownBy(() -> fake.applyAs("test", "default",
					indexed.replace("completions: 3", "completions: 4")
						.replace("completionMode: Indexed", "completionMode: NonIndexed"),
					false))
			.withMessage(
					"422 Job.batch \"indexed\" is invalid: [spec.completions: Invalid value: 4: field is immutable, "
							+ "spec.completionMode: Invalid value: \"NonIndexed\": field is immutable]");
	}

}
