package io.podcomposer.clusters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.podcomposer.clusters.BootstrapCluster.Outcome;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster given as a kubeconfig file at start, as docker compose gives the portal its
 * k3s: the portal started as an operator starts it, against the fake API server.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapClusterTest {

	private static final String TOKEN = "bootstrap-token-Qx7";

	@TempDir
	Path dataDir;

	@TempDir
	Path shared;

	@Test
	void aKubeconfigWrittenAfterStartUpIsAddedOnceAndReachesItsCluster(CapturedOutput output) throws Exception {
		Path kubeconfig = this.shared.resolve("kubeconfig.yaml");
		try (FakeKubernetes cluster = FakeKubernetes.start(TOKEN);
				ClusterPortal portal = start(kubeconfig, "1m", cluster.url())) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(output.getAll()).contains("The kubeconfig " + kubeconfig
						+ " for the cluster local-k3s is not there yet; looking for it every 1 s for up to PT1M."));
			assertThat(named(portal, "local-k3s")).isEmpty();

			// as k3s writes it: the server as seen from inside its own container
			Files.writeString(kubeconfig,
					FakeKubeconfig.of(cluster, TOKEN).replace(cluster.url(), "https://127.0.0.1:1"));
			JsonNode added = await().atMost(Duration.ofSeconds(10))
				.until(() -> named(portal, "local-k3s"), (found) -> !found.isEmpty())
				.get(0);
			assertThat(added.get("server").asString()).as("rewritten by the setting").isEqualTo(cluster.url());
			assertThat(added.get("createdBy").asString()).isEqualTo("system");
			assertThat(portal.check(added.get("id").asLong()).get("reachable").asBoolean()).isTrue();
			assertThat(output.getAll()).contains(
					"Added the cluster local-k3s from the kubeconfig " + kubeconfig + ", at " + cluster.url() + ".");
			assertThat(output.getAll()).doesNotContain(TOKEN);
		}

		try (ClusterPortal again = start(kubeconfig, "1m", "")) {
			BootstrapCluster bootstrap = again.bean(BootstrapCluster.class);
			assertThat(bootstrap.addOnce()).as("a later start").isEqualTo(Outcome.PRESENT);
			assertThat(rows(again)).isEqualTo(1);
		}
	}

	@Test
	void ofTwoInstancesStartingTogetherOneAddsTheCluster(CapturedOutput output) throws Exception {
		Path kubeconfig = this.shared.resolve("kubeconfig.yaml");
		try (FakeKubernetes cluster = FakeKubernetes.start(TOKEN); ClusterPortal portal = start(kubeconfig, "0s", "")) {
			// the background thread gives up at once; the two calls below find the file
			// at the same moment
			await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("was not written within PT0S"));
			BootstrapCluster bootstrap = portal.bean(BootstrapCluster.class);
			assertThat(bootstrap.addOnce()).isEqualTo(Outcome.NOT_WRITTEN);
			Files.writeString(kubeconfig, FakeKubeconfig.of(cluster, TOKEN));
			assertThat(ClusterPortal.twiceAtOnce(bootstrap::addOnce)).containsExactlyInAnyOrder(Outcome.ADDED,
					Outcome.PRESENT);
			assertThat(rows(portal)).isEqualTo(1);
		}
	}

	@Test
	void aFileThatNeverComesIsALogLineAndTheStartGoesOn(CapturedOutput output) {
		Path missing = this.shared.resolve("never-written.yaml");
		try (ClusterPortal portal = start(missing, "2s", "")) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(output.getAll()).contains("The kubeconfig " + missing
						+ " was not written within PT2S: the cluster local-k3s was not added. Add it under Clusters, "
						+ "or restart the portal once the file is there."));
			assertThat(portal.clusters()).isEmpty();
			assertThat(rows(portal)).isZero();
		}
	}

	@Test
	void aKubeconfigThatCannotBeUsedIsALogLineNamingWhy(CapturedOutput output) throws Exception {
		Path kubeconfig = this.shared.resolve("kubeconfig.yaml");
		Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters: []\n");
		try (ClusterPortal portal = start(kubeconfig, "1m", "")) {
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(output.getAll()).contains("The kubeconfig " + kubeconfig
						+ " cannot be added as the cluster local-k3s: The kubeconfig has no contexts."));
			BootstrapCluster bootstrap = portal.bean(BootstrapCluster.class);
			assertThat(bootstrap.addOnce()).isEqualTo(Outcome.UNUSABLE);
			assertThat(rows(portal)).isZero();
		}
	}

	@Test
	void withoutTheSettingNothingIsAdded() {
		try (ClusterPortal portal = ClusterPortal.start(this.dataDir)) {
			assertThat(portal.bean(JdbcTemplate.class).queryForObject("select count(*) from cluster", Integer.class))
				.isZero();
		}
	}

	/**
	 * As the compose file sets it: the name by default; the server, when given, replaces
	 * the file's.
	 */
	private ClusterPortal start(Path kubeconfig, String wait, String server) {
		return ClusterPortal.start(this.dataDir, BootstrapCluster.KUBECONFIG + "=" + kubeconfig,
				"podcomposer.clusters.bootstrap.wait=" + wait, "podcomposer.clusters.bootstrap.server=" + server);
	}

	private static List<JsonNode> named(ClusterPortal portal, String name) {
		return portal.clusters().stream().filter((each) -> each.get("name").asString().equals(name)).toList();
	}

	private static int rows(ClusterPortal portal) {
		return portal.bean(JdbcTemplate.class)
			.queryForObject("select count(*) from cluster where name = 'local-k3s'", Integer.class);
	}

}
