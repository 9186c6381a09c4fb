package io.podcomposer.deploy;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubernetes;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.deploy.DeployTests.SHARED_MEMORY_POD;
import static io.podcomposer.deploy.DeployTests.call;
import static io.podcomposer.deploy.DeployTests.deploy;
import static io.podcomposer.deploy.DeployTests.deployBody;
import static io.podcomposer.deploy.DeployTests.json;
import static io.podcomposer.deploy.DeployTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code health} in {@code GET /api/v1/deployments} and {@code /{id}} against the fake API
 * server: derived from the live state, for pods and workloads, and Unknown at once when the
 * cluster cannot be asked; {@code replacedBy} on a deploy a newer one replaced.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeploymentHealthApiTest {

	private static final String WEB_DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: %s}
			spec:
			  replicas: 2
			  selector: {matchLabels: {app: %1$s}}
			  template:
			    metadata: {labels: {app: %1$s}}
			    spec:
			      containers:
			      - {name: web, image: "${IMAGE}"}
			""";

	private static final String ONCE_JOB = """
			apiVersion: batch/v1
			kind: Job
			metadata: {name: %s}
			spec:
			  template:
			    spec:
			      restartPolicy: Never
			      containers:
			      - {name: once, image: "${IMAGE}"}
			""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterService clusters;

	private FakeKubernetes fake;

	private long clusterId;

	@BeforeEach
	void startCluster() {
		this.fake = FakeKubernetes.start(DeployTests.CLUSTER_TOKEN);
		this.fake.createNamespace("team-a", Map.of());
		this.clusterId = DeployTests.addCluster(this.clusters, this.fake);
	}

	@AfterEach
	void stopCluster() {
		this.fake.close();
	}

	@Test
	void aPodThatCannotPullItsImageIsDegradedInItsRecordAndInTheHistory() throws InterruptedException {
		long id = deployed(SHARED_MEMORY_POD.formatted(unique("pull"), "${IMAGE}"), FakeKubernetes.MISSING_IMAGE_HOST + "/nothing:1");

		JsonNode health = waitForHealth(id, (each) -> !each.get("status").asString().equals("Progressing"));

		assertThat(health.get("status").asString()).isEqualTo("Degraded");
		assertThat(health.get("reason").asString()).isEqualTo("ImagePullBackOff");
		assertThat(health.get("message").asString()).contains("Container producer of pod", "Back-off pulling image");
		JsonNode listed = historyItem(id);
		assertThat(listed.at("/health/status").asString()).isEqualTo("Degraded");
		assertThat(listed.at("/health/reason").asString()).isEqualTo("ImagePullBackOff");
		assertThat(listed.get("status").asString()).as("the record's own status stays").isEqualTo("Applied");
	}

	@Test
	void aRunningPodIsHealthyAndTheDeployANewerOneReplacedSaysWhichDid() throws InterruptedException {
		long first = deployed(SHARED_MEMORY_POD.formatted(unique("web"), "${IMAGE}"), "busybox:1.36");
		assertThat(waitForHealth(first, (health) -> health.get("status").asString().equals("Healthy"))).isNotNull();

		MvcTestResult again = DeployTests.send(this.mvc, HttpMethod.POST, "/api/v1/deployments/" + first + "/redeploy",
				"{}", "application/json", io.podcomposer.TestAdmin.BEARER);
		assertThat(again).hasStatus(HttpStatus.CREATED);
		long second = json(again).get("id").asLong();

		JsonNode older = json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + first));
		assertThat(older.get("replacedBy").asLong()).isEqualTo(second);
		assertThat(older.at("/health/status").asString()).isEqualTo("Healthy");
		assertThat(json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + second)).get("replacedBy").isNull())
			.isTrue();
		assertThat(historyItem(first).get("replacedBy").asLong()).isEqualTo(second);
		assertThat(historyItem(second).get("replacedBy").isNull()).isTrue();
	}

	@Test
	void deletedThroughThePortalIsDeletedAndDeletedOutsideItIsMissing() {
		long portal = deployed(SHARED_MEMORY_POD.formatted(unique("gone"), "${IMAGE}"), "busybox:1.36");
		assertThat(call(this.mvc, HttpMethod.DELETE, "/api/v1/deployments/" + portal)).hasStatus(HttpStatus.OK);

		JsonNode deleted = json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + portal)).get("health");
		assertThat(deleted.get("status").asString()).isEqualTo("Deleted");
		assertThat(deleted.get("message").asString()).startsWith("Deleted through the portal by ");
		assertThat(historyItem(portal).at("/health/status").asString()).isEqualTo("Deleted");

		String name = unique("outside");
		long outside = deployed(SHARED_MEMORY_POD.formatted(name, "${IMAGE}"), "busybox:1.36");
		assertThat(this.clusters.calls(this.clusterId).delete(WorkloadKind.POD, "team-a", name)).isTrue();

		JsonNode missing = historyItem(outside).get("health");
		assertThat(missing.get("status").asString()).isEqualTo("Missing");
		assertThat(missing.get("reason").asString()).isEqualTo("NotInCluster");
		assertThat(json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + outside)).at("/health/status").asString())
			.isEqualTo("Missing");
	}

	@Test
	void aDeploymentWhosePodsCannotPullIsDegradedAndAJobThatRanIsHealthy() throws InterruptedException {
		long web = deployed(WEB_DEPLOYMENT.formatted(unique("web")), FakeKubernetes.MISSING_IMAGE_HOST + "/web:2");
		long job = deployed(ONCE_JOB.formatted(unique("once")), "busybox:1.36");

		JsonNode stuck = waitForHealth(web, (health) -> health.get("status").asString().equals("Degraded"));
		assertThat(stuck.get("reason").asString()).isEqualTo("ImagePullBackOff");
		JsonNode ran = waitForHealth(job, (health) -> health.get("status").asString().equals("Healthy"));
		assertThat(ran.get("reason").asString()).isEqualTo("Complete");
		assertThat(historyItem(web).at("/health/reason").asString()).isEqualTo("ImagePullBackOff");
	}

	@Test
	void aClusterThatIsDownIsUnknownAtOnceNeverAFailure() {
		long id = deployed(SHARED_MEMORY_POD.formatted(unique("down"), "${IMAGE}"), "busybox:1.36");
		this.fake.goDown();

		long started = System.nanoTime();
		MvcTestResult history = call(this.mvc, HttpMethod.GET, "/api/v1/deployments?clusterId=" + this.clusterId);
		MvcTestResult detail = call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + id);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(history).hasStatus(HttpStatus.OK);
		assertThat(json(history).at("/items/0/health/status").asString()).isEqualTo("Unknown");
		assertThat(json(history).at("/items/0/health/reason").asString()).isEqualTo("ClusterUnreachable");
		assertThat(detail).hasStatus(HttpStatus.OK);
		assertThat(json(detail).at("/health/status").asString()).isEqualTo("Unknown");
	}

	@Test
	void aClusterThatDoesNotAnswerHoldsTheHistoryBackAtMostThreeSeconds() {
		deployed(SHARED_MEMORY_POD.formatted(unique("slow"), "${IMAGE}"), "busybox:1.36");
		this.fake.beSlow(Duration.ofSeconds(8));

		long started = System.nanoTime();
		MvcTestResult history = call(this.mvc, HttpMethod.GET, "/api/v1/deployments?clusterId=" + this.clusterId);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(took).isBetween(HealthReader.WAIT, HealthReader.WAIT.plusSeconds(1));
		assertThat(history).hasStatus(HttpStatus.OK);
		assertThat(json(history).at("/items/0/health/status").asString()).isEqualTo("Unknown");
		assertThat(json(history).at("/items/0/health/message").asString()).endsWith("did not answer within 3 s.");
	}

	/** Deploys the manifest as a new template with this IMAGE; answers the record's id. */
	private long deployed(String manifest, String image) {
		ObjectNode body = deployBody(DeployTests.template(this.mvc, manifest), this.clusterId, "team-a");
		body.withObject("/values").put("IMAGE", image);
		MvcTestResult deployed = deploy(this.mvc, body);
		assertThat(deployed).hasStatus(HttpStatus.CREATED);
		return json(deployed).get("id").asLong();
	}

	private JsonNode historyItem(long id) {
		for (JsonNode item : json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments?clusterId=" + this.clusterId)).get("items")) {
			if (item.get("id").asLong() == id) {
				return item;
			}
		}
		throw new AssertionError("deployment " + id + " is not in the history");
	}

	/** The record's health once it meets the condition, read again and again for up to 10 s. */
	private JsonNode waitForHealth(long id, Predicate<JsonNode> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		JsonNode health;
		do {
			health = json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + id)).get("health");
			if (condition.test(health)) {
				return health;
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("the health never got there: " + health);
	}

}
