package io.podcomposer.kube;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

import io.kubernetes.client.Discovery;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.BatchV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.PatchOptions;
import io.podcomposer.kube.FakeKubernetes.RecordedRequest;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The calls the portal makes, with the official client, against the fake API server. */
class FakeKubernetesTest {

	private static final String TOKEN = "fake-token-for-api-test";

	private final FakeKubernetes fake = FakeKubernetes.start(TOKEN);

	private final ApiClient client = fake.connection(Duration.ofSeconds(5)).apiClient();

	private final CoreV1Api api = new CoreV1Api(client);

	private final AppsV1Api apps = new AppsV1Api(client);

	private final BatchV1Api batch = new BatchV1Api(client);

	@AfterEach
	void stop() {
		fake.close();
	}

	@Test
	void aDryRunStoresNothingThenTheApplyStoresThePod() throws ApiException {
		String yaml = podYaml(Manifest.newPod("web", "main", "nginx:1.27"));

		V1Pod dryRun = apply("default", "web", yaml, true);

		assertThat(dryRun.getMetadata().getName()).isEqualTo("web");
		assertThat(dryRun.getMetadata().getResourceVersion()).as("a create's dry run has no version yet").isNull();
		assertThat(fake.pod("default", "web")).isEmpty();
		RecordedRequest request = last();
		assertThat(request.method()).isEqualTo("PATCH");
		assertThat(request.path()).isEqualTo("/api/v1/namespaces/default/pods/web");
		assertThat(request.query()).containsEntry("dryRun", "All").containsEntry("fieldManager", "pod-composer");
		assertThat(request.contentType()).startsWith("application/apply-patch+yaml");
		assertThat(request.body()).isEqualTo(yaml);
		assertThat(status(() -> api.readNamespacedPod("web", "default").execute())).isEqualTo(404);

		V1Pod applied = apply("default", "web", yaml, false);

		assertThat(last().query()).doesNotContainKey("dryRun").containsEntry("fieldManager", "pod-composer");
		assertThat(fake.pod("default", "web").orElseThrow().at("/metadata/managedFields/0/manager").asString())
			.isEqualTo("pod-composer");
		V1Pod read = api.readNamespacedPod("web", "default").execute();
		assertThat(read.getMetadata().getUid()).isEqualTo(applied.getMetadata().getUid());
		// an update's dry run answers with the version it started from, as the API
		// server's dry-run storage does
		V1Pod changeDryRun = apply("default", "web", yaml.replace("nginx:1.27", "nginx:1.28"), true);
		assertThat(changeDryRun.getMetadata().getResourceVersion()).isEqualTo(read.getMetadata().getResourceVersion());
		assertThat(changeDryRun.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.28");
		assertThat(read.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
		DynamicKubernetesObject dynamic = new DynamicKubernetesApi("", "v1", "pods", client).get("default", "web")
			.getObject();
		assertThat(last().path()).isEqualTo("/api/v1/namespaces/default/pods/web");
		assertThat(dynamic.getMetadata().getUid()).isEqualTo(applied.getMetadata().getUid());
	}

	@Test
	void applyingAgainUpdatesTheSamePod() throws ApiException {
		V1Pod created = apply("default", "web", podYaml(Manifest.newPod("web", "main", "nginx:1.27")), false);

		V1Pod updated = apply("default", "web", podYaml(Manifest.newPod("web", "main", "nginx:1.28")), false);

		assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
		assertThat(updated.getMetadata().getResourceVersion()).isNotEqualTo(created.getMetadata().getResourceVersion());
		assertThat(api.readNamespacedPod("web", "default").execute().getSpec().getContainers().get(0).getImage())
			.isEqualTo("nginx:1.28");
	}

	@Test
	void applyWithoutTheApplyContentTypeIsRefused() {
		V1Patch patch = new V1Patch(podYaml(Manifest.newPod("web", "main", "nginx:1.27")));

		assertThat(status(() -> api.patchNamespacedPod("web", "default", patch).fieldManager("pod-composer").execute()))
			.isEqualTo(415);
		assertThat(fake.pod("default", "web")).isEmpty();
	}

	@Test
	void theKubeletRunsAnAppliedPodAndGivesItAnIp() throws Exception {
		apply("default", "web", podYaml(Manifest.newPod("web", "main", "nginx:1.27")), false);

		V1Pod pod = afterTheKubelet("web");

		assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
		assertThat(pod.getStatus().getPodIP()).startsWith("10.244.");
		assertThat(pod.getSpec().getNodeName()).isEqualTo("fake-node-1");
		assertThat(pod.getStatus().getContainerStatuses()).singleElement().satisfies(container -> {
			assertThat(container.getName()).isEqualTo("main");
			assertThat(container.getState().getRunning()).isNotNull();
		});
	}

	@Test
	void anImageThatCannotBePulledLeavesThePodPendingInImagePullBackOff() throws Exception {
		String image = FakeKubernetes.MISSING_IMAGE_HOST + "/nothing:1";
		apply("default", "web", podYaml(Manifest.newPod("web", "main", image)), false);

		V1Pod pod = afterTheKubelet("web");

		assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
		assertThat(pod.getStatus().getContainerStatuses()).singleElement().satisfies(container -> {
			assertThat(container.getReady()).isFalse();
			assertThat(container.getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff");
			assertThat(container.getState().getWaiting().getMessage())
				.isEqualTo("Back-off pulling image \"" + image + "\"");
		});
	}

	@Test
	void podsAreListedByLabelSelectorAndDeleted() throws ApiException {
		for (String[] pod : List.of(new String[] { "a-1", "a" }, new String[] { "a-2", "a" },
				new String[] { "b-1", "b" })) {
			Manifest manifest = Manifest.newPod(pod[0], "main", "nginx:1.27");
			((ObjectNode) manifest.root().get("metadata")).putObject("labels").put("app", pod[1]);
			apply("default", pod[0], podYaml(manifest), false);
		}

		assertThat(names(api.listNamespacedPod("default").labelSelector("app=a").execute().getItems()))
			.containsExactly("a-1", "a-2");
		assertThat(names(api.listNamespacedPod("default").labelSelector("app!=a").execute().getItems()))
			.containsExactly("b-1");
		assertThat(names(api.listNamespacedPod("default").execute().getItems())).containsExactly("a-1", "a-2", "b-1");
		assertThat(last().query()).doesNotContainKey("labelSelector");

		api.deleteNamespacedPod("a-1", "default").execute();

		assertThat(fake.pod("default", "a-1")).isEmpty();
		assertThat(status(() -> api.deleteNamespacedPod("a-1", "default").execute())).isEqualTo(404);
		assertThat(names(api.listNamespacedPod("default").labelSelector("app=a").execute().getItems()))
			.containsExactly("a-2");
	}

	@Test
	void namespacesAreCreatedWithLabelsAndListed() throws ApiException {
		V1Namespace namespace = new V1Namespace().metadata(
				new V1ObjectMeta().name("team-a").labels(Map.of("pod-security.kubernetes.io/enforce", "baseline")));

		api.createNamespace(namespace).execute();

		assertThat(api.readNamespace("team-a").execute().getMetadata().getLabels())
			.containsEntry("pod-security.kubernetes.io/enforce", "baseline")
			.containsEntry("kubernetes.io/metadata.name", "team-a");
		assertThat(
				api.listNamespace().labelSelector("pod-security.kubernetes.io/enforce=baseline").execute().getItems())
			.extracting(item -> item.getMetadata().getName())
			.containsExactly("team-a");
		assertThat(status(() -> api.createNamespace(namespace).execute())).isEqualTo(409);
		assertThat(status(() -> api.readNamespace("missing").execute())).isEqualTo(404);
	}

	@Test
	void aPodInAMissingNamespaceIsNotFound() {
		ApiException refused = refusal(
				() -> apply("missing", "web", podYaml(Manifest.newPod("web", "main", "nginx:1.27")), false));

		assertThat(refused.getCode()).isEqualTo(404);
		assertThat(ClusterFailure.statusMessage(refused.getResponseBody()))
			.isEqualTo("namespaces \"missing\" not found");
	}

	@Test
	void aBaselineNamespaceRefusesIpcLockInTheAdmissionControllersWords() throws ApiException {
		fake.createNamespace("secure", Map.of("pod-security.kubernetes.io/enforce", "baseline"));
		Manifest manifest = Manifest.newPod("x", "c", "nginx:1.27");
		((ObjectNode) manifest.editPodSpec().get("containers").get(0)).putObject("securityContext")
			.putObject("capabilities")
			.putArray("add")
			.add("IPC_LOCK")
			.add("CHOWN");

		ApiException refused = refusal(() -> apply("secure", "x", podYaml(manifest), true));

		assertThat(refused.getCode()).isEqualTo(403);
		assertThat(ClusterFailure.statusMessage(refused.getResponseBody()))
			.isEqualTo("pods \"x\" is forbidden: violates PodSecurity \"baseline:latest\": non-default capabilities "
					+ "(container \"c\" must not include \"IPC_LOCK\" in securityContext.capabilities.add)");
		assertThat(apply("default", "x", podYaml(manifest), false).getMetadata().getName()).isEqualTo("x");
	}

	@Test
	void aBaselineNamespaceRefusesHostNamespacesHostPathsAndHostPortsTogether() {
		fake.createNamespace("secure", Map.of("pod-security.kubernetes.io/enforce", "baseline"));
		Manifest manifest = Manifest.newPod("x", "c", "nginx:1.27");
		ObjectNode spec = manifest.editPodSpec();
		spec.put("hostNetwork", true).put("hostPID", true);
		spec.putArray("volumes").addObject().put("name", "root").putObject("hostPath").put("path", "/");
		((ObjectNode) spec.get("containers").get(0)).putArray("ports")
			.addObject()
			.put("containerPort", 80)
			.put("hostPort", 8080);
		((ObjectNode) spec.get("containers").get(0)).putObject("securityContext").put("privileged", true);

		ApiException refused = refusal(() -> apply("secure", "x", podYaml(manifest), true));

		assertThat(ClusterFailure.statusMessage(refused.getResponseBody()))
			.isEqualTo("pods \"x\" is forbidden: violates PodSecurity \"baseline:latest\": "
					+ "host namespaces (hostNetwork=true, hostPID=true), hostPath volumes (volume \"root\"), "
					+ "hostPort (container \"c\" uses hostPort 8080), "
					+ "privileged (container \"c\" must not set securityContext.privileged=true)");
	}

	@Test
	void discoveryServesTheCoreAppsAndBatchResourcesAsTheClientFindsThem() throws ApiException {
		Set<Discovery.APIResource> resources = new Discovery(client).findAll();

		assertThat(resources).extracting(resource -> resource.getGroup() + "/" + resource.getResourcePlural())
			.contains("/pods", "/events", "/namespaces", "apps/deployments", "apps/replicasets", "apps/statefulsets",
					"apps/daemonsets", "batch/jobs", "batch/cronjobs");
		assertThat(resources).filteredOn(resource -> resource.getResourcePlural().equals("pods"))
			.singleElement()
			.satisfies(pods -> assertThat(pods.getSubResources()).contains("log"));
	}

	/**
	 * What kubectl reads before it leaves validation to the server
	 * (fieldValidation=Strict), and how it caches it.
	 */
	@Test
	void openApiV3NamesEachGroupVersionsDocumentUnderItsHashWithThePatchParametersKubectlLooksFor() throws Exception {
		JsonNode paths = ManifestReader.readJson(get("/openapi/v3").body().string()).path("paths");
		assertThat(paths.propertyNames()).containsExactlyInAnyOrder("api/v1", "apis/apps/v1", "apis/batch/v1");
		String core = paths.at("/api~1v1/serverRelativeURL").asString();
		assertThat(core).matches("/openapi/v3/api/v1\\?hash=[0-9A-F]{128}");

		try (Response document = get(core)) {
			assertThat(document.code()).isEqualTo(200);
			assertThat(document.header("Content-Type")).isEqualTo("application/json");
			assertThat(document.header("Cache-Control")).isEqualTo("public, immutable");
			assertThat(document.header("ETag")).isEqualTo("\"" + core.substring(core.indexOf('=') + 1) + "\"");
			JsonNode patch = ManifestReader.readJson(document.body().string())
				.path("paths")
				.path("/api/v1/namespaces/{namespace}/pods/{name}")
				.path("patch");
			assertThat(patch.path("x-kubernetes-group-version-kind").toString())
				.isEqualTo("{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"}");
			assertThat(patch.path("parameters").findValuesAsString("name")).contains("fieldValidation", "dryRun",
					"fieldManager", "force");
		}
		String apps = paths.at("/apis~1apps~1v1/serverRelativeURL").asString();
		assertThat(ManifestReader.readJson(get(apps).body().string())
			.at("/paths/~1apis~1apps~1v1~1namespaces~1{namespace}~1deployments~1{name}/patch/x-kubernetes-group-version-kind/kind")
			.asString()).isEqualTo("Deployment");
		try (Response unhashed = get("/openapi/v3/api/v1"); Response moved = get("/openapi/v3/api/v1?hash=0BSOLETE")) {
			assertThat(unhashed.header("Cache-Control")).isEqualTo("no-cache, private");
			assertThat(moved.code()).isEqualTo(301);
			assertThat(moved.header("Location")).isEqualTo(core);
		}
		try (Response unknown = get("/openapi/v3/apis/policy/v1")) {
			assertThat(unknown.code()).isEqualTo(404);
		}
	}

	@Test
	void aDeploymentIsDryRunThenAppliedAndItsControllerRunsItsPods() throws Exception {
		KubernetesApiResponse<DynamicKubernetesObject> dryRun = applyWorkload("apps", "deployments", "web",
				deployment("web", "nginx:1.27", 2), true);

		assertThat(dryRun.isSuccess()).isTrue();
		assertThat(dryRun.getObject().getMetadata().getUid()).isNotBlank();
		assertThat(last().path()).isEqualTo("/apis/apps/v1/namespaces/default/deployments/web");
		assertThat(last().query()).containsEntry("dryRun", "All")
			.containsEntry("fieldManager", "pod-composer")
			.containsEntry("force", "false");
		assertThat(fake.object("apps/v1", "Deployment", "default", "web")).isEmpty();

		KubernetesApiResponse<DynamicKubernetesObject> applied = applyWorkload("apps", "deployments", "web",
				deployment("web", "nginx:1.27", 2), false);

		assertThat(applied.getObject().getMetadata().getName()).isEqualTo("web");
		V1Deployment deployment = eventually(() -> apps.readNamespacedDeployment("web", "default").execute(),
				read -> Integer.valueOf(2).equals(read.getStatus().getReadyReplicas()));
		assertThat(deployment.getMetadata().getGeneration()).isEqualTo(1);
		assertThat(deployment.getStatus().getReplicas()).isEqualTo(2);
		assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(2);
		assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(2);
		assertThat(deployment.getStatus().getObservedGeneration()).isEqualTo(1);
		List<V1Pod> pods = api.listNamespacedPod("default").labelSelector("app=web").execute().getItems();
		assertThat(pods).hasSize(2).allSatisfy(pod -> {
			assertThat(pod.getMetadata().getName()).matches("web-[a-z0-9]{10}-[a-z0-9]{5}");
			assertThat(pod.getMetadata().getLabels()).containsKey("pod-template-hash");
			assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
				assertThat(owner.getKind()).isEqualTo("ReplicaSet");
				assertThat(owner.getController()).isTrue();
				assertThat(pod.getMetadata().getName()).startsWith(owner.getName() + "-");
			});
			assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
		});
		assertThat(fake.podsOwnedBy("Deployment", "default", "web")).hasSize(2);

		api.deleteNamespacedPod(pods.get(0).getMetadata().getName(), "default").execute();

		List<String> replaced = eventuallyPods("web",
				names -> names.size() == 2 && !names.contains(pods.get(0).getMetadata().getName()));
		assertThat(replaced).contains(pods.get(1).getMetadata().getName());
		assertThat(api.listNamespacedEvent("default")
			.fieldSelector("involvedObject.name=" + pods.get(0).getMetadata().getName() + ",reason=Killing")
			.execute()
			.getItems()).singleElement()
			.satisfies(event -> assertThat(event.getMessage()).isEqualTo("Stopping container app"));
		String replicaSet = pods.get(0).getMetadata().getOwnerReferences().get(0).getName();
		assertThat(apps.readNamespacedReplicaSet(replicaSet, "default").execute().getMetadata().getOwnerReferences())
			.singleElement()
			.satisfies(owner -> assertThat(owner.getUid()).isEqualTo(deployment.getMetadata().getUid()));
	}

	@Test
	void eachWorkloadKindHasItsPodsAndStatus() throws Exception {
		applyWorkload("apps", "statefulsets", "db",
				workload("apps/v1", "StatefulSet", "db", "replicas: 2", "postgres:17"), false);
		applyWorkload("apps", "daemonsets", "agent", workload("apps/v1", "DaemonSet", "agent", "", "fluent-bit:3"),
				false);
		applyWorkload("apps", "replicasets", "cache",
				workload("apps/v1", "ReplicaSet", "cache", "replicas: 1", "redis:7"), false);
		applyWorkload("batch", "jobs", "migrate", job("migrate", "flyway:11"), false);
		applyWorkload("batch", "cronjobs", "nightly", cronJob("nightly", "backup:1"), false);

		V1StatefulSet statefulSet = eventually(() -> apps.readNamespacedStatefulSet("db", "default").execute(),
				read -> Integer.valueOf(2).equals(read.getStatus().getReadyReplicas()));
		assertThat(names(fake.podsOwnedBy("StatefulSet", "default", "db"))).containsExactly("db-0", "db-1");
		assertThat(statefulSet.getStatus().getCurrentRevision()).startsWith("db-");
		V1DaemonSet daemonSet = eventually(() -> apps.readNamespacedDaemonSet("agent", "default").execute(),
				read -> read.getStatus().getNumberReady() == 1);
		assertThat(daemonSet.getStatus().getDesiredNumberScheduled()).isEqualTo(1);
		assertThat(names(fake.podsOwnedBy("DaemonSet", "default", "agent"))).singleElement()
			.satisfies(name -> assertThat(name).matches("agent-[a-z0-9]{5}"));
		eventually(() -> apps.readNamespacedReplicaSet("cache", "default").execute(),
				read -> Integer.valueOf(1).equals(read.getStatus().getReadyReplicas()));
		assertThat(names(fake.podsOwnedBy("ReplicaSet", "default", "cache"))).singleElement()
			.satisfies(name -> assertThat(name).matches("cache-[a-z0-9]{5}"));
		V1Job job = eventually(() -> batch.readNamespacedJob("migrate", "default").execute(),
				read -> read.getStatus().getStartTime() != null);
		assertThat(job.getSpec().getParallelism()).isEqualTo(1);
		assertThat(api.listNamespacedPod("default")
			.labelSelector("batch.kubernetes.io/job-name=migrate")
			.execute()
			.getItems()).singleElement()
			.satisfies(pod -> assertThat(pod.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Job"));
		assertThat(batch.readNamespacedCronJob("nightly", "default").execute().getSpec().getSchedule())
			.isEqualTo("0 2 * * *");
		assertThat(fake.podsOwnedBy("CronJob", "default", "nightly")).isEmpty();
		assertThat(
				names(new DynamicKubernetesApi("batch", "v1", "jobs", client).list("default").getObject().getItems()))
			.containsExactly("migrate");
	}

	@Test
	void aJobsPodRunsToCompletion() throws Exception {
		applyWorkload("batch", "jobs", "migrate", job("migrate", "flyway:11"), false);

		V1Job job = eventually(() -> batch.readNamespacedJob("migrate", "default").execute(),
				read -> Integer.valueOf(1).equals(read.getStatus().getSucceeded()));

		assertThat(job.getStatus().getActive()).isNull();
		assertThat(job.getStatus().getCompletionTime()).isNotNull();
		assertThat(job.getStatus().getConditions())
			.extracting(condition -> condition.getType() + "=" + condition.getStatus())
			.containsExactly("SuccessCriteriaMet=True", "Complete=True");
		JsonNode pod = fake.podsOwnedBy("Job", "default", "migrate").get(0);
		assertThat(pod.at("/status/phase").asString()).isEqualTo("Succeeded");
		assertThat(pod.at("/status/containerStatuses/0/state/terminated/reason").asString()).isEqualTo("Completed");
		assertThat(api.readNamespacedPodLog(pod.at("/metadata/name").asString(), "default").tailLines(1).execute())
			.contains("done, exit code 0");
		assertThat(api.listNamespacedEvent("default")
			.fieldSelector("involvedObject.kind=Job,involvedObject.name=migrate")
			.execute()
			.getItems()).extracting(CoreV1Event::getReason).containsExactly("SuccessfulCreate", "Completed");
	}

	@Test
	void applyRefusesAnObjectOfAnotherKindOrVersionThanTheUrl() {
		KubernetesApiResponse<DynamicKubernetesObject> wrongKind = applyWorkload("apps", "statefulsets", "web",
				deployment("web", "nginx:1.27", 1), false);
		KubernetesApiResponse<DynamicKubernetesObject> wrongVersion = applyWorkload("batch", "jobs", "web",
				deployment("web", "nginx:1.27", 1), false);

		assertThat(wrongKind.getHttpStatusCode()).isEqualTo(400);
		assertThat(wrongKind.getStatus().getMessage()).isEqualTo("invalid object type: apps/v1, Kind=Deployment");
		assertThat(wrongVersion.getStatus().getReason()).isEqualTo("BadRequest");
		assertThat(fake.object("apps/v1", "StatefulSet", "default", "web")).isEmpty();
	}

	@Test
	void reapplyingAChangedTemplateReplacesThePodsAndDeletingTheWorkloadDeletesThem() throws Exception {
		applyWorkload("apps", "deployments", "web", deployment("web", "nginx:1.27", 1), false);
		List<String> before = eventuallyPods("web", pods -> pods.size() == 1);

		KubernetesApiResponse<DynamicKubernetesObject> changed = applyWorkload("apps", "deployments", "web",
				deployment("web", "nginx:1.28", 1), false);

		assertThat(changed.isSuccess()).isTrue();
		List<String> after = eventuallyPods("web", pods -> pods.size() == 1 && !pods.equals(before));
		assertThat(fake.podsOwnedBy("Deployment", "default", "web")).singleElement()
			.satisfies(pod -> assertThat(pod.at("/spec/containers/0/image").asString()).isEqualTo("nginx:1.28"));
		assertThat(apps.readNamespacedDeployment("web", "default").execute().getMetadata().getGeneration())
			.isEqualTo(2);
		assertThat(after).doesNotContainAnyElementsOf(before);

		KubernetesApiResponse<DynamicKubernetesObject> deleted = new DynamicKubernetesApi("apps", "v1", "deployments",
				client)
			.delete("default", "web");

		assertThat(deleted.isSuccess()).isTrue();
		assertThat(last().method()).isEqualTo("DELETE");
		assertThat(fake.object("apps/v1", "Deployment", "default", "web")).isEmpty();
		assertThat(api.listNamespacedPod("default").execute().getItems()).isEmpty();
		assertThat(apps.listNamespacedReplicaSet("default").execute().getItems()).isEmpty();
		assertThat(new DynamicKubernetesApi("apps", "v1", "deployments", client).get("default", "web")
			.getStatus()
			.getMessage()).isEqualTo("deployments.apps \"web\" not found");
	}

	@Test
	void aWorkloadViolatingPodSecurityIsAdmittedWithAWarningButItsPodsAreNot() throws Exception {
		fake.createNamespace("secure", Map.of("pod-security.kubernetes.io/enforce", "baseline"));
		String yaml = deployment("web", "nginx:1.27", 1).replace("image: nginx:1.27", """
				image: nginx:1.27
				        securityContext:
				          capabilities:
				            add: [IPC_LOCK]""");
		String violation = "violates PodSecurity \"baseline:latest\": non-default capabilities "
				+ "(container \"app\" must not include \"IPC_LOCK\" in securityContext.capabilities.add)";

		// client-java drops Warning headers: the same request, sent with its HTTP client
		Request patch = new CustomObjectsApi(client)
			.patchNamespacedCustomObject("apps", "v1", "secure", "deployments", "web", new V1Patch(yaml))
			.fieldManager("pod-composer")
			.buildCall(null)
			.request();
		Request apply = patch.newBuilder()
			.patch(RequestBody.create(yaml, MediaType.parse(V1Patch.PATCH_FORMAT_APPLY_YAML)))
			.build();

		try (Response admitted = client.getHttpClient().newCall(apply).execute()) {
			assertThat(admitted.code()).isEqualTo(201);
			assertThat(admitted.headers("Warning"))
				.containsExactly("299 - \"would " + violation.replace("\"", "\\\"") + "\"");
		}
		V1Deployment deployment = eventually(() -> apps.readNamespacedDeployment("web", "secure").execute(),
				read -> read.getStatus().getConditions() != null && read.getStatus().getConditions().size() == 3);
		String replicaSet = apps.listNamespacedReplicaSet("secure").execute().getItems().get(0).getMetadata().getName();
		CoreV1Event failed = api.listNamespacedEvent("secure")
			.fieldSelector("involvedObject.name=" + replicaSet + ",involvedObject.kind=ReplicaSet")
			.execute()
			.getItems()
			.get(0);
		assertThat(failed.getType()).isEqualTo("Warning");
		assertThat(failed.getReason()).isEqualTo("FailedCreate");
		assertThat(failed.getMessage())
			.isEqualTo("Error creating: pods \"" + replicaSet + "-\" is forbidden: " + violation);
		assertThat(deployment.getStatus().getConditions()).anySatisfy(condition -> {
			assertThat(condition.getType()).isEqualTo("ReplicaFailure");
			assertThat(condition.getMessage()).isEqualTo(failed.getMessage());
		});
		assertThat(fake.podsOwnedBy("Deployment", "secure", "web")).isEmpty();
	}

	@Test
	void theSchedulerKubeletAndControllersRecordEvents() throws Exception {
		applyWorkload("apps", "deployments", "web", deployment("web", "nginx:1.27", 1), false);
		apply("default", "broken",
				podYaml(Manifest.newPod("broken", "main", FakeKubernetes.MISSING_IMAGE_HOST + "/x:1")), false);
		String pod = eventuallyPods("web", pods -> pods.size() == 1).get(0);
		afterTheKubelet("broken");
		eventually(() -> api.readNamespacedPod(pod, "default").execute(),
				read -> read.getStatus().getStartTime() != null);

		List<CoreV1Event> podEvents = api.listNamespacedEvent("default")
			.fieldSelector("involvedObject.name=" + pod + ",involvedObject.kind=Pod")
			.execute()
			.getItems();

		assertThat(podEvents).extracting(CoreV1Event::getReason)
			.containsExactly("Scheduled", "Pulling", "Pulled", "Created", "Started");
		assertThat(podEvents.get(0).getMessage()).isEqualTo("Successfully assigned default/" + pod + " to fake-node-1");
		assertThat(podEvents.get(0).getSource().getComponent()).isEqualTo("default-scheduler");
		assertThat(podEvents.get(1).getMessage()).isEqualTo("Pulling image \"nginx:1.27\"");
		assertThat(podEvents).allSatisfy(event -> {
			assertThat(event.getCount()).isEqualTo(1);
			assertThat(event.getFirstTimestamp()).isNotNull();
			assertThat(event.getLastTimestamp()).isNotNull();
			assertThat(event.getEventTime()).isNotNull();
			assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("v1");
			assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("default");
			assertThat(event.getInvolvedObject().getUid()).isNotBlank();
		});
		List<CoreV1Event> broken = api.listNamespacedEvent("default")
			.fieldSelector("involvedObject.name=broken")
			.execute()
			.getItems();
		assertThat(broken).extracting(CoreV1Event::getReason).contains("Pulling", "Failed", "BackOff");
		assertThat(broken).filteredOn(event -> event.getReason().equals("Failed")).first().satisfies(event -> {
			assertThat(event.getType()).isEqualTo("Warning");
			assertThat(event.getMessage()).startsWith("Failed to pull image \"registry.invalid/x:1\": ");
		});
		String replicaSet = pod.substring(0, pod.lastIndexOf('-'));
		assertThat(
				api.listNamespacedEvent("default").fieldSelector("involvedObject.kind=ReplicaSet").execute().getItems())
			.singleElement()
			.satisfies(event -> {
				assertThat(event.getReason()).isEqualTo("SuccessfulCreate");
				assertThat(event.getMessage()).isEqualTo("Created pod: " + pod);
			});
		assertThat(
				api.listNamespacedEvent("default").fieldSelector("involvedObject.kind=Deployment").execute().getItems())
			.singleElement()
			.satisfies(event -> assertThat(event.getMessage())
				.isEqualTo("Scaled up replica set " + replicaSet + " from 0 to 1"));
		assertThat(fake.events("default")).hasSizeGreaterThan(podEvents.size() + broken.size());
	}

	@Test
	void aRunningContainerHasALogThatGrowsAndTailLinesCutsIt() throws Exception {
		Manifest manifest = Manifest.newPod("web", "main", "nginx:1.27");
		apply("default", "web", podYaml(manifest), false);
		afterTheKubelet("web");

		String log = api.readNamespacedPodLog("web", "default").container("main").execute();

		assertThat(log.lines().toList()).hasSize(2).first().asString().contains("\"main\"", "\"nginx:1.27\"");
		// the simulated container writes a line a second
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(api.readNamespacedPodLog("web", "default").execute().lines())
				.hasSizeGreaterThanOrEqualTo(3));
		assertThat(api.readNamespacedPodLog("web", "default").tailLines(1).execute().lines()).singleElement()
			.asString()
			.contains("still running");
	}

	@Test
	void aFollowedLogStreamsTheLinesAContainerGains() throws Exception {
		apply("default", "web", podYaml(Manifest.newPod("web", "main", "nginx:1.27")), false);
		afterTheKubelet("web");
		Call call = api.readNamespacedPodLog("web", "default").follow(true).buildCall(null);

		try (Response response = client.getHttpClient().newCall(call.request()).execute()) {
			BufferedSource stream = response.body().source();

			assertThat(response.header("Content-Type")).isEqualTo("text/plain");
			assertThat(stream.readUtf8LineStrict()).contains("starting container \"main\"");
			assertThat(stream.readUtf8LineStrict()).contains("is ready");
			assertThat(stream.readUtf8LineStrict()).contains("still running (1s)");
		}
		assertThat(last().query()).containsEntry("follow", "true");
	}

	@Test
	void aLogAsksForTheContainerAndRefusesOneThatDoesNotRun() throws Exception {
		Manifest manifest = Manifest.newPod("two", "a", "nginx:1.27");
		((ArrayNode) manifest.editPodSpec().get("containers")).addObject()
			.put("name", "b")
			.put("image", FakeKubernetes.MISSING_IMAGE_HOST + "/b:1");
		apply("default", "two", podYaml(manifest), false);
		afterTheKubelet("two");

		assertThat(logRefusal(() -> api.readNamespacedPodLog("two", "default").execute()))
			.isEqualTo("a container name must be specified for pod two, choose one of: [a b]");
		assertThat(logRefusal(() -> api.readNamespacedPodLog("two", "default").container("c").execute()))
			.isEqualTo("container c is not valid for pod two");
		assertThat(logRefusal(() -> api.readNamespacedPodLog("two", "default").container("b").execute()))
			.isEqualTo("container \"b\" in pod \"two\" is waiting to start: trying and failing to pull image");
		assertThat(api.readNamespacedPodLog("two", "default").container("a").execute()).contains("\"a\"");
	}

	@Test
	void applyingAFieldAnotherManagerOwnsIsAConflictUntilForced() throws ApiException {
		fake.applyAs("kubectl", "default", podYaml(Manifest.newPod("web", "app", "nginx:1.27")), false);

		ApiException refused = refusal(
				() -> apply("default", "web", podYaml(Manifest.newPod("web", "app", "nginx:1.28")), false));

		assertThat(refused.getCode()).isEqualTo(409);
		JsonNode status = ManifestReader.readJson(refused.getResponseBody());
		assertThat(status.path("reason").asString()).isEqualTo("Conflict");
		assertThat(status.path("message").asString())
			.isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.containers[name=\"app\"].image");
		assertThat(status.at("/details/causes/0/reason").asString()).isEqualTo("FieldManagerConflict");
		assertThat(status.at("/details/causes/0/message").asString()).isEqualTo("conflict with \"kubectl\"");
		assertThat(status.at("/details/causes/0/field").asString()).isEqualTo(".spec.containers[name=\"app\"].image");

		apply("default", "web", podYaml(Manifest.newPod("web", "app", "nginx:1.27")), false);
		JsonNode shared = fake.pod("default", "web").orElseThrow();
		assertThat(shared.at("/metadata/managedFields")).hasSize(2)
			.allSatisfy(entry -> assertThat(
					entry.at("/fieldsV1/f:spec/f:containers/k:{\"name\":\"app\"}/f:image").isObject())
				.isTrue());

		V1Pod forced = PatchUtils.patch(V1Pod.class, () -> api
			.patchNamespacedPod("web", "default", new V1Patch(podYaml(Manifest.newPod("web", "app", "nginx:1.28"))))
			.fieldManager("pod-composer")
			.force(true)
			.buildCall(null), V1Patch.PATCH_FORMAT_APPLY_YAML, client);

		assertThat(forced.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.28");
		JsonNode kubectl = managedFields("web", "kubectl");
		assertThat(kubectl.at("/fieldsV1/f:spec/f:containers/k:{\"name\":\"app\"}/f:name").isObject()).isTrue();
		assertThat(kubectl.at("/fieldsV1/f:spec/f:containers/k:{\"name\":\"app\"}/f:image").isMissingNode()).isTrue();
	}

	@Test
	void aFieldAPlainUpdateChangedConflictsWithTheUpdatersVersion() throws ApiException {
		apply("default", "web", podYaml(Manifest.newPod("web", "app", "nginx:1.27")), false);
		fake.updateAs("kubectl", "default", podYaml(Manifest.newPod("web", "app", "nginx:1.28")));

		ApiException refused = refusal(
				() -> apply("default", "web", podYaml(Manifest.newPod("web", "app", "nginx:1.27")), false));

		assertThat(ClusterFailure.statusMessage(refused.getResponseBody())).isEqualTo(
				"Apply failed with 1 conflict: conflict with \"kubectl\" using v1: .spec.containers[name=\"app\"].image");
		JsonNode kubectl = managedFields("web", "kubectl");
		assertThat(kubectl.path("operation").asString()).isEqualTo("Update");
		assertThat(kubectl.at("/fieldsV1/f:spec/f:containers/k:{\"name\":\"app\"}/f:image").isObject()).isTrue();
		assertThat(kubectl.at("/fieldsV1/f:spec/f:containers/k:{\"name\":\"app\"}/f:name").isMissingNode()).isTrue();
		assertThat(managedFields("web", "pod-composer").at("/fieldsV1/f:spec/f:containers/k:{\"name\":\"app\"}/f:image")
			.isMissingNode()).isTrue();
		assertThat(api.readNamespacedPod("web", "default").execute().getSpec().getContainers().get(0).getImage())
			.isEqualTo("nginx:1.28");
	}

	@Test
	void severalConflictsAreListedByManager() {
		Manifest theirs = Manifest.newPod("web", "app", "nginx:1.27");
		((ObjectNode) theirs.root().get("metadata")).putObject("labels").put("tier", "front");
		fake.applyAs("kubectl", "default", podYaml(theirs), false);
		Manifest mine = Manifest.newPod("web", "app", "nginx:1.28");
		((ObjectNode) mine.root().get("metadata")).putObject("labels").put("tier", "back");

		ApiException refused = refusal(() -> apply("default", "web", podYaml(mine), true));

		assertThat(ClusterFailure.statusMessage(refused.getResponseBody())).isEqualTo("Apply failed with 2 conflicts: "
				+ "conflicts with \"kubectl\":\n- .metadata.labels.tier\n- .spec.containers[name=\"app\"].image");
		assertThat(fake.pod("default", "web").orElseThrow().at("/spec/containers/0/image").asString())
			.isEqualTo("nginx:1.27");
	}

	@Test
	void fieldsAManagerNoLongerAppliesAreRemovedUnlessAnotherOwnsThem() throws ApiException {
		Manifest first = Manifest.newPod("web", "app", "nginx:1.27");
		((ObjectNode) first.root().get("metadata")).putObject("labels").put("a", "1").put("b", "2");
		// a Pod's spec cannot lose a container in place (the API server refuses it): an
		// annotation goes instead
		((ObjectNode) first.root().get("metadata")).putObject("annotations").put("note", "first");
		apply("default", "web", podYaml(first), false);
		Manifest theirs = Manifest.newPod("web", "app", "nginx:1.27");
		((ObjectNode) theirs.root().get("metadata")).putObject("labels").put("b", "2");
		fake.applyAs("kubectl", "default", podYaml(theirs), false);

		apply("default", "web", podYaml(Manifest.newPod("web", "app", "nginx:1.27")), false);

		V1Pod read = api.readNamespacedPod("web", "default").execute();
		assertThat(read.getMetadata().getLabels()).containsOnlyKeys("b");
		assertThat(read.getMetadata().getAnnotations()).isNullOrEmpty();
		assertThat(managedFields("web", "pod-composer").at("/fieldsV1/f:metadata").isMissingNode()).isTrue();
	}

	@Test
	void deniedVerbsAnswerInRbacWords() throws ApiException {
		fake.deny("patch", "deployments");
		fake.deny("list", "pods");
		fake.deny("get", "pods/log");
		fake.deny("list", "namespaces");

		assertThat(applyWorkload("apps", "deployments", "web", deployment("web", "nginx:1.27", 1), false).getStatus()
			.getMessage())
			.isEqualTo("deployments.apps \"web\" is forbidden: User \"kubernetes-admin\" cannot patch resource "
					+ "\"deployments\" in API group \"apps\" in the namespace \"default\"");
		assertThat(ClusterFailure
			.statusMessage(refusal(() -> api.listNamespacedPod("default").execute()).getResponseBody()))
			.isEqualTo("pods is forbidden: User \"kubernetes-admin\" cannot list resource \"pods\" in API group \"\" "
					+ "in the namespace \"default\"");
		assertThat(logRefusal(() -> api.readNamespacedPodLog("web", "default").execute())).isEqualTo(
				"pods \"web\" is forbidden: User \"kubernetes-admin\" cannot get resource \"pods/log\" in API group "
						+ "\"\" in the namespace \"default\"");
		assertThat(ClusterFailure.statusMessage(refusal(() -> api.listNamespace().execute()).getResponseBody()))
			.isEqualTo("namespaces is forbidden: User \"kubernetes-admin\" cannot list resource \"namespaces\" in API "
					+ "group \"\" at the cluster scope");
		assertThat(api.readNamespace("default").execute().getMetadata().getName()).isEqualTo("default");
	}

	@Test
	void anInvalidObjectIsRefusedWith422InTheValidatorsWords() {
		Manifest noImage = Manifest.newPod("x", "c", "nginx:1.27");
		((ObjectNode) noImage.editPodSpec().get("containers").get(0)).remove("image");

		ApiException refused = refusal(() -> apply("default", "x", podYaml(noImage), true));

		assertThat(refused.getCode()).isEqualTo(422);
		JsonNode status = ManifestReader.readJson(refused.getResponseBody());
		assertThat(status.path("reason").asString()).isEqualTo("Invalid");
		assertThat(status.path("message").asString())
			.isEqualTo("Pod \"x\" is invalid: spec.containers[0].image: Required value");
		assertThat(status.at("/details/causes/0/field").asString()).isEqualTo("spec.containers[0].image");
		assertThat(ClusterFailure.statusMessage(
				refusal(() -> apply("default", "Web_1", podYaml(Manifest.newPod("Web_1", "c", "nginx:1.27")), false))
					.getResponseBody()))
			.startsWith(
					"Pod \"Web_1\" is invalid: metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain "
							+ "must consist of lower case alphanumeric characters");
		assertThat(applyWorkload("batch", "jobs", "j", workload("batch/v1", "Job", "j", "", "busybox:1"), false)
			.getStatus()
			.getMessage())
			.isEqualTo("Job.batch \"j\" is invalid: spec.template.spec.restartPolicy: Unsupported value: "
					+ "\"Always\": supported values: \"OnFailure\", \"Never\"");
	}

	private KubernetesApiResponse<DynamicKubernetesObject> applyWorkload(String group, String plural, String name,
			String yaml, boolean dryRun) {
		PatchOptions options = new PatchOptions().fieldManager("pod-composer").force(false);
		return new DynamicKubernetesApi(group, "v1", plural, client).patch("default", name,
				V1Patch.PATCH_FORMAT_APPLY_YAML, new V1Patch(yaml), dryRun ? options.dryRun("All") : options);
	}

	private static String deployment(String name, String image, int replicas) {
		return workload("apps/v1", "Deployment", name, "replicas: " + replicas, image);
	}

	private static String job(String name, String image) {
		return workload("batch/v1", "Job", name, "", image).replace("    spec:\n",
				"    spec:\n      restartPolicy: Never\n");
	}

	private static String cronJob(String name, String image) {
		return """
				apiVersion: batch/v1
				kind: CronJob
				metadata:
				  name: %s
				spec:
				  schedule: "0 2 * * *"
				  jobTemplate:
				    spec:
				      template:
				        spec:
				          restartPolicy: OnFailure
				          containers:
				          - name: app
				            image: %s
				""".formatted(name, image);
	}

	/**
	 * A workload with a selector and template labelled {@code app: NAME};
	 * {@code specLine} is an extra spec field.
	 */
	private static String workload(String apiVersion, String kind, String name, String specLine, String image) {
		String selector = apiVersion.startsWith("apps/") ? "  selector:\n    matchLabels:\n      app: " + name + "\n"
				: "";
		return """
				apiVersion: %s
				kind: %s
				metadata:
				  name: %s
				spec:
				  %s
				%s  template:
				    metadata:
				      labels:
				        app: %s
				    spec:
				      containers:
				      - name: app
				        image: %s
				""".formatted(apiVersion, kind, name, specLine, selector, name, image);
	}

	private JsonNode managedFields(String pod, String manager) {
		for (JsonNode entry : fake.pod("default", pod).orElseThrow().at("/metadata/managedFields")) {
			if (entry.path("manager").asString().equals(manager)) {
				return entry;
			}
		}
		throw new AssertionError("no managed fields of " + manager);
	}

	/**
	 * The names of the pods labelled {@code app: APP}, once they satisfy the condition
	 * (five seconds at most).
	 */
	private List<String> eventuallyPods(String app, Predicate<List<String>> condition) throws Exception {
		return eventually(
				() -> names(api.listNamespacedPod("default").labelSelector("app=" + app).execute().getItems()),
				condition);
	}

	private static <T> T eventually(Callable<T> read, Predicate<T> condition) {
		return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(read, condition);
	}

	private static String logRefusal(ApiCall call) {
		return ClusterFailure.statusMessage(refusal(call).getResponseBody());
	}

	private V1Pod apply(String namespace, String name, String yaml, boolean dryRun) throws ApiException {
		return PatchUtils.patch(V1Pod.class, () -> {
			CoreV1Api.APIpatchNamespacedPodRequest request = api.patchNamespacedPod(name, namespace, new V1Patch(yaml))
				.fieldManager("pod-composer");
			return (dryRun ? request.dryRun("All") : request).buildCall(null);
		}, V1Patch.PATCH_FORMAT_APPLY_YAML, client);
	}

	/** The pod once the simulated kubelet has started it (five seconds at most). */
	private V1Pod afterTheKubelet(String name) {
		return eventually(() -> api.readNamespacedPod(name, "default").execute(),
				(pod) -> pod.getStatus().getStartTime() != null);
	}

	private static String podYaml(Manifest manifest) {
		return ManifestWriter.toYaml(manifest.root());
	}

	/**
	 * A GET with the server's token and no redirect followed, sent with client-java's
	 * HTTP client.
	 */
	private Response get(String path) throws IOException {
		Request request = new Request.Builder().url(fake.url() + path)
			.header("Authorization", "Bearer " + TOKEN)
			.build();
		return client.getHttpClient().newBuilder().followRedirects(false).build().newCall(request).execute();
	}

	private RecordedRequest last() {
		List<RecordedRequest> requests = fake.requests();
		return requests.get(requests.size() - 1);
	}

	private static List<String> names(List<? extends Object> objects) {
		return objects.stream()
			.map(object -> object instanceof JsonNode node ? node.at("/metadata/name").asString()
					: ((KubernetesObject) object).getMetadata().getName())
			.toList();
	}

	private static int status(ApiCall call) {
		return refusal(call).getCode();
	}

	private static ApiException refusal(ApiCall call) {
		return assertThatExceptionOfType(ApiException.class).isThrownBy(call::run).actual();
	}

	private interface ApiCall {

		void run() throws ApiException;

	}

}
