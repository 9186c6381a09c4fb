package io.podcomposer.deploy;

import java.time.Duration;
import java.util.Map;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static io.podcomposer.deploy.DeployTests.deployBody;
import static io.podcomposer.deploy.DeployTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow cluster: the deploy gives up after the configured timeout (here 1 s; 15 s at
 * most) with a 504.
 */
@SpringBootTest(properties = "podcomposer.clusters.timeout=1s")
@AutoConfigureMockMvc
@AlsoOnPostgres
class DeploymentTimeoutTest {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterService clusters;

	@Test
	void aSlowClusterIsA504WithAFailedRecordThatSaysWhatToCheck() {
		try (FakeKubernetes fake = FakeKubernetes.start(DeployTests.CLUSTER_TOKEN)) {
			fake.createNamespace("team-a", Map.of());
			long clusterId = DeployTests.addCluster(this.clusters, fake);
			long templateId = DeployTests.template(this.mvc,
					DeployTests.SHARED_MEMORY_POD.formatted(DeployTests.unique("slow"), "${IMAGE}"));
			fake.beSlow(Duration.ofSeconds(30));

			long started = System.nanoTime();
			MvcTestResult failed = DeployTests.deploy(this.mvc, deployBody(templateId, clusterId, "team-a"));
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(failed).hasStatus(HttpStatus.GATEWAY_TIMEOUT);
			assertThat(json(failed).get("detail").asString()).contains("did not answer within 1 s",
					"look at the live state before deploying again");
			JsonNode record = json(failed).get("deployment");
			assertThat(record.get("status").asString()).isEqualTo("Failed");
			// the cluster would have taken 30 s; the portal never waits longer than 15
			assertThat(took).isLessThan(Duration.ofSeconds(15));
			fake.beSlow(Duration.ZERO);
			assertThat(
					json(DeployTests.call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + record.get("id").asLong()))
						.get("message")
						.asString())
				.isEqualTo(json(failed).get("detail").asString());
		}
	}

}
