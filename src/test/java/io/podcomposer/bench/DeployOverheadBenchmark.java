package io.podcomposer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.options.PatchOptions;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import io.podcomposer.manifest.ManifestReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.bench.BenchPortal.CLUSTER_TOKEN;
import static io.podcomposer.bench.BenchPortal.IMAGES;
import static io.podcomposer.bench.BenchPortal.NAMESPACE;
import static io.podcomposer.bench.BenchPortal.POD;

/**
 * A deploy's own overhead over the raw API calls it makes, against
 * {@link FakeKubernetes}: the portal started in this JVM on a data folder of its own, and
 * rounds of, interleaved,
 * <ul>
 * <li>RAW: the four calls of a deploy (GET namespace, GET pod, server-side apply dry run,
 * server-side apply) made with client-java on one {@link ApiClient} built once, as a
 * hand-written tool would;</li>
 * <li>PORTAL: {@code POST /api/v1/deployments} over loopback HTTP with a bearer token, on
 * a keep-alive client: the whole deploy, record and audit included;</li>
 * <li>KUBECTL, in some of the measured rounds, spread over them: what a user does
 * instead, {@code kubectl apply --server-side --dry-run=server -f pod.yaml} and then
 * {@code kubectl apply --server-side -f pod.yaml}, two processes, with a kubeconfig for
 * the fake and kubectl's cache (discovery, OpenAPI) as warm as after a user's first
 * commands.</li>
 * </ul>
 * Each round all change the image of their own pod (two tags in turn), so that each
 * applies a real change. Not a test: run it with
 * {@code ./mvnw -q -B -Pdeploy-bench test-compile exec:exec} (see the profile in
 * pom.xml). Arguments: warm-up rounds, measured rounds, how many milliseconds the fake
 * waits before each answer, as a cluster further away would (0: none), how many of the
 * measured rounds also time kubectl (0: none), and the kubectl to run. The warm-up is
 * long because the deploy path is long: after 100 rounds much of it still ran interpreted
 * or half-compiled, and the portal took twice the time it takes after 10,000.
 */
public final class DeployOverheadBenchmark {

	/**
	 * How many kubectl pairs run before the measured ones: the first fills kubectl's
	 * caches.
	 */
	private static final int KUBECTL_WARM_UP = 5;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final BenchPortal portal;

	private final DynamicKubernetesApi namespaces;

	private final DynamicKubernetesApi pods;

	private final ObjectNode rawPod;

	private final String deployBody;

	private final Kubectl kubectl;

	private DeployOverheadBenchmark(BenchPortal portal, ApiClient client, ObjectNode rawPod, Kubectl kubectl) {
		this.portal = portal;
		this.namespaces = new DynamicKubernetesApi("", "v1", "namespaces", client);
		this.pods = new DynamicKubernetesApi("", "v1", "pods", client);
		this.rawPod = rawPod;
		this.deployBody = portal.deployBody(NAMESPACE);
		this.kubectl = kubectl;
	}

	public static void main(String[] args) throws Exception {
		int warmUp = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000;
		int latencyMillis = (args.length > 2) ? Integer.parseInt(args[2]) : 0;
		int kubectlRounds = Math.min(rounds, (args.length > 3) ? Integer.parseInt(args[3]) : 100);
		String kubectlCommand = (args.length > 4) ? args[4] : "kubectl";
		try (BenchPortal portal = BenchPortal.start(Duration.ofMillis(latencyMillis))) {
			Kubectl kubectl = new Kubectl(kubectlCommand, portal.fake, portal.dataDir);
			ApiClient client = new ClientBuilder().setBasePath(portal.fake.url())
				.setCertificateAuthority(portal.fake.caPem().getBytes(StandardCharsets.US_ASCII))
				.setAuthentication(new AccessTokenAuthentication(CLUSTER_TOKEN))
				.build();
			ObjectNode rawPod = (ObjectNode) ManifestReader.readYaml(POD.formatted("bench-raw"));
			rawPod.withObject("/metadata").put("namespace", NAMESPACE);
			System.out.printf(Locale.ROOT,
					"Deploy overhead: %d warm-up and %d measured rounds (%d with kubectl), %d ms added to each answer, "
							+ "Java %s, %d cores, load average %.1f%n",
					warmUp, rounds, kubectlRounds, latencyMillis, Runtime.version(),
					Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			if (kubectlRounds > 0) {
				System.out.println("kubectl: " + kubectl.version());
			}
			new DeployOverheadBenchmark(portal, client, rawPod, kubectl).run(warmUp, rounds, kubectlRounds);
		}
	}

	private void run(int warmUp, int rounds, int kubectlRounds) throws IOException, InterruptedException {
		for (int round = 0; round < warmUp; round++) {
			round(round);
		}
		for (int round = 0; round < Math.min(kubectlRounds, KUBECTL_WARM_UP); round++) {
			this.kubectl.deploy();
		}
		long[] raw = new long[rounds];
		long[] portal = new long[rounds];
		long[] kubectl = new long[kubectlRounds];
		int kubectlDone = 0;
		for (int round = 0; round < rounds; round++) {
			long[] times = round(warmUp + round);
			raw[round] = times[0];
			portal[round] = times[1];
			// spread evenly over the measured rounds, so that the portal's and kubectl's
			// times come from the same minutes
			if (kubectlDone < kubectlRounds && (long) round * kubectlRounds >= (long) kubectlDone * rounds) {
				kubectl[kubectlDone++] = this.kubectl.deploy();
			}
		}
		Stats rawStats = Stats.of(raw);
		Stats portalStats = Stats.of(portal);
		System.out.println("            mean     p50     p95     p99   (ms)");
		System.out.println(rawStats.line("RAW"));
		System.out.println(portalStats.line("PORTAL"));
		Stats kubectlStats = Stats.of(kubectl);
		if (kubectlRounds > 0) {
			System.out.println(kubectlStats.line("KUBECTL"));
		}
		System.out.printf(Locale.ROOT,
				"Overhead over the raw calls: median %+.1f %%, mean %+.1f %% (target: at most 20 %%)%n",
				(portalStats.p50() / rawStats.p50() - 1) * 100, (portalStats.mean() / rawStats.mean() - 1) * 100);
		if (kubectlRounds > 0) {
			System.out.printf(Locale.ROOT,
					"Portal against kubectl: median %.3f x (target: at most 0.25 x), mean %.3f x%n",
					portalStats.p50() / kubectlStats.p50(), portalStats.mean() / kubectlStats.mean());
		}
		System.out.printf(Locale.ROOT, "Load average at the end: %.1f%n",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/**
	 * One deploy each way, the order switched every round; their times in nanoseconds,
	 * raw first.
	 */
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
		String answer = this.portal.send(this.http, "/api/v1/deployments", "application/json",
				this.deployBody.formatted(image), 201);
		if (!JsonMapper.shared().readTree(answer).get("status").asString().equals("Applied")) {
			throw new IllegalStateException("the portal did not apply: " + answer);
		}
	}

	private static <T extends KubernetesApiResponse<?>> T expect(T response, String what) {
		if (!response.isSuccess() && !(what.equals("GET pod") && response.getHttpStatusCode() == 404)) {
			throw new IllegalStateException(
					what + " failed: " + response.getHttpStatusCode() + " " + response.getStatus());
		}
		return response;
	}

	private static long timed(Work work) throws IOException, InterruptedException {
		long start = System.nanoTime();
		work.run();
		return System.nanoTime() - start;
	}

	/**
	 * kubectl as a user runs it: a kubeconfig for the fake, its own cache folder, and a
	 * pod file written with the round's image before the two commands.
	 */
	private static final class Kubectl {

		private static final String POD_NAME = "bench-kubectl";

		private final String command;

		private final FakeKubernetes fake;

		private final Path kubeconfig;

		private final Path cache;

		private final Path podFile;

		private int deploys;

		Kubectl(String command, FakeKubernetes fake, Path dir) throws IOException {
			this.command = command;
			this.fake = fake;
			this.kubeconfig = Files.writeString(dir.resolve("kubeconfig"), FakeKubeconfig.of(fake, CLUSTER_TOKEN));
			this.cache = Files.createDirectories(dir.resolve("kubectl-cache"));
			this.podFile = dir.resolve("pod.yaml");
		}

		String version() throws IOException, InterruptedException {
			return run("version", "--client").lines().findFirst().orElse("");
		}

		/**
		 * The dry run, then the apply, of the other image than last time; their time in
		 * nanoseconds, the file written before and the outcome checked after.
		 */
		long deploy() throws IOException, InterruptedException {
			String image = IMAGES.get(this.deploys++ % IMAGES.size());
			Files.writeString(this.podFile, POD.formatted(POD_NAME).replace("${IMAGE}", image));
			long start = System.nanoTime();
			String dryRun = run("apply", "--server-side", "--dry-run=server", "-f", this.podFile.toString());
			String apply = run("apply", "--server-side", "-f", this.podFile.toString());
			long time = System.nanoTime() - start;
			if (!dryRun.contains("serverside-applied (server dry run)") || !apply.contains("serverside-applied")
					|| !this.fake.pod(NAMESPACE, POD_NAME)
						.orElseThrow()
						.at("/spec/containers/0/image")
						.asString()
						.equals(image)) {
				throw new IllegalStateException("kubectl did not apply " + image + ": " + dryRun + apply);
			}
			return time;
		}

		private String run(String... arguments) throws IOException, InterruptedException {
			List<String> line = new ArrayList<>(List.of(this.command, "--kubeconfig", this.kubeconfig.toString(),
					"--cache-dir", this.cache.toString(), "--namespace", NAMESPACE));
			line.addAll(List.of(arguments));
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
			}
			return output;
		}

	}

	private interface Work {

		void run() throws IOException, InterruptedException;

	}

}
