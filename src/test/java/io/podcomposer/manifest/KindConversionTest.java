package io.podcomposer.manifest;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class KindConversionTest {

	/**
	 * A pod with fields the converter has no reason to know, to see that none is lost.
	 */
	private static final String LABELLED_POD = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: web
			  namespace: shop
			  labels:
			    app: web
			    tier: front
			  annotations:
			    team: platform
			spec:
			  containers:
			  - name: web
			    image: nginx:1.27
			    ports:
			    - containerPort: 8080
			  affinity:
			    nodeAffinity:
			      requiredDuringSchedulingIgnoredDuringExecution:
			        nodeSelectorTerms:
			        - matchExpressions:
			          - {key: disktype, operator: In, values: [ssd]}
			  tolerations:
			  - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
			  volumes:
			  - name: cache
			    emptyDir: {}
			  fooBar:
			    future: true
			""";

	private static final String BATCH_POD = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: report
			  labels:
			    app: report
			spec:
			  restartPolicy: Never
			  containers:
			  - name: report
			    image: busybox
			    command: [sh, -c, echo done]
			  tolerations:
			  - {operator: Exists}
			  fooBar: 42
			""";

	/**
	 * One object of each kind, with labels, a restartPolicy and the fields only its kind
	 * has.
	 */
	private static final Map<WorkloadKind, String> OF_EACH_KIND = Map.of(WorkloadKind.POD, """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: once
			  annotations:
			    team: platform
			spec:
			  restartPolicy: Never
			  containers:
			  - {name: task, image: busybox}
			""", WorkloadKind.DEPLOYMENT, """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: web
			  namespace: shop
			  labels: {app: web, owner: team-a}
			  annotations: {deployment.kubernetes.io/revision: "4"}
			spec:
			  replicas: 3
			  revisionHistoryLimit: 2
			  strategy: {type: Recreate}
			  selector:
			    matchLabels: {app: web}
			  template:
			    metadata:
			      labels: {app: web, tier: front}
			      annotations: {prometheus.io/scrape: "true"}
			    spec:
			      containers:
			      - {name: web, image: nginx}
			""", WorkloadKind.REPLICA_SET, """
			apiVersion: apps/v1
			kind: ReplicaSet
			metadata:
			  name: cache
			  labels: {app: cache}
			spec:
			  replicas: 2
			  minReadySeconds: 5
			  selector:
			    matchExpressions:
			    - {key: app, operator: In, values: [cache]}
			  template:
			    metadata:
			      labels: {app: cache}
			    spec:
			      restartPolicy: Always
			      containers:
			      - {name: redis, image: redis}
			""", WorkloadKind.STATEFUL_SET, """
			apiVersion: apps/v1
			kind: StatefulSet
			metadata:
			  name: db
			  labels: {app: db}
			spec:
			  replicas: 2
			  serviceName: db-headless
			  podManagementPolicy: Parallel
			  selector:
			    matchLabels: {app: db}
			  template:
			    metadata:
			      labels: {app: db}
			    spec:
			      containers:
			      - {name: db, image: postgres}
			  volumeClaimTemplates:
			  - metadata: {name: data}
			    spec:
			      accessModes: [ReadWriteOnce]
			      resources: {requests: {storage: 1Gi}}
			""", WorkloadKind.DAEMON_SET, """
			apiVersion: apps/v1
			kind: DaemonSet
			metadata:
			  name: agent
			  labels: {app: agent}
			spec:
			  updateStrategy: {type: OnDelete}
			  selector:
			    matchLabels: {app: agent}
			  template:
			    metadata:
			      labels: {app: agent}
			    spec:
			      hostNetwork: true
			      containers:
			      - {name: agent, image: fluent-bit}
			""", WorkloadKind.JOB, """
			apiVersion: batch/v1
			kind: Job
			metadata:
			  name: migrate
			spec:
			  backoffLimit: 2
			  completions: 3
			  parallelism: 2
			  template:
			    spec:
			      restartPolicy: OnFailure
			      containers:
			      - {name: migrate, image: flyway}
			""", WorkloadKind.CRON_JOB, """
			apiVersion: batch/v1
			kind: CronJob
			metadata:
			  name: report
			  labels: {app: report}
			spec:
			  schedule: "*/5 * * * *"
			  concurrencyPolicy: Forbid
			  jobTemplate:
			    metadata:
			      labels: {app: report}
			    spec:
			      backoffLimit: 1
			      template:
			        metadata:
			          labels: {app: report}
			        spec:
			          restartPolicy: Never
			          containers:
			          - {name: report, image: busybox}
			""");

	@Test
	void everyKindGoesToEveryOtherKindAndBackUnchanged() {
		for (WorkloadKind kind : WorkloadKind.values()) {
			Manifest original = read(OF_EACH_KIND.get(kind));
			for (WorkloadKind other : EnumSet.complementOf(EnumSet.of(kind))) {
				Manifest back = original.convertTo(other).manifest().convertTo(kind).manifest();
				assertThat(back).as(kind.kindName() + " → " + other.kindName() + " → " + kind.kindName())
					.isEqualTo(original);
			}
		}
	}

	@Test
	void everyKindGoesThroughTwoOthersAndBackUnchanged() {
		for (WorkloadKind kind : WorkloadKind.values()) {
			Manifest original = read(OF_EACH_KIND.get(kind));
			for (WorkloadKind first : EnumSet.complementOf(EnumSet.of(kind))) {
				for (WorkloadKind second : EnumSet.complementOf(EnumSet.of(kind, first))) {
					Manifest back = original.convertTo(first)
						.manifest()
						.convertTo(second)
						.manifest()
						.convertTo(kind)
						.manifest();
					assertThat(back)
						.as(kind.kindName() + " → " + first.kindName() + " → " + second.kindName() + " → "
								+ kind.kindName())
						.isEqualTo(original);
				}
			}
		}
	}

	@Test
	void theWayBackKeepsWhatTheUserChangedInBetween() {
		Manifest deployment = read(OF_EACH_KIND.get(WorkloadKind.POD)).convertTo(WorkloadKind.DEPLOYMENT).manifest();
		deployment.editPodMetadata().withObject("labels").put("tier", "batch");
		deployment.editPodSpec().withArray("containers").addObject().put("name", "sidecar").put("image", "envoy");
		deployment.editWorkloadSpec().put("replicas", 4);

		Manifest pod = deployment.convertTo(WorkloadKind.POD).manifest();

		assertThat(pod.podSpec().path("restartPolicy").asString()).isEqualTo("Never");
		assertThat(pod.podMetadata().path("labels").properties()).as("the app label the Deployment needed is gone")
			.extracting(Map.Entry::getKey)
			.containsExactly("tier");
		assertThat(pod.podSpec().path("containers")).hasSize(2);
		pod.editPodSpec().put("restartPolicy", "OnFailure");

		Manifest again = pod.convertTo(WorkloadKind.DEPLOYMENT).manifest();
		assertThat(again.root().path("spec").path("replicas").intValue()).isEqualTo(4);
		assertThat(again.podSpec().has("restartPolicy")).isFalse();
		assertThat(again.convertTo(WorkloadKind.POD).manifest().podSpec().path("restartPolicy").asString())
			.as("the restartPolicy chosen last")
			.isEqualTo("OnFailure");
	}

	@Test
	void theSelectorComesBackOnlyWithThePodLabelsItWasFor() {
		Manifest deployment = read(OF_EACH_KIND.get(WorkloadKind.DEPLOYMENT));
		Manifest pod = deployment.convertTo(WorkloadKind.POD).manifest();
		pod.editPodMetadata().withObject("labels").put("app", "shop");

		JsonNode spec = pod.convertTo(WorkloadKind.DEPLOYMENT).manifest().root().path("spec");

		assertThat(spec.path("selector").path("matchLabels")).isEqualTo(pod.podMetadata().path("labels"));
		assertThat(spec.path("strategy").path("type").asString()).isEqualTo("Recreate");
	}

	@Test
	void theMemoryTravelsInTheComposerStateAndNeverInTheManifest() {
		Manifest deployment = read(OF_EACH_KIND.get(WorkloadKind.POD)).convertTo(WorkloadKind.DEPLOYMENT).manifest();

		JsonNode state = ManifestReader.readJson(deployment.composerState().toString());
		Manifest carried = Manifest.ofComposerState(state);

		assertThat(deployment.toString()).doesNotContain(KindMemory.STATE_FIELD);
		assertThat(state.has(KindMemory.STATE_FIELD)).isTrue();
		assertThat(carried.root().has(KindMemory.STATE_FIELD)).isFalse();
		assertThat(carried.convertTo(WorkloadKind.POD).manifest()).isEqualTo(read(OF_EACH_KIND.get(WorkloadKind.POD)));
		assertThat(Manifest.of(state).root().has(KindMemory.STATE_FIELD)).as("only the composer reads it").isTrue();
	}

	@Test
	void aDamagedMemoryIsForgotten() {
		ObjectNode state = read(OF_EACH_KIND.get(WorkloadKind.JOB)).root().deepCopy();
		state.putObject(KindMemory.STATE_FIELD).putObject("Pod").put("fields", "not an object");

		Manifest job = Manifest.ofComposerState(state);

		assertThat(job.root().has(KindMemory.STATE_FIELD)).isFalse();
		assertThat(job.composerState().has(KindMemory.STATE_FIELD)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = WorkloadKind.class, names = { "DEPLOYMENT", "REPLICA_SET", "STATEFUL_SET", "DAEMON_SET" })
	void aLabelledPodGoesToAControllerAndBackUnchanged(WorkloadKind kind) {
		Manifest pod = read(LABELLED_POD);

		KindConversion.Result wrapped = pod.convertTo(kind);

		assertThat(wrapped.manifest().kind()).isEqualTo(kind);
		assertThat(wrapped.manifest().root().path("apiVersion").asString()).isEqualTo("apps/v1");
		assertThat(wrapped.manifest().root().path("kind").asString()).isEqualTo(kind.kindName());
		assertThat(wrapped.manifest().root().path("spec").path("selector").path("matchLabels"))
			.isEqualTo(pod.root().path("metadata").path("labels"));
		assertThat(wrapped.manifest().podSpec()).isEqualTo(pod.root().path("spec"));
		assertThat(wrapped.notes()).isEmpty();
		assertThat(wrapped.manifest().convertTo(WorkloadKind.POD).manifest()).isEqualTo(pod);
		assertThat(pod).isEqualTo(read(LABELLED_POD));
	}

	@ParameterizedTest
	@EnumSource(value = WorkloadKind.class, names = { "JOB", "CRON_JOB" })
	void aPodThatRunsOnceGoesToABatchKindAndBackUnchanged(WorkloadKind kind) {
		Manifest pod = read(BATCH_POD);

		KindConversion.Result wrapped = pod.convertTo(kind);

		assertThat(wrapped.manifest().root().path("apiVersion").asString()).isEqualTo("batch/v1");
		assertThat(wrapped.manifest().podSpec()).isEqualTo(pod.root().path("spec"));
		assertThat(wrapped.manifest().convertTo(WorkloadKind.POD).manifest()).isEqualTo(pod);
	}

	@Test
	void theCronJobPodTemplateLivesUnderTheJobTemplate() {
		Manifest cronJob = read(BATCH_POD).convertTo(WorkloadKind.CRON_JOB).manifest();

		JsonNode template = cronJob.root().path("spec").path("jobTemplate").path("spec").path("template");
		assertThat(template.path("spec").path("containers").get(0).path("name").asString()).isEqualTo("report");
		assertThat(template.path("metadata").path("labels").path("app").asString()).isEqualTo("report");
		assertThat(cronJob.root().path("spec").path("schedule").asString()).isEqualTo(KindConversion.DEFAULT_SCHEDULE);
		assertThat(cronJob.root().path("spec").has("template")).isFalse();
		assertThat(cronJob.root().path("spec").has("selector")).isFalse();
	}

	@Test
	void aPodWithoutLabelsIsSelectedByItsName() {
		Manifest pod = read("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: cache
				spec:
				  containers:
				  - {name: redis, image: redis}
				""");

		KindConversion.Result result = pod.convertTo(WorkloadKind.DEPLOYMENT);

		JsonNode spec = result.manifest().root().path("spec");
		assertThat(spec.path("selector").path("matchLabels").properties()).hasSize(1);
		assertThat(spec.path("selector").path("matchLabels").path("app").asString()).isEqualTo("cache");
		assertThat(spec.path("template").path("metadata").path("labels").path("app").asString()).isEqualTo("cache");
		assertThat(result.manifest().root().path("metadata").path("labels").path("app").asString()).isEqualTo("cache");
		assertThat(result.notes()).singleElement().asString().contains("app: cache");
	}

	@Test
	void movesAnnotationsToThePodTemplateAndKeepsNameAndNamespaceOutside() {
		Manifest deployment = read(LABELLED_POD).convertTo(WorkloadKind.DEPLOYMENT).manifest();

		JsonNode metadata = deployment.root().path("metadata");
		assertThat(metadata.path("name").asString()).isEqualTo("web");
		assertThat(metadata.path("namespace").asString()).isEqualTo("shop");
		assertThat(metadata.has("annotations")).isFalse();
		assertThat(deployment.podMetadata().path("annotations").path("team").asString()).isEqualTo("platform");
		assertThat(deployment.podMetadata().has("name")).isFalse();
	}

	@Test
	void aRunningPodBecomesABatchPodWithRestartPolicyNever() {
		KindConversion.Result job = read(LABELLED_POD).convertTo(WorkloadKind.JOB);

		assertThat(job.manifest().podSpec().path("restartPolicy").asString()).isEqualTo("Never");
		assertThat(job.notes()).singleElement().asString().contains("restartPolicy is now Never");
	}

	@Test
	void aBatchPodLosesItsRestartPolicyInAController() {
		KindConversion.Result daemonSet = read(BATCH_POD).convertTo(WorkloadKind.DAEMON_SET);

		assertThat(daemonSet.manifest().podSpec().has("restartPolicy")).isFalse();
		assertThat(daemonSet.notes()).singleElement().asString().contains("restartPolicy Never was removed");
	}

	@Test
	void onFailureIsKeptForBatchKinds() {
		Manifest pod = read(BATCH_POD.replace("restartPolicy: Never", "restartPolicy: OnFailure"));

		KindConversion.Result job = pod.convertTo(WorkloadKind.JOB);

		assertThat(job.manifest().podSpec().path("restartPolicy").asString()).isEqualTo("OnFailure");
		assertThat(job.notes()).isEmpty();
	}

	@Test
	void replicasCarryOverBetweenKindsThatHaveThem() {
		Manifest deployment = read(LABELLED_POD).convertTo(WorkloadKind.DEPLOYMENT).manifest();
		deployment.editWorkloadSpec().put("replicas", 5);

		Manifest statefulSet = deployment.convertTo(WorkloadKind.STATEFUL_SET).manifest();

		assertThat(statefulSet.root().path("spec").path("replicas").intValue()).isEqualTo(5);
		assertThat(statefulSet.root().path("spec").path("serviceName").asString()).isEqualTo("web");
		assertThat(read(LABELLED_POD).convertTo(WorkloadKind.REPLICA_SET)
			.manifest()
			.root()
			.path("spec")
			.path("replicas")
			.intValue()).isEqualTo(1);
		assertThat(statefulSet.convertTo(WorkloadKind.DAEMON_SET).manifest().root().path("spec").has("replicas"))
			.isFalse();
	}

	@Test
	void everyPodFieldSurvivesEveryConversion() {
		Manifest pod = read(LABELLED_POD);
		JsonNode podSpec = pod.root().path("spec");

		for (WorkloadKind kind : EnumSet.complementOf(EnumSet.of(WorkloadKind.POD))) {
			JsonNode converted = pod.convertTo(kind).manifest().podSpec();
			assertThat(converted.path("affinity")).as(kind.kindName()).isEqualTo(podSpec.path("affinity"));
			assertThat(converted.path("tolerations")).as(kind.kindName()).isEqualTo(podSpec.path("tolerations"));
			assertThat(converted.path("volumes")).as(kind.kindName()).isEqualTo(podSpec.path("volumes"));
			assertThat(converted.path("fooBar")).as(kind.kindName()).isEqualTo(podSpec.path("fooBar"));
			assertThat(converted.path("containers")).as(kind.kindName()).isEqualTo(podSpec.path("containers"));
		}
	}

	@Test
	void convertingBetweenWorkloadKindsKeepsThePod() {
		Manifest deployment = read(LABELLED_POD).convertTo(WorkloadKind.DEPLOYMENT).manifest();
		Manifest job = read(BATCH_POD).convertTo(WorkloadKind.JOB).manifest();

		for (WorkloadKind kind : EnumSet.of(WorkloadKind.REPLICA_SET, WorkloadKind.STATEFUL_SET,
				WorkloadKind.DAEMON_SET)) {
			assertThat(deployment.convertTo(kind).manifest().podTemplate()).as(kind.kindName())
				.isEqualTo(deployment.podTemplate());
		}
		Manifest cronJob = job.convertTo(WorkloadKind.CRON_JOB).manifest();
		assertThat(cronJob.podTemplate()).isEqualTo(job.podTemplate());
		assertThat(cronJob.convertTo(WorkloadKind.JOB).manifest()).isEqualTo(job);
	}

	@Test
	void convertingToTheSameKindGivesACopy() {
		Manifest pod = read(LABELLED_POD);

		KindConversion.Result same = pod.convertTo(WorkloadKind.POD);
		same.manifest().editPodSpec().put("hostname", "changed");

		assertThat(same.notes()).isEmpty();
		assertThat(pod.podSpec().has("hostname")).isFalse();
	}

	private static Manifest read(String yaml) {
		return Manifest.of(ManifestReader.readYaml(yaml));
	}

}
