package io.podcomposer.deploy;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static io.podcomposer.deploy.DeployTests.SHARED_MEMORY_POD;
import static io.podcomposer.deploy.DeployTests.call;
import static io.podcomposer.deploy.DeployTests.deploy;
import static io.podcomposer.deploy.DeployTests.deployBody;
import static io.podcomposer.deploy.DeployTests.json;
import static io.podcomposer.deploy.DeployTests.text;
import static io.podcomposer.deploy.DeployTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against the fake API server with its controller, events, logs, field managers and RBAC:
 * a workload and its pods, logs, another manager's fields, drift and a denial.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class DeploymentWorkloadTest {

	private static final String WEB_DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: %s}
			spec:
			  replicas: 3
			  selector: {matchLabels: {app: %1$s}}
			  template:
			    metadata: {labels: {app: %1$s}}
			    spec:
			      containers:
			      - name: web
			        image: ${IMAGE}
			        securityContext:
			          capabilities: {add: [%s]}
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
		this.fake.createNamespace("guarded", Map.of(NamespaceFit.ENFORCE_LABEL, "baseline"));
		this.clusterId = DeployTests.addCluster(this.clusters, this.fake);
	}

	@AfterEach
	void stopCluster() {
		this.fake.close();
	}

	@Test
	void aDeploymentShowsItsReplicasItsPodsAndTheirEvents() throws InterruptedException {
		String name = unique("web");
		long id = applied(WEB_DEPLOYMENT.formatted(name, "NET_BIND_SERVICE"), "team-a");

		JsonNode live = waitFor(id, (state) -> state.at("/replicas/ready").asInt() == 3);

		assertThat(live.at("/replicas/desired").asInt()).isEqualTo(3);
		assertThat(live.get("pods")).hasSize(3);
		assertThat(live.get("pods").valueStream().map((pod) -> pod.get("name").asString()))
			.allMatch((pod) -> pod.startsWith(name + "-"));
		assertThat(live.get("pods").valueStream().map((pod) -> pod.get("phase").asString())).containsOnly("Running");
		assertThat(live.get("events").valueStream().map((event) -> event.get("reason").asString()))
			.contains("ScalingReplicaSet", "SuccessfulCreate", "Scheduled", "Started");
		assertThat(live.get("conditions").valueStream().map((condition) -> condition.get("type").asString()))
			.contains("Available");
	}

	@Test
	void aWorkloadInABaselineNamespaceIsAdmittedButItsPodsAreNotAndTheLiveStateSaysWhy() throws InterruptedException {
		String name = unique("locked");
		long templateId = DeployTests.template(this.mvc, WEB_DEPLOYMENT.formatted(name, "IPC_LOCK"));
		JsonNode record = json(deploy(this.mvc, deployBody(templateId, this.clusterId, "guarded")));

		assertThat(record.get("status").asString()).isEqualTo("Applied");
		assertThat(record.get("warnings").get(0).asString())
			.startsWith("Namespace guarded enforces Pod Security baseline and this pod is privileged: "
					+ "the cluster will refuse to create its pods. To pass, change capabilities_baseline: ");
		JsonNode live = waitFor(record.get("id").asLong(),
				(state) -> state.get("events")
					.valueStream()
					.anyMatch((event) -> event.get("reason").asString().equals("FailedCreate")));
		assertThat(live.get("events")
			.valueStream()
			.filter((event) -> event.get("reason").asString().equals("FailedCreate"))
			.findFirst()
			.orElseThrow()
			.get("message")
			.asString()).contains("violates PodSecurity \"baseline:latest\"", "IPC_LOCK");
		assertThat(live.get("pods")).isEmpty();
	}

	@Test
	void logsAreTheLastLinesOfOneContainer() throws InterruptedException {
		String pod = unique("logs");
		long id = applied(SHARED_MEMORY_POD.formatted(pod, "${IMAGE}"), "team-a");
		waitFor(id, (state) -> "Running".equals(state.path("phase").asString("")));

		MvcTestResult consumer = call(this.mvc, HttpMethod.GET,
				"/api/v1/deployments/" + id + "/logs?container=consumer&tailLines=2");

		assertThat(consumer).hasStatusOk();
		assertThat(consumer.getResponse().getContentType()).startsWith(MediaType.TEXT_PLAIN_VALUE);
		assertThat(text(consumer).lines()).hasSize(2);
		assertThat(text(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + id + "/logs?container=producer")))
			.contains("producer");
		MvcTestResult unnamed = call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + id + "/logs");
		assertThat(unnamed).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json(unnamed).get("detail").asString())
			.contains("a container name must be specified for pod " + pod + ", choose one of: [producer consumer]");
		assertThat(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + id + "/logs?pod=someone-else"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aFieldAnotherManagerOwnsIsAConflictUntilTakenOverAndShowsAsDrift() {
		String pod = unique("owned");
		long id = applied(SHARED_MEMORY_POD.formatted(pod, "${IMAGE}"), "team-a");
		this.fake.applyAs("kubectl", "team-a", """
				apiVersion: v1
				kind: Pod
				metadata: {name: %s}
				spec:
				  containers:
				  - {name: producer, image: "busybox:1.37"}
				""".formatted(pod), true);

		JsonNode drift = json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + id + "/drift"));
		assertThat(drift.get("inCluster").asBoolean()).isTrue();
		assertThat(drift.get("diff").asString()).contains("-    image: busybox:1.36", "+    image: busybox:1.37");
		assertThat(drift.get("otherManagers").get(0).asString()).startsWith("kubectl (Apply, ");

		MvcTestResult refused = call(this.mvc, HttpMethod.POST, "/api/v1/deployments/" + id + "/redeploy");
		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		JsonNode problem = json(refused);
		assertThat(problem.get("detail").asString())
			.contains("Apply failed with 1 conflict: conflict with \"kubectl\"");
		assertThat(problem.get("conflicts").get(0).get("manager").asString()).isEqualTo("kubectl");
		assertThat(problem.get("conflicts").get(0).get("field").asString())
			.isEqualTo(".spec.containers[name=\"producer\"].image");
		assertThat(problem.at("/deployment/status").asString()).isEqualTo("Failed");

		MvcTestResult takenOver = DeployTests.send(this.mvc, HttpMethod.POST, "/api/v1/deployments/" + id + "/redeploy",
				"{\"force\": true}", MediaType.APPLICATION_JSON_VALUE, io.podcomposer.TestAdmin.BEARER);
		assertThat(takenOver).hasStatus(HttpStatus.CREATED);
		assertThat(json(takenOver).get("message").asString()).contains("taking over fields of other managers");
		assertThat(this.fake.pod("team-a", pod).orElseThrow().at("/spec/containers/0/image").asString())
			.isEqualTo("busybox:1.36");
		assertThat(json(
				call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + json(takenOver).get("id").asLong() + "/drift"))
			.get("diff")
			.asString()).isEmpty();
	}

	@Test
	void anRbacDenialNamesTheVerbAndResource() {
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(unique("denied"), "${IMAGE}"));
		this.fake.deny("patch", "pods");

		MvcTestResult denied = deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"));

		assertThat(denied).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json(denied).get("detail").asString()).startsWith("The cluster denied the request (403 Forbidden): ")
			.contains("cannot patch resource \"pods\" in API group \"\" in the namespace \"team-a\"");
		assertThat(json(denied).at("/deployment/status").asString()).isEqualTo("Failed");
	}

	@Test
	void deletingAWorkloadRemovesItsPods() throws InterruptedException {
		String name = unique("bye");
		long id = applied(WEB_DEPLOYMENT.formatted(name, "NET_BIND_SERVICE"), "team-a");
		waitFor(id, (state) -> state.get("pods").size() == 3);

		assertThat(call(this.mvc, HttpMethod.DELETE, "/api/v1/deployments/" + id)).hasStatusOk();

		assertThat(this.fake.object("apps/v1", "Deployment", "team-a", name)).isEmpty();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.fake.podsOwnedBy("Deployment", "team-a", name)).isEmpty());
		assertThat(this.fake.requests().stream().filter((request) -> request.method().equals("DELETE"))).singleElement()
			.satisfies((request) -> assertThat(request.path())
				.isEqualTo("/apis/apps/v1/namespaces/team-a/deployments/" + name));
	}

	private long applied(String manifest, String namespace) {
		MvcTestResult deployed = deploy(this.mvc,
				deployBody(DeployTests.template(this.mvc, manifest), this.clusterId, namespace));
		assertThat(deployed).hasStatus(HttpStatus.CREATED);
		return json(deployed).get("id").asLong();
	}

	private JsonNode waitFor(long id, Predicate<JsonNode> condition) throws InterruptedException {
		return DeployTests.waitForLive(this.mvc, id, condition);
	}

}
