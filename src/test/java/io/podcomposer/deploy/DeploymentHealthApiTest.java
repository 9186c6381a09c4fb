package io.podcomposer.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.podcomposer.clusters.ClusterService;
import io.podcomposer.deploy.Health.Status;
import io.podcomposer.deploy.HealthReader.ObjectKey;
import io.podcomposer.kube.FakeKubernetes;
import io.podcomposer.kube.FakeKubernetes.RecordedRequest;
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

import static io.podcomposer.deploy.DeployTests.SHARED_MEMORY_POD;
import static io.podcomposer.deploy.DeployTests.call;
import static io.podcomposer.deploy.DeployTests.json;
import static io.podcomposer.deploy.DeployTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code health} in {@code GET /api/v1/deployments} and {@code /{id}} against the fake
 * API server: derived from the live state, for pods and workloads, and Unknown at once
 * when the cluster cannot be asked; {@code replacedBy} on a deploy a newer one replaced;
 * how many calls the health of a page takes, and that a slow cluster gets no more reads
 * while one has run past the wait.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeploymentHealthApiTest {

	private static final String POD = """
			apiVersion: v1
			kind: Pod
			metadata: {name: %s}
			spec:
			  containers:
			  - {name: app, image: "${IMAGE}"}
			""";

	private static final String UNPULLABLE = FakeKubernetes.MISSING_IMAGE_HOST + "/web:1";

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

	@Autowired
	private HealthReader reader;

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
		long id = deployed(SHARED_MEMORY_POD.formatted(unique("pull"), "${IMAGE}"),
				FakeKubernetes.MISSING_IMAGE_HOST + "/nothing:1");

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
		assertThat(
				json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + outside)).at("/health/status").asString())
			.isEqualTo("Missing");
	}

	@Test
	void aDeploymentWhosePodsCannotPullIsDegradedAndAJobThatRanIsHealthy() throws InterruptedException {
		long web = deployed(DeployTests.WEB_DEPLOYMENT.formatted(unique("web")),
				FakeKubernetes.MISSING_IMAGE_HOST + "/web:2");
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

	@Test
	void thePageReadsEachKindOfEachNamespaceOnceAndThePodsOfAStuckWorkloadOnly() throws InterruptedException {
		long running = deployed(POD.formatted(unique("run")), "busybox:1.36");
		long alsoRunning = deployed(POD.formatted(unique("run")), "busybox:1.36");
		long pullingPod = deployed(POD.formatted(unique("pull")), UNPULLABLE);
		long healthyWeb = deployed(DeployTests.WEB_DEPLOYMENT.formatted(unique("web")), "busybox:1.36");
		String stuck = unique("stuck");
		long stuckWeb = deployed(DeployTests.WEB_DEPLOYMENT.formatted(stuck), UNPULLABLE);
		await().atMost(Duration.ofSeconds(10))
			.until(this::historyHealth, (settled) -> status(settled, running, alsoRunning, healthyWeb).equals("Healthy")
					&& status(settled, pullingPod, stuckWeb).equals("Degraded"));

		int before = this.fake.requests().size();
		Map<Long, JsonNode> health = historyHealth();
		List<RecordedRequest> asked = this.fake.requests().subList(before, this.fake.requests().size());

		assertThat(status(health, running, alsoRunning, healthyWeb)).isEqualTo("Healthy");
		assertThat(health.get(pullingPod).get("reason").asString()).isEqualTo("ImagePullBackOff");
		assertThat(health.get(stuckWeb).get("status").asString()).isEqualTo("Degraded");
		assertThat(health.get(stuckWeb).get("reason").asString()).isEqualTo("ImagePullBackOff");
		assertThat(asked)
			.extracting((request) -> request.method() + " " + request.path() + " "
					+ request.query().getOrDefault("labelSelector", ""))
			.containsExactlyInAnyOrder("GET /api/v1/namespaces/team-a/pods ",
					"GET /apis/apps/v1/namespaces/team-a/deployments ",
					"GET /api/v1/namespaces/team-a/pods app=" + stuck);
	}

	@Test
	void aReadThatEndsLeavesTheMarkOfOneStillUnderWaySoASlowClusterIsNotAskedAgain() throws Exception {
		String heldPath = "/api/v1/namespaces/team-a/pods/held";
		CountDownLatch release = new CountDownLatch(1);
		this.fake.afterAnswering("GET", heldPath, () -> {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			CompletableFuture<Map<ObjectKey, Health>> held = CompletableFuture
				.supplyAsync(() -> this.reader.read(List.of(pod("held"))));
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> this.fake.requests().stream().anyMatch((request) -> request.path().equals(heldPath)));
			assertThat(health(this.reader.read(List.of(pod("quick"))), "quick").status())
				.as("another read of the cluster, started while the first waits, ends")
				.isEqualTo(Status.Missing);
			assertThat(health(held.get(10, TimeUnit.SECONDS), "held").reason()).isEqualTo("ClusterTimedOut");

			// the first read has now run past the wait: the cluster is not asked again
			// while it runs
			int before = this.fake.requests().size();
			Health notAsked = health(this.reader.read(List.of(pod("quick"))), "quick");
			assertThat(notAsked.status()).isEqualTo(Status.Unknown);
			assertThat(notAsked.message()).endsWith("has not answered an earlier read yet.");
			assertThat(this.fake.requests()).hasSize(before);
		}
		finally {
			release.countDown();
		}
		Health after = await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> health(this.reader.read(List.of(pod("quick"))), "quick"),
					(health) -> health.status() != Status.Unknown);
		assertThat(after.status()).as("asked again once the slow read ended").isEqualTo(Status.Missing);
	}

	/** A record of a pod in team-a of the fake, as if applied. */
	private DeploymentRecord pod(String name) {
		return new DeploymentRecord(new DeployTarget(1, "t", 1, this.clusterId, "fake", "team-a"), "{}", "{}", "Pod",
				name, Instant.now(), "tester");
	}

	private static Health health(Map<ObjectKey, Health> read, String name) {
		return read.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().name().equals(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
	}

	/** The one status of these records' health, or "mixed". */
	private static String status(Map<Long, JsonNode> health, long... ids) {
		List<String> statuses = Arrays.stream(ids)
			.mapToObj((id) -> health.get(id).get("status").asString())
			.distinct()
			.toList();
		return (statuses.size() == 1) ? statuses.get(0) : "mixed";
	}

	/** The health of each record in the cluster's history, by id. */
	private Map<Long, JsonNode> historyHealth() {
		Map<Long, JsonNode> health = new HashMap<>();
		for (JsonNode item : json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments?clusterId=" + this.clusterId))
			.get("items")) {
			health.put(item.get("id").asLong(), item.get("health"));
		}
		return health;
	}

	/**
	 * Deploys the manifest as a new template with this IMAGE; answers the record's id.
	 */
	private long deployed(String manifest, String image) {
		return DeployTests.deployed(this.mvc, this.clusterId, manifest, image);
	}

	private JsonNode historyItem(long id) {
		for (JsonNode item : json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments?clusterId=" + this.clusterId))
			.get("items")) {
			if (item.get("id").asLong() == id) {
				return item;
			}
		}
		throw new AssertionError("deployment " + id + " is not in the history");
	}

	/**
	 * The record's health once it meets the condition, read again and again for up to 10
	 * s.
	 */
	private JsonNode waitForHealth(long id, Predicate<JsonNode> condition) {
		return await().alias("the health")
			.atMost(Duration.ofSeconds(10))
			.until(() -> json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + id)).get("health"), condition);
	}

}
