package io.podcomposer.deploy.updates;

import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The portal's pre-check names the changes a cluster refuses to make in place, and lets the others pass. */
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
			.containsExactly("spec.containers[0].args", "spec.containers[0].resources", "spec.activeDeadlineSeconds");
		assertThat(UpdateRules.refused(WorkloadKind.POD, LIVE_POD, object).get(0).message())
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
		assertThat(UpdateRules.refused(WorkloadKind.DEPLOYMENT, deployment, ManifestReader.readYaml(
				"{spec: {replicas: 3, template: {spec: {containers: [{name: web, image: nginx:1.28}]}}}}"))).isEmpty();
		assertThat(UpdateRules.refused(WorkloadKind.DEPLOYMENT, deployment,
				ManifestReader.readYaml("{spec: {selector: {matchLabels: {app: web, v: '2'}}}}")))
			.extracting(ImmutableChange::rule, ImmutableChange::field)
			.containsExactly(tuple("selector", "spec.selector"));

		JsonNode statefulSet = ManifestReader.readYaml("{kind: StatefulSet, spec: {serviceName: db, replicas: 1}}");
		assertThat(UpdateRules.refused(WorkloadKind.STATEFUL_SET, statefulSet,
				ManifestReader.readYaml("{spec: {serviceName: db2, replicas: 2, minReadySeconds: 5}}")))
			.extracting(ImmutableChange::field)
			.containsExactly("spec.serviceName");

		JsonNode job = ManifestReader.readYaml("""
				{kind: Job, spec: {completions: 1, template: {spec: {restartPolicy: Never, containers: [{name: a, image: busybox:1.37}]}}},
				 status: {startTime: '2026-01-01T00:00:00Z'}}
				""");
		assertThat(UpdateRules.refused(WorkloadKind.JOB, job, ManifestReader.readYaml(
				"{spec: {template: {spec: {containers: [{name: a, image: busybox:1.38}]}}}}")))
			.extracting(ImmutableChange::field)
			.containsExactly("spec.template.spec.containers[0].image");
	}

}
