package io.podcomposer.clusters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import io.podcomposer.security.FreshPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster's token goes in and never comes out: not in an API answer, the audit log, the database
 * file or the log. A portal of its own, so that its database can be closed and read from disk.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterSecretsTest {

	private static final String ADMIN_TOKEN = "pct_cluster-secrets-admin";

	private static final String TOKEN = "tok-Zq7xW-distinctive-cluster-secret-41";

	@Test
	void theTokenIsStoredEncryptedAndNeverShown(@TempDir Path dataDir, CapturedOutput output)
			throws IOException, InterruptedException {
		String kubeconfig = KubeconfigTest.TWO_CONTEXTS.replace("eyJhbGciOiJSUzI1NiJ9.staging-token", TOKEN);
		List<String> answers = new ArrayList<>();
		try (FreshPortal portal = FreshPortal.start(dataDir, "cluster-secrets-password", ADMIN_TOKEN)) {
			String base = "http://localhost:" + portal.port() + "/api/v1/clusters";
			HttpResponse<String> added = send(HttpRequest.newBuilder(URI.create(base))
				.POST(HttpRequest.BodyPublishers.ofString(ClusterApiTest.body("secret-test", kubeconfig, "staging"))));
			assertThat(added.statusCode()).isEqualTo(201);
			String id = JsonMapper.shared().readTree(added.body()).get("id").asString();
			answers.add(added.body());
			answers.add(send(HttpRequest.newBuilder(URI.create(base))).body());
			answers.add(send(HttpRequest.newBuilder(URI.create(base + "/" + id))).body());
			HttpResponse<String> taken = send(HttpRequest.newBuilder(URI.create(base))
				.POST(HttpRequest.BodyPublishers.ofString(ClusterApiTest.body("secret-test", kubeconfig, "staging"))));
			assertThat(taken.statusCode()).isEqualTo(409);
			answers.add(taken.body());
			answers.add(send(HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + "/api/v1/audit"))).body());

			assertThat(portal.bean(ClusterService.class).credentials(Long.parseLong(id)).token()).as("stored")
				.isEqualTo(TOKEN);
			List<String> audit = portal.bean(JdbcTemplate.class)
				.queryForList("select concat(action, ' ', target, ' ', coalesce(detail, '')) from audit_entry", String.class);
			assertThat(audit).anyMatch((entry) -> entry.startsWith("CLUSTER_ADD secret-test"));
			assertThat(String.join("\n", audit)).doesNotContain(TOKEN);
		}

		assertThat(answers).allSatisfy((answer) -> assertThat(answer).doesNotContain(TOKEN));
		assertThat(String.join("", answers)).contains("secret-test", "CLUSTER_ADD");
		String disk = FreshPortal.everyFile(dataDir);
		assertThat(disk).as("the cluster row, so the scan reads the database").contains("staging.example.com");
		assertThat(disk).doesNotContain(TOKEN);
		assertThat(output.getAll()).as("the log").contains("Started").doesNotContain(TOKEN);
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(dataDir.resolve(CredentialCipher.KEY_FILE)))).isEqualTo("rw-------");
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(request.header("Authorization", "Bearer " + ADMIN_TOKEN)
				.header("Content-Type", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
