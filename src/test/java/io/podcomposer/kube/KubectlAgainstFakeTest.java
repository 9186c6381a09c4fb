package io.podcomposer.kube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * kubectl, the user's alternative that the deploy benchmark times, against the fake: a
 * server-side apply with its default validation works, which needs discovery and the
 * OpenAPI v3 documents. Runs where a kubectl is on the PATH (not in CI, which has none).
 */
class KubectlAgainstFakeTest {

	private static final String TOKEN = "kubectl-test-token";

	private final FakeKubernetes fake = FakeKubernetes.start(TOKEN);

	@TempDir
	private Path dir;

	@AfterEach
	void stop() {
		fake.close();
	}

	@Test
	void kubectlDryRunsThenAppliesAPodServerSideWithServerValidation() throws Exception {
		assumeThat(onPath("kubectl")).as("kubectl on the PATH").isTrue();
		fake.createNamespace("team", Map.of("pod-security.kubernetes.io/enforce", "restricted"));
		Files.writeString(dir.resolve("kubeconfig"), FakeKubeconfig.of(fake, TOKEN));
		Files.writeString(dir.resolve("pod.yaml"), """
				apiVersion: v1
				kind: Pod
				metadata: {name: web}
				spec:
				  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
				  containers:
				  - name: web
				    image: nginx:1.27
				    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
				""");

		assertThat(kubectl("apply", "--server-side", "--dry-run=server", "-f", "pod.yaml"))
			.isEqualTo("pod/web serverside-applied (server dry run)\n");
		assertThat(fake.pod("team", "web")).isEmpty();
		assertThat(kubectl("apply", "--server-side", "-f", "pod.yaml")).isEqualTo("pod/web serverside-applied\n");

		assertThat(fake.pod("team", "web").orElseThrow().at("/spec/containers/0/image").asString())
			.isEqualTo("nginx:1.27");
		assertThat(fake.requests()).filteredOn(request -> request.method().equals("PATCH"))
			.extracting(request -> request.query().get("fieldValidation"),
					request -> request.query().get("fieldManager"))
			.containsOnly(tuple("Strict", "kubectl"));
	}

	@Test
	void kubectlsStrictServerSideApplyOfAnUndeclaredFieldFailsInTheApiServersWords() throws Exception {
		assumeThat(onPath("kubectl")).as("kubectl on the PATH").isTrue();
		fake.createNamespace("team", Map.of());
		Files.writeString(dir.resolve("kubeconfig"), FakeKubeconfig.of(fake, TOKEN));
		Files.writeString(dir.resolve("pod.yaml"), FieldValidationTest.TYPO_POD);

		Run run = run("apply", "--server-side", "--validate=strict", "-f", "pod.yaml");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output())
			.isEqualTo("Error from server: failed to create typed patch object (team/web; /v1, Kind=Pod): "
					+ ".spec.containers[name=\"web\"].imagePullPolicyy: field not declared in schema\n");
		assertThat(fake.pod("team", "web")).isEmpty();
	}

	@Test
	void kubectlsServerSideApplyOfAChangeAPodCannotTakeFailsInTheApiServersWords() throws Exception {
		assumeThat(onPath("kubectl")).as("kubectl on the PATH").isTrue();
		fake.createNamespace("team", Map.of());
		Files.writeString(dir.resolve("kubeconfig"), FakeKubeconfig.of(fake, TOKEN));
		String pod = FieldValidationTest.TYPO_POD.replace("    imagePullPolicyy: Always\n", "");
		Files.writeString(dir.resolve("pod.yaml"), pod);
		kubectl("apply", "--server-side", "-f", "pod.yaml");
		Files.writeString(dir.resolve("pod.yaml"), pod + "    args: [--verbose]\n");

		Run run = run("apply", "--server-side", "-f", "pod.yaml");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).isEqualTo("The Pod \"web\" is invalid: spec: Forbidden: " + UpdateValidation.POD_UPDATE
				+ "\n  core.PodSpec{\n+ \tcontainers[0].args: [\"--verbose\"],\n  }\n\n");
	}

	@Test
	void kubectlsServerSideApplyOfAnAddedSchedulingGateFailsInTheApiServersWords() throws Exception {
		assumeThat(onPath("kubectl")).as("kubectl on the PATH").isTrue();
		fake.createNamespace("team", Map.of());
		Files.writeString(dir.resolve("kubeconfig"), FakeKubeconfig.of(fake, TOKEN));
		String pod = FieldValidationTest.TYPO_POD.replace("    imagePullPolicyy: Always\n", "");
		Files.writeString(dir.resolve("pod.yaml"), pod + "  schedulingGates: [{name: example.com/quota}]\n");
		kubectl("apply", "--server-side", "-f", "pod.yaml");
		Files.writeString(dir.resolve("pod.yaml"),
				pod + "  schedulingGates: [{name: example.com/quota}, {name: b.io/c}]\n");

		Run run = run("apply", "--server-side", "-f", "pod.yaml");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).isEqualTo("The Pod \"web\" is invalid: spec.schedulingGates[1].name: Forbidden: only "
				+ "deletion is allowed, but found new scheduling gate 'b.io/c'\n");
	}

	/**
	 * kubectl reads the file itself and sends the object it read, so a key given twice
	 * never reaches the API server from kubectl: the last value is applied, with no error
	 * or warning. Only a client that sends the text as written (curl, a CI step) meets
	 * the strict refusal.
	 */
	@Test
	void kubectlsServerSideApplyOfARepeatedKeySendsTheLastValueOnly() throws Exception {
		assumeThat(onPath("kubectl")).as("kubectl on the PATH").isTrue();
		fake.createNamespace("team", Map.of());
		Files.writeString(dir.resolve("kubeconfig"), FakeKubeconfig.of(fake, TOKEN));
		Files.writeString(dir.resolve("pod.yaml"), FieldValidationTest.REPEATED_POD);

		assertThat(kubectl("apply", "--server-side", "-f", "pod.yaml")).isEqualTo("pod/web serverside-applied\n");

		assertThat(fake.pod("team", "web").orElseThrow().at("/spec/containers/0/image").asString())
			.isEqualTo("nginx:1.28");
	}

	private String kubectl(String... arguments) throws IOException, InterruptedException {
		Run run = run(arguments);
		assertThat(run.exitCode()).as(run.output()).isZero();
		return run.output();
	}

	private Run run(String... arguments) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of("kubectl", "--kubeconfig", dir.resolve("kubeconfig").toString(),
				"--cache-dir", dir.resolve("cache").toString(), "--namespace", "team"));
		line.addAll(List.of(arguments));
		Process process = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Run(process.waitFor(), output);
	}

	private record Run(int exitCode, String output) {
	}

	private static boolean onPath(String command) {
		return List.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.stream()
			.anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
	}

}
