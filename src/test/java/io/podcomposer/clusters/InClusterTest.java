package io.podcomposer.clusters;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.podcomposer.kube.FakeKubernetes;
import io.podcomposer.security.FreshPortal;
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
 * "This cluster": a portal started as in a pod, with a service account folder of the
 * test's own and the Kubernetes service address pointing at the fake API server.
 */
@ExtendWith(OutputCaptureExtension.class)
class InClusterTest {

	private static final String TOKEN = "sa-token-Pw4n-first";

	private static final String ROTATED = "sa-token-Pw4n-rotated";

	@TempDir
	Path dataDir;

	@TempDir
	Path serviceAccount;

	@Test
	void theServiceAccountReachesTheClusterThePortalRunsInWithItsTokenReadOnEveryConnection(CapturedOutput output)
			throws Exception {
		long id;
		try (FakeKubernetes cluster = FakeKubernetes.start(TOKEN); ClusterPortal portal = start(cluster, true)) {
			assertThat(output.getAll()).as("started without the files")
				.contains("the service account's " + this.serviceAccount.resolve("token") + " cannot be read")
				.contains("the service account's " + this.serviceAccount.resolve("ca.crt") + " cannot be read");
			JsonNode row = inCluster(portal);
			id = row.get("id").asLong();
			assertThat(row.get("server").asString()).isEqualTo(cluster.url());
			assertThat(row.get("authKind").asString()).isEqualTo("SERVICE_ACCOUNT");
			assertThat(row.get("createdBy").asString()).isEqualTo("system");
			assertThat(portal.check(id).get("message").asString())
				.startsWith("The service account's token cannot be read " + "from "
						+ this.serviceAccount.resolve("token") + " (NoSuchFileException)");

			Files.writeString(this.serviceAccount.resolve("ca.crt"), cluster.caPem());
			Files.writeString(this.serviceAccount.resolve("token"), TOKEN + "\n");
			JsonNode reached = portal.check(id);
			assertThat(reached.get("reachable").asBoolean()).as(reached.toString()).isTrue();
			assertThat(reached.get("namespaces").toString()).contains("default");

			Files.writeString(this.serviceAccount.resolve("token"), "no-longer-valid");
			assertThat(portal.check(id).get("message").asString()).contains("401");

			// the kubelet rotates the projected token: the next connection uses the new
			// one
			cluster.allowServiceAccountToken(ROTATED);
			Files.writeString(this.serviceAccount.resolve("token"), ROTATED);
			JsonNode rotated = portal.check(id);
			assertThat(rotated.get("reachable").asBoolean()).isTrue();
			assertThat(rotated.get("message").asString()).as("the service account may not list namespaces")
				.contains(FakeKubernetes.SERVICE_ACCOUNT);

			HttpResponse<String> removal = portal.send("DELETE", "/api/v1/clusters/" + id, null);
			assertThat(removal.statusCode()).isEqualTo(409);
			assertThat(removal.body()).contains("the one the portal runs in");
			assertThat(portal.bean(InClusterAccount.class).createOnce()).as("made again").isFalse();
			assertThat(rows(portal)).isEqualTo(1);
		}
		assertThat(FreshPortal.everyFile(this.dataDir)).as("the database, which holds the row")
			.contains("in-cluster")
			.doesNotContain(TOKEN, ROTATED);

		try (FakeKubernetes cluster = FakeKubernetes.start(TOKEN); ClusterPortal portal = start(cluster, false)) {
			assertThat(portal.clusters()).noneMatch((each) -> each.get("inCluster").asBoolean());
			HttpResponse<String> kept = portal.send("GET", "/api/v1/clusters/" + id, null);
			assertThat(kept.statusCode()).as("what refers to it stays readable").isEqualTo(200);
			assertThat(JsonMapper.shared().readTree(kept.body()).get("inCluster").asBoolean()).isTrue();
			HttpResponse<String> refused = portal.send("POST", "/api/v1/clusters/" + id + "/check", null);
			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(JsonMapper.shared().readTree(refused.body()).get("detail").asString())
				.isEqualTo("The cluster in-cluster is the one the portal runs in, and "
						+ "podcomposer.clusters.in-cluster.enabled (PODCOMPOSER_IN_CLUSTER_ENABLED) is off.");
			assertThat(rows(portal)).isEqualTo(1);
		}
	}

	@Test
	void ofTwoInstancesStartingTogetherOneMakesTheRow() throws Exception {
		try (FakeKubernetes cluster = FakeKubernetes.start(TOKEN); ClusterPortal portal = start(cluster, true)) {
			JdbcTemplate jdbc = portal.bean(JdbcTemplate.class);
			long first = inCluster(portal).get("id").asLong();
			assertThat(rows(portal)).isEqualTo(1);
			// back to a database no instance has started on with the switch on
			jdbc.update("delete from cluster where name = 'in-cluster'");
			InClusterAccount account = portal.bean(InClusterAccount.class);
			assertThat(ClusterPortal.twiceAtOnce(account::createOnce)).containsExactlyInAnyOrder(true, false);
			assertThat(rows(portal)).isEqualTo(1);
			assertThat(inCluster(portal).get("id").asLong()).isNotEqualTo(first);
		}
	}

	private ClusterPortal start(FakeKubernetes cluster, boolean enabled) {
		URI server = URI.create(cluster.url());
		return ClusterPortal.start(this.dataDir, "podcomposer.clusters.in-cluster.enabled=" + enabled,
				"podcomposer.clusters.in-cluster.service-account-dir=" + this.serviceAccount,
				"podcomposer.clusters.in-cluster.host=" + server.getHost(),
				"podcomposer.clusters.in-cluster.port=" + server.getPort());
	}

	private static JsonNode inCluster(ClusterPortal portal) {
		List<JsonNode> offered = portal.clusters()
			.stream()
			.filter((each) -> each.get("inCluster").asBoolean())
			.toList();
		assertThat(offered).hasSize(1);
		assertThat(offered.get(0).get("name").asString()).isEqualTo("in-cluster");
		return offered.get(0);
	}

	private static int rows(ClusterPortal portal) {
		return portal.bean(JdbcTemplate.class)
			.queryForObject("select count(*) from cluster where name = 'in-cluster'", Integer.class);
	}

}
