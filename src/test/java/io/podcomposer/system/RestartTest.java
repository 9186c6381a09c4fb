package io.podcomposer.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestDatabase;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.clusters.ClusterView;
import io.podcomposer.deploy.DeployStatus;
import io.podcomposer.deploy.Deployments;
import io.podcomposer.security.AccountService;
import io.podcomposer.security.FreshPortal;
import io.podcomposer.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the portal keeps is still there after it stops and starts again on the same
 * database.
 */
@AlsoOnPostgres
class RestartTest {

	private static final String PASSWORD = "restart-admin-password";

	private static final String ADMIN_TOKEN = "pct_restart-admin-token";

	private static final String KUBECONFIG = """
			apiVersion: v1
			kind: Config
			clusters:
			- name: c
			  cluster:
			    server: https://127.0.0.1:6443
			    insecure-skip-tls-verify: true
			users:
			- name: u
			  user:
			    token: restart-cluster-token
			contexts:
			- name: ctx
			  context:
			    cluster: c
			    user: u
			current-context: ctx
			""";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void templatesRevisionsUsersTokensClustersDeploymentsAndTheAuditLogSurviveARestart(@TempDir Path dataDir)
			throws Exception {
		List<String> database = TestDatabase.create(dataDir);
		long templateId;
		String userToken;
		long clusterId;
		long deploymentId;
		int audited;
		try (FreshPortal portal = FreshPortal.start(PASSWORD, ADMIN_TOKEN, database)) {
			HttpResponse<String> created = send(portal, "POST", "/api/v1/templates", ADMIN_TOKEN, null,
					"{\"name\": \"kept\", \"manifest\": " + pod("nginx:1") + "}");
			assertThat(created.statusCode()).isEqualTo(201);
			templateId = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
			assertThat(send(portal, "PUT", "/api/v1/templates/" + templateId, ADMIN_TOKEN, "\"1\"",
					"{\"name\": \"kept\", \"manifest\": " + pod("nginx:2") + "}")
				.statusCode()).isEqualTo(200);

			AccountService accounts = portal.bean(AccountService.class);
			accounts.create("keeper", "keeper-password", Set.of(Role.EDITOR));
			userToken = accounts.createToken("keeper", "laptop").token();
			ClusterView cluster = portal.bean(ClusterService.class).add("kept-cluster", KUBECONFIG, null);
			clusterId = cluster.id();
			JdbcTemplate jdbc = portal.bean(JdbcTemplate.class);
			jdbc.update(
					"""
							insert into deployment_record (template_id, template_name, revision, parameter_values, cluster_id,
							  cluster_name, namespace, kind, name, status, warnings, manifest, created_at, created_by)
							values (?, 'kept', 2, '{}', ?, 'kept-cluster', 'default', 'Pod', 'web', 'Applied', '[]', 'kind: Pod',
							  current_timestamp, 'admin')""",
					templateId, clusterId);
			deploymentId = jdbc.queryForObject("select max(id) from deployment_record", Long.class);
			audited = portal.count("audit_entry");
			assertThat(audited).as("template, user, token and cluster entries").isGreaterThanOrEqualTo(4);
		}

		try (FreshPortal portal = FreshPortal.start(PASSWORD, ADMIN_TOKEN, database)) {
			HttpResponse<String> revisions = send(portal, "GET", "/api/v1/templates/" + templateId + "/revisions",
					userToken, null, null);
			assertThat(revisions.statusCode()).as("the user's token still signs in").isEqualTo(200);
			assertThat(revisions.body()).contains("\"revision\":2", "\"revision\":1");
			assertThat(send(portal, "GET", "/api/v1/templates/" + templateId + "/revisions/1", userToken, null, null)
				.body()).contains("nginx:1");
			assertThat(portal.bean(AccountService.class).user("keeper").roles()).containsExactly(Role.EDITOR);
			ClusterService clusters = portal.bean(ClusterService.class);
			assertThat(clusters.get(clusterId).name()).isEqualTo("kept-cluster");
			assertThat(clusters.credentials(clusterId).token()).as("decrypted with the same key")
				.isEqualTo("restart-cluster-token");
			assertThat(portal.bean(Deployments.class).get(deploymentId)).satisfies((deployment) -> {
				assertThat(deployment.templateId()).isEqualTo(templateId);
				assertThat(deployment.status()).isEqualTo(DeployStatus.Applied);
			});
			assertThat(portal.count("audit_entry")).as("the audit log, and nothing added by the restart")
				.isEqualTo(audited);
			assertThat(portal.count("user_account")).as("admin and keeper, no second admin").isEqualTo(2);
		}
	}

	private HttpResponse<String> send(FreshPortal portal, String method, String path, String token, String ifMatch,
			String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + portal.port() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method,
					(body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String pod(String image) {
		return "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"}, \"spec\": {\"containers\": "
				+ "[{\"name\": \"web\", \"image\": \"" + image + "\"}]}}";
	}

}
