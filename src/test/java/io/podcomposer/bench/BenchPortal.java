package io.podcomposer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.podcomposer.PodComposerApplication;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * For the deploy benchmarks: the fake API server, and the portal started in this JVM on a
 * data folder of its own, with the fake added as a cluster and a template of a web app's
 * pod, both through the API.
 */
final class BenchPortal implements AutoCloseable {

	static final String CLUSTER_TOKEN = "deploy-bench-cluster-token";

	static final String ADMIN_TOKEN = "pct_deploy-bench-admin";

	/** The namespace deployed to, with Pod Security "restricted" enforced. */
	static final String NAMESPACE = "bench";

	static final List<String> IMAGES = List.of("registry.example/shop/web:1.4.0", "registry.example/shop/web:1.4.1");

	/**
	 * A web app's pod of the usual size, that passes Pod Security "restricted"; %s is its
	 * name.
	 */
	static final String POD = """
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

	final FakeKubernetes fake;

	final Path dataDir;

	final String url;

	final long templateId;

	final long clusterId;

	private final ConfigurableApplicationContext context;

	private BenchPortal(FakeKubernetes fake, Path dataDir, ConfigurableApplicationContext context) throws IOException {
		this.fake = fake;
		this.dataDir = dataDir;
		this.context = context;
		this.url = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
		HttpClient setup = HttpClient.newHttpClient();
		String template = "name: deploy-bench\nparameters:\n- name: IMAGE\n  default: " + IMAGES.get(0) + "\n"
				+ "manifest:\n" + POD.formatted("bench-portal").indent(2);
		this.templateId = JsonMapper.shared()
			.readTree(send(setup, "/api/v1/templates", "application/yaml", template, 201))
			.get("id")
			.asLong();
		ObjectNode cluster = JsonMapper.shared()
			.createObjectNode()
			.put("name", "fake")
			.put("kubeconfig", FakeKubeconfig.of(fake, CLUSTER_TOKEN));
		this.clusterId = JsonMapper.shared()
			.readTree(send(setup, "/api/v1/clusters", "application/json", cluster.toString(), 201))
			.get("id")
			.asLong();
	}

	/**
	 * Starts both; the fake waits {@code latency} before each answer and has the
	 * namespace {@link #NAMESPACE}. {@code arguments} go to the portal after the
	 * benchmark's own.
	 */
	static BenchPortal start(Duration latency, String... arguments) throws IOException {
		// the JDK's HTTP server under the fake otherwise waits out the client's delayed
		// ACK (40 ms)
		// between the head and the body of each answer, which would drown what is
		// measured
		System.setProperty("sun.net.httpserver.nodelay", "true");
		Path dataDir = Files.createTempDirectory("deploy-bench");
		FakeKubernetes fake = FakeKubernetes.start(CLUSTER_TOKEN);
		fake.createNamespace(NAMESPACE, Map.of("pod-security.kubernetes.io/enforce", "restricted"));
		fake.beSlow(latency);
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--podcomposer.data-dir=" + dataDir,
				"--PODCOMPOSER_ADMIN_PASSWORD=deploy-bench-password", "--PODCOMPOSER_ADMIN_TOKEN=" + ADMIN_TOKEN,
				// the fake cluster listens on 127.0.0.1
				"--podcomposer.clusters.allow-local-servers=true"));
		all.addAll(List.of(arguments));
		try {
			return new BenchPortal(fake, dataDir,
					new SpringApplicationBuilder(PodComposerApplication.class).run(all.toArray(String[]::new)));
		}
		catch (IOException | RuntimeException ex) {
			fake.close();
			throw ex;
		}
	}

	/**
	 * The body of {@code POST /api/v1/deployments} of the template into
	 * {@code namespace}, with {@code %s} for the image.
	 */
	String deployBody(String namespace) {
		ObjectNode deploy = JsonMapper.shared()
			.createObjectNode()
			.put("templateId", this.templateId)
			.put("clusterId", this.clusterId)
			.put("namespace", namespace);
		deploy.putObject("values").put("IMAGE", "%s");
		return deploy.toString();
	}

	/**
	 * A POST with the admin's bearer token; its answer's body, or an exception unless it
	 * had the expected status.
	 */
	String send(HttpClient http, String path, String contentType, String body, int expected) throws IOException {
		HttpResponse<String> response = post(http, path, contentType, body);
		if (response.statusCode() != expected) {
			throw new IllegalStateException(
					"POST " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/**
	 * A POST with the admin's bearer token; a minute without an answer is an exception,
	 * not a hang.
	 */
	HttpResponse<String> post(HttpClient http, String path, String contentType, String body) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.url + path))
			.timeout(Duration.ofMinutes(1))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.context.close();
		this.fake.close();
		FileSystemUtils.deleteRecursively(this.dataDir);
	}

}
