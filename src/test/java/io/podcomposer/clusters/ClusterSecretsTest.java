package io.podcomposer.clusters;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import io.podcomposer.kube.ExecScripts;
import io.podcomposer.security.FreshPortal;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster's token goes in and never comes out: not in an API answer, the audit log, the
 * database file or the log. A portal of its own, so that its database can be closed and
 * read from disk.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterSecretsTest {

	private static final String TOKEN = "tok-Zq7xW-distinctive-cluster-secret-41";

	private static final String EXEC_TOKEN = "exec-tok-Rv8pL-printed-by-the-command-77";

	private static final String EXEC_SECRET = "exec-env-Kd2mQ-secret-value-19";

	@Test
	void theTokenIsStoredEncryptedAndNeverShown(@TempDir Path dataDir, CapturedOutput output) throws IOException {
		String kubeconfig = KubeconfigTest.TWO_CONTEXTS.replace("eyJhbGciOiJSUzI1NiJ9.staging-token", TOKEN);
		List<String> answers = new ArrayList<>();
		try (ClusterPortal portal = ClusterPortal.start(dataDir)) {
			HttpResponse<String> added = portal.send("POST", "/api/v1/clusters",
					ClusterApiTest.body("secret-test", kubeconfig, "staging"));
			assertThat(added.statusCode()).isEqualTo(201);
			String id = JsonMapper.shared().readTree(added.body()).get("id").asString();
			answers.add(added.body());
			answers.add(portal.send("GET", "/api/v1/clusters", null).body());
			answers.add(portal.send("GET", "/api/v1/clusters/" + id, null).body());
			HttpResponse<String> taken = portal.send("POST", "/api/v1/clusters",
					ClusterApiTest.body("secret-test", kubeconfig, "staging"));
			assertThat(taken.statusCode()).isEqualTo(409);
			answers.add(taken.body());
			answers.add(portal.send("GET", "/api/v1/audit", null).body());

			assertThat(portal.bean(ClusterService.class).credentials(Long.parseLong(id)).token()).as("stored")
				.isEqualTo(TOKEN);
			List<String> audit = audit(portal);
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
			.toString(Files.getPosixFilePermissions(dataDir.resolve(CredentialCipher.KEY_FILE))))
			.isEqualTo("rw-------");
	}

	@Test
	void whatAnExecCommandGetsAndPrintsIsNeverShownNorStored(@TempDir Path dataDir, @TempDir Path scripts,
			CapturedOutput output) throws IOException {
		List<String> answers = new ArrayList<>();
		try (FakeKubernetes cluster = FakeKubernetes.start(EXEC_TOKEN);
				ClusterPortal portal = ClusterPortal.start(dataDir, "podcomposer.clusters.allow-exec=true")) {
			String command = ExecScripts.write(scripts.resolve("get-token"), "[ \"$SECRET\" = '" + EXEC_SECRET
					+ "' ] || exit 9\n" + ExecScripts.printing("\"token\": \"" + EXEC_TOKEN + "\""));
			HttpResponse<String> added = portal.send("POST", "/api/v1/clusters", ClusterApiTest.body("exec-secret-test",
					ClusterExecTest.execKubeconfig(cluster, command, "--secret-arg", EXEC_SECRET), null));
			assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
			JsonNode view = JsonMapper.shared().readTree(added.body());
			assertThat(view.get("authKind").asString()).isEqualTo("EXEC");
			String id = view.get("id").asString();
			HttpResponse<String> check = portal.send("POST", "/api/v1/clusters/" + id + "/check", null);
			assertThat(JsonMapper.shared().readTree(check.body()).get("reachable").asBoolean()).as(check.body())
				.isTrue();
			answers.add(added.body());
			answers.add(check.body());
			answers.add(portal.send("GET", "/api/v1/clusters/" + id + "/namespaces", null).body());
			answers.add(portal.send("GET", "/api/v1/clusters", null).body());
			answers.add(portal.send("GET", "/api/v1/clusters/" + id, null).body());
			answers.add(portal.send("GET", "/api/v1/audit", null).body());
			assertThat(String.join("\n", audit(portal))).contains("CLUSTER_ADD exec-secret-test")
				.doesNotContain(EXEC_TOKEN, EXEC_SECRET);
		}

		assertThat(answers).allSatisfy((answer) -> assertThat(answer).doesNotContain(EXEC_TOKEN, EXEC_SECRET));
		assertThat(String.join("", answers)).contains("exec-secret-test", "default");
		String disk = FreshPortal.everyFile(dataDir);
		assertThat(disk).as("the cluster row, so the scan reads the database").contains("exec-secret-test");
		assertThat(disk).doesNotContain(EXEC_TOKEN, EXEC_SECRET, "--secret-arg");
		assertThat(output.getAll()).as("the log").contains("Started").doesNotContain(EXEC_TOKEN, EXEC_SECRET);
	}

	private static List<String> audit(ClusterPortal portal) {
		return portal.bean(JdbcTemplate.class)
			.queryForList("select concat(action, ' ', target, ' ', coalesce(detail, '')) from audit_entry",
					String.class);
	}

}
