package io.podcomposer.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the portal started together on one database, as a Deployment with two
 * replicas starts them: the one-time start-up work is done once, and a session made on
 * one replica is good on the other.
 */
@AlsoOnPostgres
class ReplicasTest {

	private static final String PASSWORD = "replicas-admin-password";

	private static final String TOKEN = "pct_replicas-admin-token";

	@Test
	void twoReplicasStartingTogetherDoTheStartUpWorkOnceAndShareSessions(@TempDir Path dataDir) throws Exception {
		List<String> settings = new ArrayList<>(TestDatabase.create(dataDir));
		// replicas share the key that encrypts cluster credentials, as an operator's
		// Secret gives it them
		settings.add("--PODCOMPOSER_SECRET_KEY=" + Base64.getEncoder().encodeToString(new byte[32]));
		settings.add("--podcomposer.clusters.in-cluster.enabled=true");
		settings.add("--podcomposer.clusters.in-cluster.service-account-dir=" + dataDir.resolve("serviceaccount"));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		Callable<FreshPortal> replica = () -> {
			start.await();
			return FreshPortal.start(PASSWORD, TOKEN, settings);
		};
		// Real replicas are separate processes; two in one JVM would each reconfigure the
		// one shared
		// Logback context while the other logs through it, which fails either start now
		// and then.
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		List<Future<FreshPortal>> replicas = List.of(pool.submit(replica), pool.submit(replica));
		start.countDown();
		try (FreshPortal one = replicas.get(0).get(); FreshPortal two = replicas.get(1).get()) {
			assertThat(one.count("user_account")).as("users").isEqualTo(1);
			assertThat(one.count("api_token")).as("tokens").isEqualTo(1);
			assertThat(one.count("startup_task")).isEqualTo(1);
			assertThat(one.count("template")).as("catalog templates")
				.isPositive()
				.isEqualTo(one.count("template_revision"));
			assertThat(one.count("cluster")).as("the in-cluster row").isEqualTo(1);
			assertThat(audited(one, "USER_CREATED")).isEqualTo(1);
			assertThat(audited(one, "TOKEN_CREATED")).isEqualTo(1);
			assertThat(audited(one, "CATALOG_SEED")).isEqualTo(1);
			assertThat(audited(one, "CLUSTER_ADD")).isEqualTo(1);

			PortalClient onOne = PortalClient.signedIn(one.port(), AdminBootstrap.ADMIN, PASSWORD);
			PortalClient onTwo = new PortalClient(two.port());
			assertThat(onTwo.get("/compose").statusCode()).as("without a session").isEqualTo(302);
			onTwo.setSessionId(onOne.sessionId());
			assertThat(onTwo.get("/compose").statusCode()).as("with the session made on the other").isEqualTo(200);
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
			pool.shutdownNow();
		}
	}

	private static Integer audited(FreshPortal portal, String action) {
		return portal.bean(JdbcTemplate.class)
			.queryForObject("select count(*) from audit_entry where action = ?", Integer.class, action);
	}

}
