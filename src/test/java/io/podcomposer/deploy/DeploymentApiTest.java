package io.podcomposer.deploy;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubernetes;
import io.podcomposer.kube.FakeKubernetes.RecordedRequest;
import io.podcomposer.system.Prometheus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * {@code /api/v1/deployments} against the fake API server: the deploy sequence on the
 * wire, the records, the live state, delete and redeploy, and each way a deploy fails.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class DeploymentApiTest {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterService clusters;

	@Autowired
	private JdbcTemplate jdbc;

	private FakeKubernetes fake;

	private long clusterId;

	@BeforeEach
	void startCluster() {
		this.fake = FakeKubernetes.start(DeployTests.CLUSTER_TOKEN);
		this.fake.createNamespace("team-a", Map.of());
		this.fake.createNamespace("restricted-team", Map.of("pod-security.kubernetes.io/enforce", "baseline"));
		this.clusterId = DeployTests.addCluster(this.clusters, this.fake);
	}

	@AfterEach
	void stopCluster() {
		this.fake.close();
	}

	@Test
	void aDeployDryRunsThenAppliesByServerSideApplyAndIsRecorded() {
		String pod = unique("shm");
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(pod, "${IMAGE}"));

		MvcTestResult deployed = deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"));

		assertThat(deployed).hasStatus(HttpStatus.CREATED);
		JsonNode record = json(deployed);
		long id = record.get("id").asLong();
		assertThat(deployed).hasHeader(HttpHeaders.LOCATION, "/api/v1/deployments/" + id);
		assertThat(record.get("status").asString()).isEqualTo("Applied");
		assertThat(record.get("message").asString()).isEqualTo("Pod " + pod + " created.");
		assertThat(record.get("kind").asString()).isEqualTo("Pod");
		assertThat(record.get("name").asString()).isEqualTo(pod);
		assertThat(record.get("namespace").asString()).isEqualTo("team-a");
		assertThat(record.get("clusterId").asLong()).isEqualTo(this.clusterId);
		assertThat(record.get("templateId").asLong()).isEqualTo(templateId);
		assertThat(record.get("revision").asInt()).isEqualTo(1);
		assertThat(record.get("createdBy").asString()).isEqualTo(TestAdmin.NAME);
		assertThat(record.get("values").isEmpty()).isTrue();

		// on the wire: the namespace and the live object read, a dry run, then the apply
		List<RecordedRequest> patches = this.fake.requests()
			.stream()
			.filter((request) -> request.method().equals("PATCH"))
			.toList();
		assertThat(patches).hasSize(2);
		for (RecordedRequest patch : patches) {
			assertThat(patch.path()).isEqualTo("/api/v1/namespaces/team-a/pods/" + pod);
			assertThat(patch.contentType()).startsWith("application/apply-patch+yaml");
			assertThat(patch.query()).containsEntry("fieldManager", "pod-composer").containsEntry("force", "false");
		}
		assertThat(patches.get(0).query()).containsEntry("dryRun", "All");
		assertThat(patches.get(1).query()).doesNotContainKey("dryRun");
		assertThat(calls(0, "team-a")).hasSize(4);
		assertThat(calls(0, "team-a").subList(0, 2)).as("read at once")
			.containsExactlyInAnyOrder("GET /api/v1/namespaces/team-a", "GET /api/v1/namespaces/team-a/pods/" + pod);
		assertThat(calls(0, "team-a").subList(2, 4)).containsOnly("PATCH /api/v1/namespaces/team-a/pods/" + pod);
		JsonNode stored = this.fake.pod("team-a", pod).orElseThrow();
		assertThat(stored.at("/spec/containers/0/image").asString()).isEqualTo("busybox:1.36");
		assertThat(stored.at("/spec/containers/1/securityContext/capabilities/add/0").asString()).isEqualTo("IPC_LOCK");

		assertThat(this.jdbc.queryForList("select action from audit_entry where target = ?", String.class,
				"Pod/" + pod + " in " + record.get("clusterName").asString() + "/team-a"))
			.containsExactly("DEPLOY");
	}

	@Test
	void theLiveStateShowsThePodRunningWithItsIpAndContainers() throws InterruptedException {
		String pod = unique("live");
		long id = json(deploy(this.mvc,
				deployBody(DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(pod, "${IMAGE}")), this.clusterId,
						"team-a")))
			.get("id")
			.asLong();

		JsonNode live = waitForPhase(id, "Running");

		assertThat(live.get("exists").asBoolean()).isTrue();
		assertThat(live.get("podIP").asString()).startsWith("10.244.0.");
		assertThat(live.get("node").asString()).isEqualTo("fake-node-1");
		assertThat(live.get("containers").valueStream().map((container) -> container.get("name").asString()))
			.containsExactly("producer", "consumer");
		assertThat(live.get("containers").valueStream().map((container) -> container.get("state").asString()))
			.containsOnly("running");
		assertThat(live.get("conditions").valueStream().map((condition) -> condition.get("type").asString()))
			.contains("Ready");
	}

	@Test
	void aMissingImageShowsAsImagePullBackOff() throws InterruptedException {
		String pod = unique("pull");
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(pod, "${IMAGE}"));
		ObjectNode body = deployBody(templateId, this.clusterId, "team-a");
		body.withObject("/values").put("IMAGE", FakeKubernetes.MISSING_IMAGE_HOST + "/nothing:1");
		long id = json(deploy(this.mvc, body)).get("id").asLong();

		JsonNode producer = waitFor(id,
				(live) -> live.at("/containers/0/reason").asString("").equals("ImagePullBackOff"))
			.at("/containers/0");

		assertThat(producer.get("state").asString()).isEqualTo("waiting");
		assertThat(producer.get("ready").asBoolean()).isFalse();
		assertThat(json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + id)).at("/values/IMAGE").asString())
			.isEqualTo(FakeKubernetes.MISSING_IMAGE_HOST + "/nothing:1");
	}

	@Test
	void aDryRunStoresNothingAndIsNoDeployment() {
		String pod = unique("dry");
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(pod, "${IMAGE}"));
		ObjectNode body = deployBody(templateId, this.clusterId, "team-a");
		body.put("dryRun", true);

		MvcTestResult dryRun = deploy(this.mvc, body);

		assertThat(dryRun).hasStatus(HttpStatus.OK);
		assertThat(dryRun.getResponse().getHeader("Location")).isNull();
		JsonNode result = json(dryRun);
		assertThat(result.get("status").asString()).isEqualTo("DryRunPassed");
		assertThat(result.get("dryRun").asBoolean()).isTrue();
		assertThat(result.has("id")).isFalse();
		assertThat(result.get("message").asString()).contains("would be created");
		assertThat(result.get("namespace").asString()).isEqualTo("team-a");
		assertThat(this.fake.pod("team-a", pod)).isEmpty();
		assertThat(this.fake.requests().stream().filter((request) -> request.method().equals("PATCH"))).singleElement()
			.satisfies((request) -> assertThat(request.query()).containsEntry("dryRun", "All"));

		// refused, it is no Failed deployment either
		MvcTestResult refused = deploy(this.mvc,
				deployBody(templateId, this.clusterId, "restricted-team").put("dryRun", true));
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json(refused).get("dryRun").asBoolean()).isTrue();
		assertThat(json(refused).has("deployment")).isFalse();
		assertThat(json(refused).at("/podSecurity/failingChecks/0/check").asString())
			.isEqualTo("capabilities_baseline");
		assertThat(json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments?templateId=" + templateId)).get("items")
			.isEmpty()).as("no dry run is in the history").isTrue();
	}

	@Test
	void deployingAgainIsUnchangedOrShowsTheDiffOfWhatChanged() throws InterruptedException {
		String pod = unique("again");
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(pod, "${IMAGE}"));
		long first = json(deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"))).get("id").asLong();

		JsonNode same = json(call(this.mvc, HttpMethod.POST, "/api/v1/deployments/" + first + "/redeploy"));
		assertThat(same.get("status").asString()).isEqualTo("Applied");
		assertThat(same.get("message").asString()).isEqualTo("Pod " + pod + " unchanged.");
		assertThat(same.get("diff").asString()).isEmpty();

		ObjectNode changed = deployBody(templateId, this.clusterId, "team-a");
		changed.withObject("/values").put("IMAGE", "busybox:1.37");
		// the fake's scheduler and kubelet write the pod once after it is created: done,
		// nobody else writes
		waitForPhase(first, "Running");
		int seen = this.fake.requests().size();
		JsonNode configured = json(deploy(this.mvc, changed));
		// the dry run started from the object read (same resourceVersion): no second read
		assertThat(calls(seen, "team-a")).containsExactlyInAnyOrder("GET /api/v1/namespaces/team-a",
				"GET /api/v1/namespaces/team-a/pods/" + pod, "PATCH /api/v1/namespaces/team-a/pods/" + pod,
				"PATCH /api/v1/namespaces/team-a/pods/" + pod);
		assertThat(configured.get("message").asString()).isEqualTo("Pod " + pod + " configured.");
		assertThat(configured.get("diff").asString()).contains("-    image: busybox:1.36", "+    image: busybox:1.37");
		assertThat(this.fake.pod("team-a", pod).orElseThrow().at("/spec/containers/0/image").asString())
			.isEqualTo("busybox:1.37");
	}

	@Test
	void aChangeByAnotherWriterBetweenTheReadAndTheDryRunIsNotThisDeploysChange() throws InterruptedException {
		String pod = unique("busy");
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(pod, "${IMAGE}"));
		long first = json(deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"))).get("id").asLong();
		waitForPhase(first, "Running");
		// as the scheduler binding a new pod, or a controller labelling it, right after
		// the portal read it
		this.fake.afterAnswering("GET", "/api/v1/namespaces/team-a/pods/" + pod,
				() -> this.fake.applyAs("labeller", "team-a",
						"{apiVersion: v1, kind: Pod, metadata: {name: %s, labels: {seen: 'yes'}}}".formatted(pod),
						false));

		JsonNode again = json(call(this.mvc, HttpMethod.POST, "/api/v1/deployments/" + first + "/redeploy"));

		assertThat(again.get("message").asString()).isEqualTo("Pod " + pod + " unchanged.");
		assertThat(again.get("diff").asString()).isEmpty();
		assertThat(this.fake.pod("team-a", pod).orElseThrow().at("/metadata/labels/seen").asString()).isEqualTo("yes");
		// the dry run answered another resourceVersion than the one read: read again,
		// dry-run again
		assertThat(this.fake.requests()
			.stream()
			.filter((request) -> request.path().equals("/api/v1/namespaces/team-a/pods/" + pod))
			.map((request) -> request.method() + (request.query().containsKey("dryRun") ? " dry run" : "")))
			.endsWith("GET", "PATCH dry run", "GET", "PATCH dry run", "PATCH");
	}

	@Test
	void deleteRemovesThePodAndKeepsTheRecordMarkedDeleted() {
		String pod = unique("gone");
		long id = json(deploy(this.mvc,
				deployBody(DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(pod, "${IMAGE}")), this.clusterId,
						"team-a")))
			.get("id")
			.asLong();

		MvcTestResult deleted = call(this.mvc, HttpMethod.DELETE, "/api/v1/deployments/" + id);

		assertThat(deleted).hasStatusOk();
		assertThat(json(deleted).get("status").asString()).isEqualTo("Deleted");
		assertThat(json(deleted).get("deletedBy").asString()).isEqualTo(TestAdmin.NAME);
		assertThat(this.fake.pod("team-a", pod)).isEmpty();
		JsonNode read = json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + id));
		assertThat(read.get("status").asString()).isEqualTo("Deleted");
		assertThat(read.at("/live/exists").asBoolean()).isFalse();
		assertThat(read.at("/live/message").asString()).startsWith("Deleted from the cluster by " + TestAdmin.NAME);
		MvcTestResult again = call(this.mvc, HttpMethod.DELETE, "/api/v1/deployments/" + id);
		assertThat(again).hasStatus(HttpStatus.CONFLICT);
		assertThat(json(again).get("detail").asString()).contains("this one is Deleted");
	}

	@Test
	void aBaselineNamespaceRefusesIpcLockInTheAdmissionControllersWords() {
		String pod = unique("refused");
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(pod, "${IMAGE}"));

		MvcTestResult refused = deploy(this.mvc, deployBody(templateId, this.clusterId, "restricted-team"));

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		JsonNode problem = json(refused);
		assertThat(problem.get("detail").asString())
			.contains("pods \"" + pod + "\" is forbidden: violates PodSecurity \"baseline:latest\"")
			.contains("IPC_LOCK");
		JsonNode record = problem.get("deployment");
		assertThat(record.get("status").asString()).isEqualTo("Failed");
		assertThat(record.get("message").asString()).isEqualTo(problem.get("detail").asString());
		assertThat(record.get("warnings").get(0).asString()).isEqualTo(
				"Namespace restricted-team enforces Pod Security baseline and this pod is privileged: the cluster "
						+ "will refuse it. To pass, change capabilities_baseline: non-default capabilities (container "
						+ "\"consumer\" must not include \"IPC_LOCK\" in securityContext.capabilities.add).");
		assertThat(problem.at("/podSecurity/enforced").asString()).isEqualTo("baseline");
		assertThat(problem.at("/podSecurity/podLevel").asString()).isEqualTo("privileged");
		assertThat(problem.at("/podSecurity/failingChecks").valueStream().map((check) -> check.get("check").asString()))
			.containsExactly("capabilities_baseline");
		assertThat(this.fake.pod("restricted-team", pod)).isEmpty();
		// the dry run was refused: no apply followed
		assertThat(this.fake.requests().stream().filter((request) -> request.method().equals("PATCH"))).singleElement()
			.satisfies((request) -> assertThat(request.query()).containsEntry("dryRun", "All"));
		assertThat(
				json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments/" + record.get("id").asLong())).get("status")
					.asString())
			.isEqualTo("Failed");
	}

	@Test
	void aMissingNamespaceIsAFailedRecordInTheClustersWords() {
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(unique("nowhere"), "${IMAGE}"));

		MvcTestResult refused = deploy(this.mvc, deployBody(templateId, this.clusterId, "no-such-team"));

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json(refused).get("detail").asString())
			.endsWith("has no namespace no-such-team: namespaces \"no-such-team\" not found");
		assertThat(json(refused).at("/deployment/status").asString()).isEqualTo("Failed");
	}

	@Test
	void validationErrorsBlockTheDeployBeforeTheClusterIsCalled() {
		long templateId = DeployTests.template(this.mvc, """
				apiVersion: v1
				kind: Pod
				metadata: {name: two-of-a-kind}
				spec:
				  containers:
				  - {name: app, image: nginx}
				  - {name: app, image: nginx}
				""");

		MvcTestResult blocked = deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"));

		assertThat(blocked).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json(blocked).get("title").asString()).isEqualTo("Blocked by validation");
		assertThat(json(blocked).get("detail").asString()).startsWith(
				"Not sent to the cluster: 1 validation error: " + "spec.containers[1].name: Duplicate value: \"app\"");
		assertThat(json(blocked).at("/deployment/status").asString()).isEqualTo("Failed");
		assertThat(this.fake.requests()).isEmpty();
	}

	@Test
	void badInputIsRefusedWithoutARecord() {
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(unique("bad"), "${IMAGE}"));
		long before = this.jdbc.queryForObject("select count(*) from deployment_record", Long.class);

		assertProblem(deploy(this.mvc, deployBody(templateId, this.clusterId, "Not_A_Namespace")),
				HttpStatus.UNPROCESSABLE_CONTENT, "namespace must be a DNS label");
		assertProblem(deploy(this.mvc, deployBody(templateId, Long.MAX_VALUE, "team-a")),
				HttpStatus.UNPROCESSABLE_CONTENT, "There is no cluster");
		assertProblem(deploy(this.mvc, deployBody(Long.MAX_VALUE, this.clusterId, "team-a")), HttpStatus.NOT_FOUND,
				"no template");
		assertProblem(deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a").put("kind", "Service")),
				HttpStatus.UNPROCESSABLE_CONTENT, "kind must be one of");
		assertProblem(deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a").put("revision", 9)),
				HttpStatus.NOT_FOUND, "has no revision 9");
		assertProblem(DeployTests.send(this.mvc, HttpMethod.POST, "/api/v1/deployments", "{\"templateId\": ",
				"application/json", TestAdmin.BEARER), HttpStatus.BAD_REQUEST, null);

		assertThat(this.jdbc.queryForObject("select count(*) from deployment_record", Long.class)).isEqualTo(before);
		assertThat(this.fake.requests()).isEmpty();
	}

	@Test
	void anUnreachableClusterIsA502WithAFailedRecord() {
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(unique("down"), "${IMAGE}"));
		this.fake.goDown();

		MvcTestResult failed = deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"));

		assertThat(failed).hasStatus(HttpStatus.BAD_GATEWAY);
		assertThat(json(failed).get("detail").asString()).contains("is unreachable");
		assertThat(json(failed).at("/deployment/status").asString()).isEqualTo("Failed");
	}

	@Test
	void aFailingClusterIsA502QuotingIt() {
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(unique("broken"), "${IMAGE}"));
		this.fake.failWith500(true);

		MvcTestResult failed = deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"));

		assertThat(failed).hasStatus(HttpStatus.BAD_GATEWAY);
		assertThat(json(failed).get("detail").asString())
			.isEqualTo("The cluster failed with 500: Internal error occurred: etcdserver: request timed out");
		assertThat(json(failed).at("/deployment/status").asString()).isEqualTo("Failed");
	}

	@Test
	void rejectedCredentialsAreA502SayingSo() {
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(unique("creds"), "${IMAGE}"));
		long wrongToken = this.clusters
			.add(unique("wrong"), io.podcomposer.kube.FakeKubeconfig.of(this.fake, "not-the-token"), null)
			.id();

		MvcTestResult failed = deploy(this.mvc, deployBody(templateId, wrongToken, "team-a"));

		assertThat(failed).hasStatus(HttpStatus.BAD_GATEWAY);
		assertThat(json(failed).get("detail").asString())
			.isEqualTo("The cluster refused our credentials (401 Unauthorized): Unauthorized");
	}

	@Test
	void theHistoryIsNewestFirstAndFilters() {
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(unique("hist"), "${IMAGE}"));
		long first = json(deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"))).get("id").asLong();
		long second = json(deploy(this.mvc, deployBody(templateId, this.clusterId, "no-such-team")))
			.at("/deployment/id")
			.asLong();

		JsonNode byTemplate = json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments?templateId=" + templateId));
		assertThat(byTemplate.get("items").valueStream().map((item) -> item.get("id").asLong())).containsExactly(second,
				first);
		assertThat(byTemplate.get("total").asLong()).isEqualTo(2);
		JsonNode byCluster = json(call(this.mvc, HttpMethod.GET, "/api/v1/deployments?clusterId=" + this.clusterId));
		assertThat(byCluster.get("items").valueStream().map((item) -> item.get("id").asLong())).containsExactly(second,
				first);
		JsonNode elsewhere = json(call(this.mvc, HttpMethod.GET,
				"/api/v1/deployments?templateId=" + templateId + "&clusterId=" + Long.MAX_VALUE));
		assertThat(elsewhere.get("items").isEmpty()).isTrue();
	}

	@Test
	void eachDeployIsTimedAndCountedByHowItEnded() {
		String before = Prometheus.scrape(this.mvc);
		assertThat(before).as("every result from the start")
			.contains("podcomposer_deploys_total{result=\"Applied\"}",
					"podcomposer_deploys_total{result=\"DryRunPassed\"}",
					"podcomposer_deploys_total{result=\"Failed\"}");
		long templateId = DeployTests.template(this.mvc, SHARED_MEMORY_POD.formatted(unique("counted"), "${IMAGE}"));
		ObjectNode dryRun = deployBody(templateId, this.clusterId, "team-a").put("dryRun", true);

		assertThat(deploy(this.mvc, deployBody(templateId, this.clusterId, "no-such-namespace")))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(deploy(this.mvc, dryRun)).hasStatus(HttpStatus.OK);
		assertThat(deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"))).hasStatus(HttpStatus.CREATED);

		String after = Prometheus.scrape(this.mvc);
		for (String result : List.of("Applied", "DryRunPassed", "Failed")) {
			String sample = "podcomposer_deploys_total{result=\"" + result + "\"}";
			assertThat(Prometheus.value(after, sample)).as(sample).isEqualTo(Prometheus.value(before, sample) + 1);
		}
		assertThat(Prometheus.value(after, "podcomposer_deploy_seconds_count"))
			.isEqualTo(Prometheus.value(before, "podcomposer_deploy_seconds_count") + 3);
		// each deploy validates before it goes to the cluster
		assertThat(Prometheus.value(after, "podcomposer_validate_seconds_count"))
			.isGreaterThanOrEqualTo(Prometheus.value(before, "podcomposer_validate_seconds_count") + 3);
	}

	/**
	 * The calls about {@code namespace} and what is in it since the {@code from}th
	 * request, as "METHOD path".
	 */
	private List<String> calls(int from, String namespace) {
		List<RecordedRequest> all = this.fake.requests();
		return all.subList(from, all.size())
			.stream()
			.map((request) -> request.method() + " " + request.path())
			.filter((call) -> call.endsWith("/namespaces/" + namespace)
					|| call.contains("/namespaces/" + namespace + "/"))
			.toList();
	}

	private JsonNode waitForPhase(long id, String phase) throws InterruptedException {
		return waitFor(id, (live) -> phase.equals(live.path("phase").asString("")));
	}

	private JsonNode waitFor(long id, Predicate<JsonNode> condition) throws InterruptedException {
		return DeployTests.waitForLive(this.mvc, id, condition);
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String detail) {
		assertThat(result).hasStatus(status);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		if (detail != null) {
			assertThat(json(result).get("detail").asString()).contains(detail);
		}
	}

}
