package io.podcomposer.deploy;

import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain rules behind the live state, drift and the deploy diff. */
class DeploymentsTest {

	@Test
	void driftLooksOnlyAtTheFieldsThatWereAppliedMatchingContainersByName() {
		JsonNode applied = ManifestReader.readYaml("""
				metadata: {name: web, labels: {app: web}}
				spec:
				  containers:
				  - {name: app, image: "nginx:1.27", args: [a, b]}
				  - {name: gone, image: busybox}
				""");
		JsonNode live = ManifestReader.readYaml("""
				metadata: {name: web, uid: 123, labels: {app: web, added: by-someone}, resourceVersion: "9"}
				spec:
				  nodeName: node-a
				  containers:
				  - {name: log, image: fluent-bit}
				  - {name: app, image: "nginx:1.28", args: [a], terminationMessagePath: /dev/termination-log}
				status: {phase: Running}
				""");

		assertThat(ManifestWriter.toYaml(DriftReader.project(applied, live)))
			.isEqualTo(ManifestWriter.toYaml(ManifestReader.readYaml("""
					metadata: {name: web, labels: {app: web}}
					spec:
					  containers:
					  - {name: app, image: "nginx:1.28", args: [a]}
					""")));
	}

	@Test
	void aWorkloadsPodsAreFoundByItsSelector() {
		assertThat(LiveStates.selector(WorkloadKind.DEPLOYMENT, ManifestReader.readYaml("""
				spec: {selector: {matchLabels: {app: web, tier: front}}}
				"""))).isEqualTo("app=web,tier=front");
		assertThat(LiveStates.selector(WorkloadKind.JOB, ManifestReader.readYaml("metadata: {name: nightly}")))
			.isEqualTo("batch.kubernetes.io/job-name=nightly");
		assertThat(LiveStates.selector(WorkloadKind.CRON_JOB, ManifestReader.readYaml("metadata: {name: nightly}")))
			.isNull();
	}

	@Test
	void replicasAreReadAsEachKindReportsThem() {
		assertThat(LiveStates.replicas(WorkloadKind.DEPLOYMENT, ManifestReader.readYaml("""
				spec: {replicas: 3}
				status: {replicas: 3, readyReplicas: 2, availableReplicas: 1, updatedReplicas: 3}
				"""))).isEqualTo(new LiveState.Replicas(3, 2, 1, 3));
		assertThat(LiveStates.replicas(WorkloadKind.DAEMON_SET, ManifestReader.readYaml("""
				status: {desiredNumberScheduled: 4, numberReady: 4, numberAvailable: 3, updatedNumberScheduled: 4}
				"""))).isEqualTo(new LiveState.Replicas(4, 4, 3, 4));
		assertThat(LiveStates.replicas(WorkloadKind.JOB, ManifestReader.readYaml("status: {active: 1}"))).isNull();
		assertThat(LiveStates.progress(WorkloadKind.JOB, ManifestReader.readYaml("status: {active: 1, succeeded: 2}")))
			.isEqualTo("Active 1, succeeded 2, failed 0.");
	}

	@Test
	void theDeployDiffLeavesOutWhatTheServerKeepsForItself() {
		JsonNode live = ManifestReader.readYaml(
				"""
						metadata: {name: web, uid: 1, resourceVersion: "7", generation: 2, creationTimestamp: "2026-01-01T00:00:00Z",
						           managedFields: [{manager: pod-composer}]}
						spec: {containers: [{name: app, image: "nginx:1.27"}]}
						status: {phase: Running}
						""");
		JsonNode sameButNewer = ManifestReader.readYaml(
				"""
						metadata: {name: web, uid: 1, resourceVersion: "8", generation: 3, creationTimestamp: "2026-01-01T00:00:00Z"}
						spec: {containers: [{name: app, image: "nginx:1.27"}]}
						""");
		JsonNode changed = ManifestReader.readYaml("""
				metadata: {name: web}
				spec: {containers: [{name: app, image: "nginx:1.28"}]}
				""");

		assertThat(Deployer.diff(live, sameButNewer)).isEmpty();
		assertThat(Deployer.diff(live, changed)).startsWith("--- live\n+++ new\n")
			.contains("-    image: nginx:1.27", "+    image: nginx:1.28");
	}

}
