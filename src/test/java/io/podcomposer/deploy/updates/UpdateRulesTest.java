package io.podcomposer.deploy.updates;

import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The portal's pre-check names the changes a cluster refuses to make in place, and lets
 * the others pass.
 */
class UpdateRulesTest {

	/** A pod as the cluster has it: with the defaults it filled in. */
	private static final JsonNode LIVE_POD = ManifestReader.readYaml("""
			apiVersion: v1
			kind: Pod
			metadata: {name: web, uid: 1234}
			spec:
			  restartPolicy: Always
			  terminationGracePeriodSeconds: 30
			  activeDeadlineSeconds: 60
			  tolerations: [{key: a, operator: Exists}]
			  containers:
			  - {name: web, image: nginx:1.27, imagePullPolicy: IfNotPresent}
			""");

	@Test
	void aPodsNewImageLoweredDeadlineAndAddedTolerationPassDefaultsLeftOutAside() {
		JsonNode object = ManifestReader.readYaml("""
				apiVersion: v1
				kind: Pod
				metadata: {name: web}
				spec:
				  activeDeadlineSeconds: 30
				  tolerations: [{key: a, operator: Exists}, {key: b, operator: Exists}]
				  containers: [{name: web, image: nginx:1.28}]
				""");

		assertThat(UpdateRules.refused(WorkloadKind.POD, LIVE_POD, object)).isEmpty();
	}

	@Test
	void aPodsNewArgsResourcesAndRaisedDeadlineAreNamed() {
		JsonNode object = ManifestReader.readYaml("""
				apiVersion: v1
				kind: Pod
				metadata: {name: web}
				spec:
				  activeDeadlineSeconds: 90
				  containers:
				  - {name: web, image: nginx:1.28, args: [-v], resources: {limits: {cpu: 100m}}}
				""");

		assertThat(UpdateRules.refused(WorkloadKind.POD, LIVE_POD, object)).extracting(ImmutableChange::field)
			.containsExactly("spec.activeDeadlineSeconds", "spec.containers[0].args", "spec.containers[0].resources");
		assertThat(UpdateRules.refused(WorkloadKind.POD, LIVE_POD, object).get(1).message())
			.isEqualTo("Forbidden: " + PodSpecUpdate.MESSAGE);
	}

	@Test
	void aWorkloadsSelectorAStatefulSetsServiceNameAndAJobsTemplateAreNamed() {
		JsonNode deployment = ManifestReader.readYaml("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web}
				spec:
				  replicas: 2
				  selector: {matchLabels: {app: web}}
				  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx:1.27}]}}
				""");
		assertThat(UpdateRules.refused(WorkloadKind.DEPLOYMENT, deployment,
				ManifestReader.readYaml(
						"{spec: {replicas: 3, template: {spec: {containers: [{name: web, image: nginx:1.28}]}}}}")))
			.isEmpty();
		assertThat(UpdateRules.refused(WorkloadKind.DEPLOYMENT, deployment,
				ManifestReader.readYaml("{spec: {selector: {matchLabels: {app: web, v: '2'}}}}")))
			.extracting(ImmutableChange::rule, ImmutableChange::field)
			.containsExactly(tuple("selector", "spec.selector"));

		JsonNode statefulSet = ManifestReader.readYaml("{kind: StatefulSet, spec: {serviceName: db, replicas: 1}}");
		assertThat(UpdateRules.refused(WorkloadKind.STATEFUL_SET, statefulSet,
				ManifestReader.readYaml("{spec: {serviceName: db2, replicas: 2, minReadySeconds: 5}}")))
			.extracting(ImmutableChange::field)
			.containsExactly("spec.serviceName");

		JsonNode job = ManifestReader.readYaml(
				"""
						{kind: Job, spec: {completions: 1, template: {spec: {restartPolicy: Never, containers: [{name: a, image: busybox:1.37}]}}},
						 status: {startTime: '2026-01-01T00:00:00Z'}}
						""");
		assertThat(UpdateRules.refused(WorkloadKind.JOB, job,
				ManifestReader.readYaml("{spec: {template: {spec: {containers: [{name: a, image: busybox:1.38}]}}}}")))
			.extracting(ImmutableChange::field)
			.containsExactly("spec.template.spec.containers[0].image");
	}

	@Test
	void aPodsTolerationSecondsMayChangeButAnAddedSchedulingGateOrContainerIsNamed() {
		JsonNode live = ManifestReader.readYaml("""
				apiVersion: v1
				kind: Pod
				metadata: {name: web}
				spec:
				  tolerations: [{key: a, operator: Exists, effect: NoExecute, tolerationSeconds: 60}]
				  schedulingGates: [{name: example.com/quota}]
				  containers: [{name: web, image: nginx:1.27}]
				""");

		assertThat(UpdateRules.refused(WorkloadKind.POD, live, ManifestReader
			.readYaml("{spec: {tolerations: [{key: a, operator: Exists, effect: NoExecute, tolerationSeconds: 5}]}}")))
			.isEmpty();
		assertThat(UpdateRules.refused(WorkloadKind.POD, live,
				ManifestReader
					.readYaml("{spec: {schedulingGates: [{name: example.com/quota}, {name: example.com/zone}]}}")))
			.extracting(ImmutableChange::field, ImmutableChange::message)
			.containsExactly(tuple("spec.schedulingGates[1].name",
					"Forbidden: only deletion is allowed, but found new scheduling gate 'example.com/zone'"));
		assertThat(UpdateRules.refused(WorkloadKind.POD, live,
				ManifestReader
					.readYaml("{spec: {containers: [{name: web, image: nginx:1.27}, {name: side, image: b:1}]}}")))
			.extracting(ImmutableChange::field, ImmutableChange::message)
			.containsExactly(tuple("spec.containers", "Forbidden: pod updates may not add or remove containers"));
	}

	@Test
	void aGatedPodMayGainNodeSelectorEntriesAndNodeAffinityButAnUngatedOneMayNot() {
		JsonNode gated = ManifestReader.readYaml("""
				apiVersion: v1
				kind: Pod
				metadata: {name: web}
				spec:
				  schedulingGates: [{name: example.com/quota}]
				  nodeSelector: {disk: ssd}
				  containers: [{name: web, image: nginx:1.27}]
				""");
		JsonNode placed = ManifestReader.readYaml("""
				spec:
				  nodeSelector: {disk: ssd, zone: a}
				  affinity:
				    nodeAffinity:
				      requiredDuringSchedulingIgnoredDuringExecution:
				        nodeSelectorTerms: [{matchExpressions: [{key: arch, operator: In, values: [amd64]}]}]
				""");

		assertThat(UpdateRules.refused(WorkloadKind.POD, gated, placed)).isEmpty();
		assertThat(UpdateRules.refused(WorkloadKind.POD, gated,
				ManifestReader.readYaml("{spec: {nodeSelector: {disk: hdd}}}")))
			.extracting(ImmutableChange::field, ImmutableChange::message)
			.containsExactly(tuple("spec.nodeSelector",
					"Invalid value: only additions to spec.nodeSelector are allowed (no mutations or deletions)"));

		JsonNode ungated = ManifestReader
			.readYaml("{kind: Pod, spec: {nodeSelector: {disk: ssd}, containers: [{name: web, image: a}]}}");
		assertThat(UpdateRules.refused(WorkloadKind.POD, ungated, placed)).extracting(ImmutableChange::field)
			.containsExactly("spec.nodeSelector.zone", "spec.affinity");
	}

	@Test
	void aSelectorChangeInItsExpressionsIsNamedInTheApiServersWordsAndAStatefulSetsUnderItsSpecRule() {
		JsonNode deployment = ManifestReader
			.readYaml("{kind: Deployment, spec: {selector: {matchLabels: {app: web}}}}");

		assertThat(UpdateRules.refused(WorkloadKind.DEPLOYMENT, deployment,
				ManifestReader.readYaml(
						"{spec: {selector: {matchExpressions: [{key: tier, operator: In, values: [front, back]}]}}}")))
			.extracting(ImmutableChange::message)
			.containsExactly("Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\"}, "
					+ "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"tier\", "
					+ "Operator:\"In\", Values:[]string{\"front\", \"back\"}}}}: field is immutable");

		JsonNode statefulSet = ManifestReader
			.readYaml("{kind: StatefulSet, spec: {selector: {matchLabels: {app: db}}}}");
		assertThat(UpdateRules.refused(WorkloadKind.STATEFUL_SET, statefulSet,
				ManifestReader.readYaml("{spec: {selector: {matchLabels: {app: db2}}}}")))
			.extracting(ImmutableChange::rule, ImmutableChange::field)
			.containsExactly(tuple("statefulset-spec", "spec.selector.matchLabels.app"));
	}

	@Test
	void anIndexedJobsCompletionsChangeWithItsParallelismAndASuspendedJobsPodAffinityStaysFixed() {
		JsonNode indexed = ManifestReader.readYaml("""
				{kind: Job, spec: {completionMode: Indexed, completions: 3, parallelism: 3,
				 template: {spec: {restartPolicy: Never, containers: [{name: a, image: busybox:1.37}]}}}}
				""");

		assertThat(UpdateRules.refused(WorkloadKind.JOB, indexed,
				ManifestReader.readYaml("{spec: {completions: 5, parallelism: 5}}")))
			.isEmpty();
		assertThat(UpdateRules.refused(WorkloadKind.JOB, indexed,
				ManifestReader.readYaml("{spec: {completions: 6, parallelism: 5}}")))
			.extracting(ImmutableChange::message)
			.containsExactly("Invalid value: 6: can only be modified in tandem with spec.parallelism");
		assertThat(UpdateRules.refused(WorkloadKind.JOB, indexed,
				ManifestReader.readYaml("{spec: {completionMode: NonIndexed, completions: 4}}")))
			.extracting(ImmutableChange::field, ImmutableChange::message)
			.containsExactly(tuple("spec.completions", "Invalid value: 4: field is immutable"),
					tuple("spec.completionMode", "Invalid value: \"NonIndexed\": field is immutable"));

		JsonNode suspended = ManifestReader.readYaml(
				"""
						{kind: Job, spec: {suspend: true, template: {spec: {restartPolicy: Never, containers: [{name: a, image: b}]}}}}
						""");
		assertThat(UpdateRules.refused(WorkloadKind.JOB, suspended,
				ManifestReader.readYaml(
						"""
								spec:
								  template:
								    spec:
								      affinity:
								        nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: []}]}}
								""")))
			.isEmpty();
		assertThat(UpdateRules.refused(WorkloadKind.JOB, suspended, ManifestReader.readYaml("""
				spec:
				  template:
				    spec:
				      affinity:
				        podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone}]}
				"""))).extracting(ImmutableChange::field).containsExactly("spec.template.spec.affinity");
	}

	@Test
	void theClustersRefusalOfARemovedContainerIsTakenAsAChangeToReplace() {
		assertThat(UpdateRules.refusedByCluster(422,
				"Pod \"web\" is invalid: spec.containers: Forbidden: pod updates may "
						+ "not add or remove containers"))
			.get()
			.extracting(ImmutableChange::rule, ImmutableChange::field)
			.containsExactly("cluster", "spec.containers");
		assertThat(
				UpdateRules.refusedByCluster(422, "Pod \"web\" is invalid: spec.containers[0].image: Required value"))
			.isEmpty();
	}

}
