package io.podcomposer.kube;

import java.io.IOException;
import java.time.Duration;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.PatchUtils;
import io.podcomposer.kube.FakeKubernetes.RecordedRequest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Fields the schema does not declare: the fake refuses them in a server-side apply as the
 * API server does, and the portal asks for strict field validation and says what the
 * cluster refused.
 */
class FieldValidationTest {

	private static final String TOKEN = "fake-token-for-field-validation";

	/**
	 * A pod with a typo in a container's field name, the most common manifest mistake.
	 */
	static final String TYPO_POD = """
			apiVersion: v1
			kind: Pod
			metadata: {name: web}
			spec:
			  containers:
			  - name: web
			    image: nginx:1.27
			    imagePullPolicyy: Always
			""";

	private final FakeKubernetes fake = FakeKubernetes.start(TOKEN);

	private final ApiClient client = fake.connection(Duration.ofSeconds(5)).apiClient();

	@AfterEach
	void stop() {
		fake.close();
	}

	/**
	 * Server-side apply types the patch before it looks at fieldValidation, which for an
	 * apply only governs duplicates.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Strict", "Warn", "Ignore" })
	void anUndeclaredFieldIsRefusedByAnApplyWhateverTheFieldValidation(String fieldValidation) {
		ApiException refused = refusal(TYPO_POD, fieldValidation, true);

		assertThat(refused.getCode()).isEqualTo(500);
		JsonNode status = ManifestReader.readJson(refused.getResponseBody());
		assertThat(status.path("message").asString())
			.isEqualTo("failed to create typed patch object (default/web; /v1, "
					+ "Kind=Pod): .spec.containers[name=\"web\"].imagePullPolicyy: field not declared in schema");
		assertThat(status.has("reason")).isFalse();
		assertThat(fake.pod("default", "web")).isEmpty();
	}

	@Test
	void severalUndeclaredFieldsOfAWorkloadAreListedWithTheirPaths() {
		String deployment = """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web, labelz: {a: b}}
				spec:
				  selector: {matchLabels: {app: web}}
				  template:
				    metadata: {labels: {app: web}}
				    spec:
				      containers:
				      - {name: web, image: nginx:1.27, env: [{name: A, valu: x}]}
				""";

		ClusterCalls calls = new ClusterCalls(fake.connection(Duration.ofSeconds(5)), client);

		assertThatExceptionOfType(ClusterCallException.class)
			.isThrownBy(() -> calls.apply(WorkloadKind.DEPLOYMENT, "default", ManifestReader.readYaml(deployment),
					false, false))
			.withMessageEndingWith(
					"failed to create typed patch object (default/web; apps/v1, Kind=Deployment): errors:\n"
							+ "  .metadata.labelz: field not declared in schema\n"
							+ "  .spec.template.spec.containers[name=\"web\"].env[name=\"A\"].valu: field not declared in schema");
	}

	@Test
	void everyFieldOfTheModelsIsDeclared() throws ApiException {
		String pod = """
				apiVersion: v1
				kind: Pod
				metadata: {name: full, labels: {a: b}, annotations: {x: y}}
				spec:
				  restartPolicy: Always
				  terminationGracePeriodSeconds: 5
				  tolerations: [{key: k, operator: Exists, effect: NoSchedule}]
				  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: k, operator: In, values: [v]}]}]}}}
				  volumes: [{name: data, emptyDir: {sizeLimit: 1Gi}}]
				  containers:
				  - name: web
				    image: nginx:1.27
				    imagePullPolicy: Always
				    resources: {limits: {cpu: 500m}, requests: {memory: 64Mi}}
				    ports: [{containerPort: 80, protocol: TCP}]
				    livenessProbe: {httpGet: {path: /, port: 80}}
				    volumeMounts: [{name: data, mountPath: /data}]
				""";

		assertThat(apply(pod, "Strict", false).getSpec().getContainers().get(0).getImagePullPolicy())
			.isEqualTo("Always");
	}

	@Test
	void anUnsupportedFieldValidationIsRefused() {
		ApiException refused = refusal(TYPO_POD, "Loose", true);

		assertThat(refused.getCode()).isEqualTo(422);
		assertThat(ClusterFailure.statusMessage(refused.getResponseBody()))
			.isEqualTo("PatchOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"Loose\": "
					+ "supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
	}

	@Test
	void theDryRunAndTheApplyOfADeployAskForStrictFieldValidation() {
		ClusterCalls calls = new ClusterCalls(fake.connection(Duration.ofSeconds(5)), client);
		JsonNode pod = ManifestReader.readYaml(TYPO_POD.replace("    imagePullPolicyy: Always\n", ""));

		calls.apply(WorkloadKind.POD, "default", pod, true, false);
		calls.apply(WorkloadKind.POD, "default", pod, false, false);

		assertThat(fake.requests()).filteredOn(request -> request.method().equals("PATCH"))
			.extracting(RecordedRequest::query)
			.extracting(query -> query.get("dryRun"), query -> query.get("fieldValidation"))
			.containsExactly(tuple("All", "Strict"), tuple(null, "Strict"));
	}

	@Test
	void aDeployOfAnUndeclaredFieldIsRefusedAsTheObjectsFaultInTheClustersWords() {
		ClusterCalls calls = new ClusterCalls(fake.connection(Duration.ofSeconds(5)), client);

		assertThatExceptionOfType(ClusterCallException.class)
			.isThrownBy(() -> calls.apply(WorkloadKind.POD, "default", ManifestReader.readYaml(TYPO_POD), true, false))
			.satisfies(refused -> {
				assertThat(refused.status()).isEqualTo(400);
				assertThat(refused.getMessage()).isEqualTo("The cluster refused fields of the object that its schema "
						+ "does not allow: failed to create typed patch object (default/web; /v1, Kind=Pod): "
						+ ".spec.containers[name=\"web\"].imagePullPolicyy: field not declared in schema");
			});
	}

	/** A pod whose container gives its image twice: the second value is the one read. */
	static final String REPEATED_POD = """
			apiVersion: v1
			kind: Pod
			metadata: {name: web}
			spec:
			  containers:
			  - name: web
			    image: nginx:1.27
			    image: nginx:1.28
			""";

	@Test
	void aRepeatedKeyInAStrictApplyIsA400InTheApiServersWordsAndTheObjectsFault() {
		ApiException refused = refusal(REPEATED_POD, "Strict", false);

		assertThat(refused.getCode()).isEqualTo(400);
		assertThat(ClusterFailure.statusMessage(refused.getResponseBody()))
			.isEqualTo("error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal errors:\n"
					+ "  line 8: key \"image\" already set in map");
		assertThat(fake.pod("default", "web")).isEmpty();
		assertThat(ClusterFailure.describe(refused, fake.connection(Duration.ofSeconds(5))))
			.startsWith("The cluster refused the object, which gives a field twice: error strict decoding YAML");
	}

	@Test
	void aStrictApplyOfAnInvalidObjectWithARepeatedKeyIsRefusedForTheInvalidObjectFirst() {
		ApiException refused = refusal(
				REPEATED_POD.replace("    image: nginx:1.28\n", "    image: ''\n    image: ''\n"), "Strict", false);

		assertThat(refused.getCode()).isEqualTo(422);
		assertThat(ClusterFailure.statusMessage(refused.getResponseBody()))
			.isEqualTo("Pod \"web\" is invalid: spec.containers[0].image: Required value");
	}

	@Test
	void aRepeatedKeyInAWarnApplyIsAWarningAndTheLastValueIsApplied() throws IOException, ApiException {
		try (Response response = rawApply(REPEATED_POD, "Warn")) {
			assertThat(response.code()).isEqualTo(201);
			assertThat(response.headers("Warning"))
				.containsExactly("299 - \"line 8: key \\\"image\\\" already set in map\"");
		}
		assertThat(fake.pod("default", "web").orElseThrow().at("/spec/containers/0/image").asString())
			.isEqualTo("nginx:1.28");
	}

	@Test
	void aRepeatedKeyInAnIgnoreApplyIsAcceptedSilently() throws IOException, ApiException {
		try (Response response = rawApply(REPEATED_POD + "  restartPolicy: Never\n  restartPolicy: Always\n",
				"Ignore")) {
			assertThat(response.code()).isEqualTo(201);
			assertThat(response.headers("Warning")).isEmpty();
		}
		assertThat(fake.pod("default", "web").orElseThrow().at("/spec/restartPolicy").asString()).isEqualTo("Always");
	}

	private ApiException refusal(String yaml, String fieldValidation, boolean dryRun) {
		return assertThatExceptionOfType(ApiException.class).isThrownBy(() -> apply(yaml, fieldValidation, dryRun))
			.actual();
	}

	/** An apply of the text as it is, its answer's headers to read. */
	private Response rawApply(String yaml, String fieldValidation) throws IOException, ApiException {
		Request request = new CoreV1Api(client).patchNamespacedPod("web", "default", new V1Patch(yaml))
			.fieldManager("test")
			.fieldValidation(fieldValidation)
			.buildCall(null)
			.request();
		RequestBody body = RequestBody.create(yaml, MediaType.parse(V1Patch.PATCH_FORMAT_APPLY_YAML));
		return client.getHttpClient().newCall(request.newBuilder().patch(body).build()).execute();
	}

	private V1Pod apply(String yaml, String fieldValidation, boolean dryRun) throws ApiException {
		CoreV1Api api = new CoreV1Api(client);
		return PatchUtils.patch(V1Pod.class, () -> {
			CoreV1Api.APIpatchNamespacedPodRequest request = api
				.patchNamespacedPod(ManifestReader.readYaml(yaml).at("/metadata/name").asString(), "default",
						new V1Patch(yaml))
				.fieldManager("test")
				.fieldValidation(fieldValidation);
			return (dryRun ? request.dryRun("All") : request).buildCall(null);
		}, V1Patch.PATCH_FORMAT_APPLY_YAML, client);
	}

}
