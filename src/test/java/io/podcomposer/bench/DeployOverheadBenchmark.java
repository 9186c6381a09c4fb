package io.podcomposer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.options.PatchOptions;
import io.podcomposer.PodComposerApplication;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import io.podcomposer.manifest.ManifestReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A deploy's own overhead over the raw API calls it makes, against {@link FakeKubernetes}: the
 * portal started in this JVM on a data folder of its own, and rounds of, interleaved,
 * <ul>
 * <li>RAW: the four calls of a deploy (GET namespace, GET pod, server-side apply dry run, server-side
 * apply) made with client-java on one {@link ApiClient} built once, as a hand-written tool would;</li>
 * <li>PORTAL: {@code POST /api/v1/deployments} over loopback HTTP with a bearer token, on a
 * keep-alive client: the whole deploy, record and audit included.</li>
 * </ul>
 * Each round both change the image of their own pod (two tags in turn), so that both apply a real
 * change. Not a test: run it with {@code ./mvnw -q -B -Pdeploy-bench test-compile exec:exec}
 * (see the profile in pom.xml). Arguments: warm-up rounds, measured rounds, and how many
 * milliseconds the fake waits before each answer, as a cluster further away would (0: none).
 * The warm-up is long because the deploy path is long: after 100 rounds much of it still ran
 * interpreted or half-compiled, and the portal took twice the time it takes after 10,000.
 */
public final class DeployOverheadBenchmark {

	private static final String CLUSTER_TOKEN = "deploy-bench-cluster-token";

	private static final String ADMIN_TOKEN = "pct_deploy-bench-admin";

	private static final String NAMESPACE = "bench";

	private static final List<String> IMAGES = List.of("registry.example/shop/web:1.4.0", "registry.example/shop/web:1.4.1");

	/** A web app's pod of the usual size, that passes Pod Security "restricted". */
	private static final String POD = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: %s
			  labels: {app: web, tier: frontend}
			spec:
			  securityContext:
			    runAsNonRoot: true
			    seccompProfile: {type: RuntimeDefault}
			  containers:
			  - name: web
			    image: ${IMAGE}
			    ports:
			    - {name: http, containerPort: 8080}
			    env:
			    - {name: LOG_LEVEL, value: info}
			    resources:
			      requests: {cpu: 100m, memory: 128Mi}
			      limits: {cpu: 500m, memory: 256Mi}
			    readinessProbe:
			      httpGet: {path: /ready, port: http}
			    livenessProbe:
			      httpGet: {path: /healthz, port: http}
			    securityContext:
			      allowPrivilegeEscalation: false
			      capabilities: {drop: [ALL]}
			""";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String portalUrl;

	private final DynamicKubernetesApi namespaces;

	private final DynamicKubernetesApi pods;

	private final ObjectNode rawPod;

	private final String deployBody;

	private DeployOverheadBenchmark(String portalUrl, ApiClient client, ObjectNode rawPod, String deployBody) {
		this.portalUrl = portalUrl;
		this.namespaces = new DynamicKubernetesApi("", "v1", "namespaces", client);
		this.pods = new DynamicKubernetesApi("", "v1", "pods", client);
		this.rawPod = rawPod;
		this.deployBody = deployBody;
	}

	public static void main(String[] args) throws Exception {
		int warmUp = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000;
		int latencyMillis = (args.length > 2) ? Integer.parseInt(args[2]) : 0;
		// the JDK's HTTP server under the fake otherwise waits out the client's delayed ACK (40 ms)
		// between the head and the body of each answer, which would drown what is measured
		System.setProperty("sun.net.httpserver.nodelay", "true");
		Path dataDir = Files.createTempDirectory("deploy-bench");
		try (FakeKubernetes fake = FakeKubernetes.start(CLUSTER_TOKEN);
				ConfigurableApplicationContext portal = new SpringApplicationBuilder(PodComposerApplication.class).run(
						"--server.port=0", "--podcomposer.data-dir=" + dataDir,
						"--PODCOMPOSER_ADMIN_PASSWORD=deploy-bench-password", "--PODCOMPOSER_ADMIN_TOKEN=" + ADMIN_TOKEN,
						// the fake cluster listens on 127.0.0.1
						"--podcomposer.clusters.allow-local-servers=true")) {
			fake.createNamespace(NAMESPACE, Map.of("pod-security.kubernetes.io/enforce", "restricted"));
			fake.beSlow(Duration.ofMillis(latencyMillis));
			String portalUrl = "http://127.0.0.1:" + portal.getEnvironment().getRequiredProperty("local.server.port");
			DeployOverheadBenchmark bench = setUp(portalUrl, fake);
			System.out.printf(Locale.ROOT, "Deploy overhead: %d warm-up and %d measured rounds, %d ms added to each answer, %d cores%n",
					warmUp, rounds, latencyMillis, Runtime.getRuntime().availableProcessors());
			bench.run(warmUp, rounds);
		}
	}

	/** The template and the cluster made through the API, and the raw path's client built once. */
	private static DeployOverheadBenchmark setUp(String portalUrl, FakeKubernetes fake) throws IOException {
		HttpClient setup = HttpClient.newHttpClient();
		String template = "name: deploy-bench\nparameters:\n- name: IMAGE\n  default: " + IMAGES.get(0) + "\n"
				+ "manifest:\n" + POD.formatted("bench-portal").indent(2);
		long templateId = JsonMapper.shared()
			.readTree(send(setup, portalUrl, "/api/v1/templates", "application/yaml", template, 201))
			.get("id")
			.asLong();
		ObjectNode cluster = JsonMapper.shared()
			.createObjectNode()
			.put("name", "fake")
			.put("kubeconfig", FakeKubeconfig.of(fake, CLUSTER_TOKEN));
		long clusterId = JsonMapper.shared()
			.readTree(send(setup, portalUrl, "/api/v1/clusters", "application/json", cluster.toString(), 201))
			.get("id")
			.asLong();
		ObjectNode deploy = JsonMapper.shared()
			.createObjectNode()
			.put("templateId", templateId)
			.put("clusterId", clusterId)
			.put("namespace", NAMESPACE);
		deploy.putObject("values").put("IMAGE", "%s");

		ApiClient client = new ClientBuilder().setBasePath(fake.url())
			.setCertificateAuthority(fake.caPem().getBytes(StandardCharsets.US_ASCII))
			.setAuthentication(new AccessTokenAuthentication(CLUSTER_TOKEN))
			.build();
		ObjectNode rawPod = (ObjectNode) ManifestReader.readYaml(POD.formatted("bench-raw"));
		rawPod.withObject("/metadata").put("namespace", NAMESPACE);
		return new DeployOverheadBenchmark(portalUrl, client, rawPod, deploy.toString());
	}

	private void run(int warmUp, int rounds) throws IOException, InterruptedException {
		for (int round = 0; round < warmUp; round++) {
			round(round);
		}
		long[] raw = new long[rounds];
		long[] portal = new long[rounds];
		for (int round = 0; round < rounds; round++) {
			long[] times = round(warmUp + round);
			raw[round] = times[0];
			portal[round] = times[1];
		}
		Stats rawStats = Stats.of(raw);
		Stats portalStats = Stats.of(portal);
		System.out.println("            mean     p50     p95     p99   (ms)");
		System.out.println(rawStats.line("RAW"));
		System.out.println(portalStats.line("PORTAL"));
		System.out.printf(Locale.ROOT, "Overhead: median %+.1f %%, mean %+.1f %% (target: at most 20 %%)%n",
				(portalStats.p50() / rawStats.p50() - 1) * 100, (portalStats.mean() / rawStats.mean() - 1) * 100);
	}

	/** One deploy each way, the order switched every round; their times in nanoseconds, raw first. */
	private long[] round(int round) throws IOException, InterruptedException {
		String image = IMAGES.get(round % IMAGES.size());
		long raw;
		long portal;
		if (round % 4 < 2) {
			raw = timed(() -> raw(image));
			portal = timed(() -> portal(image));
		}
		else {
			portal = timed(() -> portal(image));
			raw = timed(() -> raw(image));
		}
		return new long[] { raw, portal };
	}

	/** The calls a deploy makes, and the checks a careful tool makes of their answers. */
	private void raw(String image) {
		expect(this.namespaces.get(NAMESPACE), "GET namespace");
		String name = this.rawPod.at("/metadata/name").asString();
		expect(this.pods.get(NAMESPACE, name), "GET pod");
		ObjectNode object = this.rawPod.deepCopy();
		((ObjectNode) object.at("/spec/containers/0")).put("image", image);
		V1Patch patch = new V1Patch(object.toString());
		expect(this.pods.patch(NAMESPACE, name, V1Patch.PATCH_FORMAT_APPLY_YAML, patch,
				new PatchOptions().fieldManager("pod-composer").force(false).dryRun("All")), "dry run");
		JsonNode applied = JsonMapper.shared()
			.readTree(expect(this.pods.patch(NAMESPACE, name, V1Patch.PATCH_FORMAT_APPLY_YAML, patch,
					new PatchOptions().fieldManager("pod-composer").force(false)), "apply")
				.getObject()
				.getRaw()
				.toString());
		if (!applied.at("/spec/containers/0/image").asString().equals(image)) {
			throw new IllegalStateException("the raw apply did not change the image: " + applied);
		}
	}

	private void portal(String image) throws IOException, InterruptedException {
		String answer = send(this.http, this.portalUrl, "/api/v1/deployments", "application/json",
				this.deployBody.formatted(image), 201);
		if (!JsonMapper.shared().readTree(answer).get("status").asString().equals("Applied")) {
			throw new IllegalStateException("the portal did not apply: " + answer);
		}
	}

	private static <T extends KubernetesApiResponse<?>> T expect(T response, String what) {
		if (!response.isSuccess() && !(what.equals("GET pod") && response.getHttpStatusCode() == 404)) {
			throw new IllegalStateException(what + " failed: " + response.getHttpStatusCode() + " " + response.getStatus());
		}
		return response;
	}

	private static String send(HttpClient http, String portalUrl, String path, String contentType, String body,
			int expected) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(portalUrl + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static long timed(Work work) throws IOException, InterruptedException {
		long start = System.nanoTime();
		work.run();
		return System.nanoTime() - start;
	}

	private interface Work {

		void run() throws IOException, InterruptedException;

	}

	/** Mean and percentiles (nearest rank), in milliseconds. */
	private record Stats(double mean, double p50, double p95, double p99) {

		static Stats of(long[] nanos) {
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			return new Stats(Arrays.stream(sorted).average().orElse(0) / 1e6, rank(sorted, 50), rank(sorted, 95),
					rank(sorted, 99));
		}

		private static double rank(long[] sorted, int percent) {
			int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, index)] / 1e6;
		}

		String line(String name) {
			return String.format(Locale.ROOT, "%-8s %7.2f %7.2f %7.2f %7.2f", name, this.mean, this.p50, this.p95, this.p99);
		}

	}

}
