package io.podcomposer.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import io.podcomposer.security.FreshPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploying through a cluster's credentials never shows them: not in a record, an answer,
 * the audit log, the database files or the log, whether the deploy works or fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeploySecretsTest {

	private static final String ADMIN_TOKEN = "pct_deploy-secrets-admin";

	private static final String CLUSTER_TOKEN = "tok-Kx9-distinctive-deploy-secret-77";

	@Test
	void theClusterTokenNeverLeavesTheCredentialStore(@TempDir Path dataDir, CapturedOutput output)
			throws IOException, InterruptedException {
		List<String> answers = new ArrayList<>();
		try (FakeKubernetes fake = FakeKubernetes.start(CLUSTER_TOKEN);
				FreshPortal portal = FreshPortal.start(dataDir, "deploy-secrets-password", ADMIN_TOKEN)) {
			fake.createNamespace("guarded", Map.of(NamespaceFit.ENFORCE_LABEL, "baseline"));
			String base = "http://localhost:" + portal.port() + "/api/v1/";
			long clusterId = portal.bean(ClusterService.class)
				.add("secret-deploy", FakeKubeconfig.of(fake, CLUSTER_TOKEN), null)
				.id();
			HttpResponse<String> template = send(base + "templates", "application/yaml",
					"name: secret-deploy\nmanifest:\n"
							+ DeployTests.SHARED_MEMORY_POD.formatted("shm", "busybox:1.36").indent(2));
			assertThat(template.statusCode()).isEqualTo(201);
			long templateId = JsonMapper.shared().readTree(template.body()).get("id").asLong();

			HttpResponse<String> applied = send(base + "deployments", "application/json",
					DeployTests.deployBody(templateId, clusterId, "default").toString());
			assertThat(applied.statusCode()).isEqualTo(201);
			HttpResponse<String> refused = send(base + "deployments", "application/json",
					DeployTests.deployBody(templateId, clusterId, "guarded").toString());
			assertThat(refused.statusCode()).isEqualTo(422);
			long id = JsonMapper.shared().readTree(applied.body()).get("id").asLong();
			answers.addAll(List.of(applied.body(), refused.body(), send(base + "deployments/" + id, null, null).body(),
					send(base + "deployments", null, null).body(), send(base + "audit", null, null).body()));
			fake.goDown();
			answers.add(send(base + "deployments/" + id, null, null).body());
		}

		assertThat(String.join("\n", answers)).contains("Applied", "violates PodSecurity", "DEPLOY", "unreachable")
			.doesNotContain(CLUSTER_TOKEN);
		String disk = FreshPortal.everyFile(dataDir);
		assertThat(disk).as("the records, so the scan reads the database").contains("secret-deploy");
		assertThat(disk).doesNotContain(CLUSTER_TOKEN);
		assertThat(output.getAll()).as("the log").contains("Started").doesNotContain(CLUSTER_TOKEN);
	}

	private static HttpResponse<String> send(String url, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + ADMIN_TOKEN);
		if (body != null) {
			request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
