package io.podcomposer.clusters;

import java.io.IOException;
import java.nio.file.Path;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import io.podcomposer.kube.ExecScripts;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kubeconfig with exec, where the operator allows it: the command runs on each
 * connection and its ExecCredential signs in, or the check says why it did not. A limit
 * of 1 s, for the test.
 */
@SpringBootTest(properties = { "podcomposer.clusters.allow-exec=true", "podcomposer.clusters.exec-timeout=1s" })
@AutoConfigureMockMvc
@AlsoOnPostgres
class ClusterExecTest {

	private static final String TOKEN = "exec-cluster-token";

	private final FakeKubernetes cluster = FakeKubernetes.start(TOKEN);

	@Autowired
	private MockMvcTester mvc;

	@TempDir
	Path scripts;

	@AfterEach
	void stop() {
		this.cluster.close();
	}

	@Test
	void theCommandsTokenSignsInToTheCluster() throws IOException {
		String command = ExecScripts.write(this.scripts.resolve("get-token"),
				"[ \"$1\" = --cluster ] && [ \"$SECRET\" = s3 ] || exit 9\n"
						+ ExecScripts.printing("\"token\": \"" + TOKEN + "\""));

		JsonNode added = add(execKubeconfig(this.cluster, command, "--cluster", "s3"));

		assertThat(added.get("authKind").asString()).isEqualTo("EXEC");
		assertThat(added.get("inCluster").asBoolean()).isFalse();
		JsonNode check = check(added.get("id").asLong());
		assertThat(check.get("reachable").asBoolean()).as(check.toString()).isTrue();
		assertThat(check.get("version").asString()).isEqualTo(FakeKubernetes.GIT_VERSION);
	}

	@Test
	void aFailingCommandMakesTheCheckSayWhyQuotingItsStderr() throws IOException {
		String command = ExecScripts.write(this.scripts.resolve("fails"),
				"echo '" + TOKEN + "'\necho 'token expired: run aws sso login' >&2\nexit 2\n");

		JsonNode check = check(add(execKubeconfig(this.cluster, command, "x", "y")).get("id").asLong());

		assertThat(check.get("reachable").asBoolean()).isFalse();
		assertThat(check.get("message").asString())
			.isEqualTo("The exec command " + command + " failed with exit code 2: token expired: run aws sso login")
			.doesNotContain(TOKEN);
		assertThat(this.cluster.requests()).isEmpty();
	}

	@Test
	void aSlowCommandIsStoppedAtTheConfiguredLimit() throws IOException {
		String command = ExecScripts.write(this.scripts.resolve("slow"), "sleep 20\n");

		JsonNode check = check(add(execKubeconfig(this.cluster, command, "x", "y")).get("id").asLong());

		assertThat(check.get("reachable").asBoolean()).isFalse();
		assertThat(check.get("message").asString())
			.isEqualTo("The exec command " + command + " did not finish within 1 s and was stopped.");
	}

	@Test
	void garbageOnStdoutIsRefusedUnquoted() throws IOException {
		String command = ExecScripts.write(this.scripts.resolve("garbage"), "echo 'Bearer " + TOKEN + "'\n");

		JsonNode check = check(add(execKubeconfig(this.cluster, command, "x", "y")).get("id").asLong());

		assertThat(check.get("reachable").asBoolean()).isFalse();
		assertThat(check.get("message").asString())
			.isEqualTo("The exec command " + command + " printed no ExecCredential JSON.");
	}

	/**
	 * A kubeconfig for the fake cluster whose user runs the command with one argument and
	 * SECRET in its environment.
	 */
	static String execKubeconfig(FakeKubernetes cluster, String command, String argument, String secret) {
		return ClusterApiTest.kubeconfigWithUser(cluster, """
				exec:
				      apiVersion: %s
				      command: '%s'
				      args: ['%s']
				      env: [{name: SECRET, value: '%s'}]""".formatted(ExecScripts.API_VERSION, command, argument,
				secret));
	}

	private JsonNode add(String kubeconfig) {
		String name = "exec-" + Long.toString(System.nanoTime(), 36);
		MvcTestResult added = this.mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(ClusterApiTest.body(name, kubeconfig, null))
			.exchange();
		assertThat(added).hasStatus(HttpStatus.CREATED);
		return ClusterApiTest.json(added);
	}

	private JsonNode check(long id) {
		MvcTestResult check = this.mvc.post()
			.uri("/api/v1/clusters/" + id + "/check")
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)
			.exchange();
		assertThat(check).hasStatusOk();
		return ClusterApiTest.json(check);
	}

}
