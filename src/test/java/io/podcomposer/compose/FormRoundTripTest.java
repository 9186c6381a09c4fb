package io.podcomposer.compose;

import java.util.stream.Stream;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.TestManifests.node;
import static io.podcomposer.compose.TestManifests.toYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

/**
 * The form drawn from a manifest, sent back unchanged, must give the same manifest: every
 * field it shows reads back to the same value and type, and every field it does not show
 * is kept. The valid corpus's pods ({@link ValidCorpus}) set every field of the pod spec.
 */
class FormRoundTripTest {

	static Stream<Arguments> manifests() {
		Manifest rich = TestManifests.resource("rich-pod.yaml");
		return Stream.of(arguments("example two-containers", TestManifests.example("two-containers")),
				arguments("example shared-volume", TestManifests.example("shared-volume")),
				arguments("example ipc-lock", TestManifests.example("ipc-lock")),
				arguments("web pod", TestManifests.resource("web-pod.yaml")), arguments("rich Pod", rich),
				// Jobs need no selector, so their pods often have no labels.
				arguments("CronJob without pod labels", TestManifests.yaml("""
						apiVersion: batch/v1
						kind: CronJob
						metadata:
						  name: nightly
						spec:
						  schedule: 0 3 * * *
						  jobTemplate:
						    spec:
						      template:
						        spec:
						          restartPolicy: OnFailure
						          containers:
						          - name: report
						            image: busybox:1.36
						""")), arguments("rich Deployment", wrapped(rich, WorkloadKind.DEPLOYMENT, """
						strategy:
						  type: RollingUpdate
						  rollingUpdate:
						    maxSurge: 25%
						    maxUnavailable: 0
						minReadySeconds: 10
						revisionHistoryLimit: 3
						progressDeadlineSeconds: 600
						""", null)), arguments("rich StatefulSet", wrapped(rich, WorkloadKind.STATEFUL_SET, """
						podManagementPolicy: Parallel
						updateStrategy:
						  type: RollingUpdate
						  rollingUpdate:
						    partition: 0
						persistentVolumeClaimRetentionPolicy:
						  whenDeleted: Retain
						  whenScaled: Delete
						volumeClaimTemplates:
						- metadata:
						    name: state
						  spec:
						    accessModes:
						    - ReadWriteOnce
						    storageClassName: fast
						    resources:
						      requests:
						        storage: 10Gi
						""", null)), arguments("rich CronJob", wrapped(rich, WorkloadKind.CRON_JOB, """
						schedule: 30 2 * * *
						timeZone: Europe/Berlin
						concurrencyPolicy: Forbid
						startingDeadlineSeconds: 120
						successfulJobsHistoryLimit: 3
						failedJobsHistoryLimit: 1
						suspend: false
						""", """
						backoffLimit: 2
						activeDeadlineSeconds: 600
						completions: 1
						parallelism: 1
						ttlSecondsAfterFinished: 3600
						podFailurePolicy:
						  rules:
						  - action: FailJob
						    onExitCodes:
						      operator: In
						      values:
						      - 42
						""")));
	}

	@ParameterizedTest
	@MethodSource({ "manifests", "io.podcomposer.compose.ValidCorpus#podManifests" })
	void theUneditedFormGivesBackTheSameManifest(Manifest manifest) {
		FormApplier.Applied applied = FormApplier.apply(manifest, FormReader.read(manifest));

		assertThat(applied.problems()).isEmpty();
		assertThat(applied.notes()).isEmpty();
		// The text first: its diff is the readable one when this fails.
		assertThat(toYaml(applied.manifest())).isEqualTo(toYaml(manifest));
		assertThat(applied.manifest().root()).isEqualTo(manifest.root());
	}

	/** The pod as another kind, with the workload fields the form has no inputs for. */
	private static Manifest wrapped(Manifest pod, WorkloadKind kind, String workloadFields, String jobFields) {
		Manifest manifest = pod.convertTo(kind).manifest();
		manifest.editWorkloadSpec().setAll((ObjectNode) node(workloadFields));
		if (jobFields != null) {
			manifest.editJobSpec().setAll((ObjectNode) node(jobFields));
		}
		((ObjectNode) manifest.root().get("metadata")).putObject("annotations").put("example.com/rollout", "canary");
		return manifest;
	}

	private static Arguments arguments(String name, Manifest manifest) {
		return Arguments.of(named(name, manifest));
	}

}
