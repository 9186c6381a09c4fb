package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.compose.ComposeForm.KeyValue;
import io.podcomposer.compose.ContainerSection.EnvForm;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.podcomposer.compose.TestManifests.applyEdited;
import static io.podcomposer.compose.TestManifests.node;
import static io.podcomposer.compose.TestManifests.toYaml;
import static io.podcomposer.compose.TestManifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class FormApplierTest {

	/**
	 * Three ports with unknown fields, an env var, an httpGet probe, resources, kept pod
	 * fields, an emptyDir.
	 */
	private static final Manifest WEB = TestManifests.resource("web-pod.yaml");

	@Test
	void editingTheImageChangesOnlyThatLine() {
		Manifest base = TestManifests.example("two-containers");

		FormApplier.Applied applied = applyEdited(base, (form) -> form.containers.get(1).image = "busybox:1.37");

		assertThat(applied.problems()).isEmpty();
		assertThat(changedLines(base, applied.manifest())).containsExactly("    image: busybox:1.37");
		assertThat(applied.manifest().podSpec().path("containers").get(1).path("image").asString())
			.isEqualTo("busybox:1.37");
	}

	@Test
	void theTerminationMessagePolicyHasAnInputThatReadsAndAppliesIt() {
		Manifest base = TestManifests.yaml("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				spec:
				  containers:
				  - name: web
				    image: nginx:1.27
				    terminationMessagePolicy: FallbackToLogsOnError
				  - name: helper
				    image: busybox:1.36
				""");
		ComposeForm form = FormReader.read(base);
		assertThat(form.containers.get(0).terminationMessagePolicy).isEqualTo("FallbackToLogsOnError");
		assertThat(form.containers.get(0).otherYaml).isEmpty();
		assertThat(form.containers.get(1).terminationMessagePolicy).isEmpty();

		FormApplier.Applied applied = applyEdited(base, (edited) -> {
			edited.containers.get(0).terminationMessagePolicy = "";
			edited.containers.get(1).terminationMessagePolicy = "File";
		});

		assertThat(applied.problems()).isEmpty();
		JsonNode containers = applied.manifest().podSpec().path("containers");
		assertThat(containers.get(0).has("terminationMessagePolicy")).isFalse();
		assertThat(containers.get(1).path("terminationMessagePolicy").asString()).isEqualTo("File");
		assertThat(FormApplier.apply(base, FormReader.read(base)).manifest()).isEqualTo(base);
	}

	@Test
	void renamingAVolumeRenamesTheMountsThatNameIt() {
		Manifest base = TestManifests.example("shared-volume");

		FormApplier.Applied applied = applyEdited(base, (form) -> form.volumes.get(0).name = "shared");

		JsonNode spec = applied.manifest().podSpec();
		assertThat(spec.at("/volumes/0/name").asString()).isEqualTo("shared");
		assertThat(spec.at("/containers/0/volumeMounts/0/name").asString()).isEqualTo("shared");
		assertThat(spec.at("/containers/1/volumeMounts/0/name").asString()).isEqualTo("shared");
	}

	@Test
	void aRemovedPortRowRemovesExactlyThatPortAndKeepsTheOthersWhole() {
		FormApplier.Applied applied = applyEdited(WEB, (form) -> form.containers.get(0).ports.set(1, null));

		assertThat(container(applied).path("ports")).isEqualTo(node("""
				- name: http
				  containerPort: 80
				  appProtocol: http
				- name: admin
				  containerPort: 8081
				  appProtocol: https
				"""));
	}

	@Test
	void aNewEnvRowWithASecretKeyRefIsAdded() {
		FormApplier.Applied applied = applyEdited(WEB, (form) -> {
			EnvForm env = new EnvForm();
			env.name = "PASSWORD";
			env.source = "secretKeyRef";
			env.refName = "db";
			env.refKey = "password";
			form.containers.get(0).env.add(env);
		});

		assertThat(container(applied).path("env")).isEqualTo(node("""
				- name: MODE
				  value: fast
				- name: PASSWORD
				  valueFrom:
				    secretKeyRef:
				      name: db
				      key: password
				"""));
	}

	@Test
	void switchingAnEnvVarFromValueToConfigMapKeyRefRemovesTheValue() {
		FormApplier.Applied applied = applyEdited(WEB, (form) -> {
			EnvForm env = form.containers.get(0).env.get(0);
			env.source = "configMapKeyRef";
			env.refName = "settings";
			env.refKey = "mode";
		});

		assertThat(container(applied).path("env")).isEqualTo(node("""
				- name: MODE
				  valueFrom:
				    configMapKeyRef:
				      name: settings
				      key: mode
				"""));
	}

	@Test
	void anEnvFileKeyIsReadIntoTheFormAndKeptWithItsOptionalFlag() {
		Manifest base = TestManifests.resource("env-file-pod.yaml");

		EnvForm read = FormReader.read(base).containers.get(0).env.get(0);
		FormApplier.Applied edited = applyEdited(base, (form) -> form.containers.get(0).env.get(0).refKey = "DB_PORT");

		assertThat(read.source).isEqualTo("fileKeyRef");
		assertThat(read.refName).isEqualTo("env-files");
		assertThat(read.filePath).isEqualTo("db.env");
		assertThat(read.refKey).isEqualTo("DB_HOST");
		assertThat(edited.problems()).isEmpty();
		assertThat(container(edited).path("env")).isEqualTo(node("""
				- name: DB_HOST
				  valueFrom:
				    fileKeyRef:
				      volumeName: env-files
				      path: db.env
				      key: DB_PORT
				      optional: true
				"""));
	}

	@Test
	void switchingAProbeFromHttpGetToExecDropsHttpGetButKeepsTheTimings() {
		FormApplier.Applied applied = applyEdited(WEB, (form) -> {
			ProbeSection.ProbeForm probe = form.containers.get(0).livenessProbe;
			probe.handler = "exec";
			probe.command = "cat\n/tmp/healthy";
		});

		assertThat(container(applied).path("livenessProbe")).isEqualTo(node("""
				exec:
				  command:
				  - cat
				  - /tmp/healthy
				initialDelaySeconds: 5
				periodSeconds: 10
				"""));
	}

	@Test
	void choosingDeploymentWrapsThePodWithItsLabelsAsSelectorAndPodGivesItBack() {
		Manifest pod = TestManifests.example("two-containers");

		FormApplier.Applied deployment = applyEdited(pod, (form) -> form.kind = "Deployment");

		assertThat(deployment.problems()).isEmpty();
		assertThat(deployment.manifest().kind()).isEqualTo(WorkloadKind.DEPLOYMENT);
		JsonNode spec = deployment.manifest().root().path("spec");
		assertThat(spec.path("selector").path("matchLabels")).isEqualTo(node("app: web"));
		assertThat(spec.path("template").path("metadata").path("labels")).isEqualTo(node("app: web"));
		assertThat(spec.path("template").path("spec")).isEqualTo(pod.root().path("spec"));

		FormApplier.Applied back = applyEdited(deployment.manifest(), (form) -> form.kind = "Pod");

		assertThat(back.notes()).isEmpty();
		assertThat(toYaml(back.manifest())).isEqualTo(toYaml(pod));
	}

	@Test
	void aKindChangeSaysWhatItChangedBeyondMovingThePod() {
		Manifest pod = yaml("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: batch
				spec:
				  containers:
				  - name: work
				    image: busybox:1.36
				  restartPolicy: Never
				""");

		FormApplier.Applied applied = applyEdited(pod, (form) -> form.kind = "Deployment");

		assertThat(applied.notes()).anySatisfy((note) -> assertThat(note).contains("app: batch"))
			.anySatisfy((note) -> assertThat(note).contains("restartPolicy Never was removed"));
		assertThat(applied.manifest().podSpec().has("restartPolicy")).isFalse();
		assertThat(applied.manifest().root().path("spec").path("selector").path("matchLabels"))
			.isEqualTo(node("app: batch"));
	}

	@Test
	void aPodWithoutLabelsBecomesAJobWithTheLabelItsNoteNames() {
		Manifest pod = Manifest.newPod("report", "app", "busybox:1.36");

		FormApplier.Applied applied = applyEdited(pod, (form) -> form.kind = "Job");

		assertThat(applied.notes()).anySatisfy((note) -> assertThat(note).contains("app: report"));
		assertThat(applied.manifest().podMetadata().path("labels")).isEqualTo(node("app: report"));
	}

	@Test
	void aKindChangeKeepsOnlyTheWorkloadFieldsTheNewKindHas() {
		Manifest statefulSet = TestManifests.example("two-containers").convertTo(WorkloadKind.STATEFUL_SET).manifest();
		statefulSet.editWorkloadSpec().put("replicas", 3);

		FormApplier.Applied deployment = applyEdited(statefulSet, (form) -> form.kind = "Deployment");
		FormApplier.Applied cronJob = applyEdited(deployment.manifest(), (form) -> form.kind = "CronJob");
		FormApplier.Applied job = applyEdited(cronJob.manifest(), (form) -> form.kind = "Job");

		assertThat(deployment.manifest().root().path("spec").path("replicas").asInt()).isEqualTo(3);
		assertThat(deployment.manifest().root().path("spec").has("serviceName")).isFalse();
		assertThat(cronJob.manifest().root().path("spec").has("replicas")).isFalse();
		assertThat(job.manifest().root().path("spec").has("schedule")).isFalse();
		assertThat(job.manifest().root().path("spec").has("concurrencyPolicy")).isFalse();
		assertThat(job.manifest().podSpec().path("restartPolicy").asString()).isEqualTo("Never");
	}

	@Test
	void editingLabelsOnADeploymentUpdatesTemplateLabelsMetadataLabelsAndSelector() {
		Manifest deployment = TestManifests.example("two-containers").convertTo(WorkloadKind.DEPLOYMENT).manifest();

		FormApplier.Applied applied = applyEdited(deployment,
				(form) -> form.labels = List.of(new KeyValue("app", "web"), new KeyValue("tier", "front")));

		assertThatWorkloadLabels(applied.manifest(), """
				app: web
				tier: front
				""");
	}

	@Test
	void clearingAllLabelsOnADeploymentGivesAppName() {
		Manifest deployment = TestManifests.example("two-containers").convertTo(WorkloadKind.DEPLOYMENT).manifest();

		FormApplier.Applied applied = applyEdited(deployment, (form) -> form.labels.clear());

		assertThatWorkloadLabels(applied.manifest(), "app: two-containers");
	}

	@Test
	void unknownAndPrefixedCapabilitiesAreKeptAsTyped() {
		Manifest base = TestManifests.example("ipc-lock");

		FormApplier.Applied applied = applyEdited(base,
				(form) -> form.containers.get(0).capabilitiesAdd = "IPC_LOKC, CAP_IPC_LOCK");

		// the validator's unknown-capability hint reports them, beside the field
		assertThat(applied.problems()).isEmpty();
		assertThat(container(applied).path("securityContext").path("capabilities").path("add"))
			.isEqualTo(node("[IPC_LOKC, CAP_IPC_LOCK]"));
	}

	@Test
	void brokenPodYamlIsReportedWithItsPlaceAndLeavesTheKeptFieldsAlone() {
		FormApplier.Applied applied = applyEdited(WEB, (form) -> form.pod.otherYaml = """
				hostname: web-1
				affinity: {nodeAffinity: [
				""");

		assertThat(applied.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("pod.otherYaml");
			assertThat(problem.message()).matches("line \\d+, column \\d+: .+");
		});
		assertThat(applied.manifest()).isEqualTo(WEB);
	}

	@Test
	void editingPodYamlReplacesExactlyTheFieldsWithoutInputs() {
		FormApplier.Applied applied = applyEdited(WEB, (form) -> form.pod.otherYaml = """
				hostname: web-1
				enableServiceLinks: false
				""");

		assertThat(applied.problems()).isEmpty();
		Manifest expected = WEB.deepCopy();
		expected.editPodSpec().remove(List.of("hostname", "subdomain", "affinity"));
		expected.editPodSpec().put("hostname", "web-1").put("enableServiceLinks", false);
		assertThat(applied.manifest()).isEqualTo(expected);
	}

	@Test
	void aPortTypedAsTextIsKeptAsText() {
		FormApplier.Applied applied = applyEdited(WEB,
				(form) -> form.containers.get(0).ports.get(0).containerPort = "abc");

		JsonNode port = container(applied).path("ports").get(0);
		assertThat(port.path("containerPort").isString()).isTrue();
		assertThat(port.path("containerPort").asString()).isEqualTo("abc");
	}

	@Test
	void blankRequestsAndLimitsRemoveResourcesButAnEmptyDirStays() {
		FormApplier.Applied applied = applyEdited(WEB, (form) -> {
			form.containers.get(0).requestsCpu = "";
			form.containers.get(0).limitsMemory = " ";
		});

		assertThat(container(applied).has("resources")).isFalse();
		assertThat(applied.manifest().podSpec().path("volumes")).isEqualTo(node("""
				- name: scratch
				  emptyDir: {}
				"""));
	}

	@Test
	void switchingAVolumeToATypeEditedAsYamlStartsItWithSomethingToAdapt() {
		// The page drawn for an emptyDir has no text area for the new type's YAML yet.
		FormApplier.Applied applied = applyEdited(WEB, (form) -> form.volumes.get(0).type = "downwardAPI");

		assertThat(applied.manifest().podSpec().path("volumes").get(0)).isEqualTo(node("""
				name: scratch
				downwardAPI:
				  items:
				  - path: labels
				    fieldRef:
				      fieldPath: metadata.labels
				"""));
	}

	private static JsonNode container(FormApplier.Applied applied) {
		return applied.manifest().podSpec().path("containers").get(0);
	}

	private static void assertThatWorkloadLabels(Manifest manifest, String labels) {
		JsonNode expected = node(labels);
		assertThat(manifest.podMetadata().path("labels")).isEqualTo(expected);
		assertThat(manifest.root().path("metadata").path("labels")).isEqualTo(expected);
		assertThat(manifest.root().path("spec").path("selector").path("matchLabels")).isEqualTo(expected);
	}

	/**
	 * The lines of the second manifest's YAML that differ from the first's; both must
	 * have as many lines.
	 */
	private static List<String> changedLines(Manifest before, Manifest after) {
		List<String> old = toYaml(before).lines().toList();
		List<String> now = toYaml(after).lines().toList();
		assertThat(now).hasSameSizeAs(old);
		List<String> changed = new ArrayList<>();
		for (int i = 0; i < now.size(); i++) {
			if (!now.get(i).equals(old.get(i))) {
				changed.add(now.get(i));
			}
		}
		return changed;
	}

}
