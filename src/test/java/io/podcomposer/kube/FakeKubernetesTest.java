package io.podcomposer.kube;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.PatchUtils;
import io.podcomposer.kube.FakeKubernetes.RecordedRequest;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestWriter;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The calls the portal makes, with the official client, against the fake API server. */
class FakeKubernetesTest {

	private final FakeKubernetes fake = FakeKubernetes.start("fake-token-for-api-test");

	private final ApiClient client = fake.connection(Duration.ofSeconds(5)).apiClient();

	private final CoreV1Api api = new CoreV1Api(client);

	@AfterEach
	void stop() {
		fake.close();
	}

	@Test
	void aDryRunStoresNothingThenTheApplyStoresThePod() throws ApiException {
		String yaml = podYaml(Manifest.newPod("web", "main", "nginx:1.27"));

		V1Pod dryRun = apply("default", "web", yaml, true);

		assertThat(dryRun.getMetadata().getName()).isEqualTo("web");
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
		assertThat(read.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
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
			assertThat(container.getState().getWaiting().getMessage()).isEqualTo("Back-off pulling image \"" + image + "\"");
		});
	}

	@Test
	void podsAreListedByLabelSelectorAndDeleted() throws ApiException {
		for (String[] pod : List.of(new String[] { "a-1", "a" }, new String[] { "a-2", "a" }, new String[] { "b-1", "b" })) {
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
		V1Namespace namespace = new V1Namespace()
			.metadata(new V1ObjectMeta().name("team-a").labels(Map.of("pod-security.kubernetes.io/enforce", "baseline")));

		api.createNamespace(namespace).execute();

		assertThat(api.readNamespace("team-a").execute().getMetadata().getLabels())
			.containsEntry("pod-security.kubernetes.io/enforce", "baseline")
			.containsEntry("kubernetes.io/metadata.name", "team-a");
		assertThat(api.listNamespace().labelSelector("pod-security.kubernetes.io/enforce=baseline").execute().getItems())
			.extracting(item -> item.getMetadata().getName())
			.containsExactly("team-a");
		assertThat(status(() -> api.createNamespace(namespace).execute())).isEqualTo(409);
		assertThat(status(() -> api.readNamespace("missing").execute())).isEqualTo(404);
	}

	@Test
	void aPodInAMissingNamespaceIsNotFound() {
		ApiException refused = refusal(() -> apply("missing", "web", podYaml(Manifest.newPod("web", "main", "nginx:1.27")), false));

		assertThat(refused.getCode()).isEqualTo(404);
		assertThat(ClusterFailure.statusMessage(refused.getResponseBody())).isEqualTo("namespaces \"missing\" not found");
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

	private V1Pod apply(String namespace, String name, String yaml, boolean dryRun) throws ApiException {
		return PatchUtils.patch(V1Pod.class, () -> {
			CoreV1Api.APIpatchNamespacedPodRequest request = api.patchNamespacedPod(name, namespace, new V1Patch(yaml))
				.fieldManager("pod-composer");
			return (dryRun ? request.dryRun("All") : request).buildCall(null);
		}, V1Patch.PATCH_FORMAT_APPLY_YAML, client);
	}

	/** The pod once the simulated kubelet has started it, or after a second at most. */
	private V1Pod afterTheKubelet(String name) throws Exception {
		V1Pod pod = api.readNamespacedPod(name, "default").execute();
		for (int i = 0; i < 50 && pod.getStatus().getStartTime() == null; i++) {
			Thread.sleep(20);
			pod = api.readNamespacedPod(name, "default").execute();
		}
		return pod;
	}

	private static String podYaml(Manifest manifest) {
		return ManifestWriter.toYaml(manifest.root());
	}

	private RecordedRequest last() {
		List<RecordedRequest> requests = fake.requests();
		return requests.get(requests.size() - 1);
	}

	private static List<String> names(List<V1Pod> pods) {
		return pods.stream().map(pod -> pod.getMetadata().getName()).toList();
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
