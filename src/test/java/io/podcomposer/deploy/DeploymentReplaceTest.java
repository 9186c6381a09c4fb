package io.podcomposer.deploy;

import java.util.List;
import java.util.Map;

import io.podcomposer.TestAdmin;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static io.podcomposer.deploy.DeployTests.deployBody;
import static io.podcomposer.deploy.DeployTests.json;
import static io.podcomposer.deploy.DeployTests.send;
import static io.podcomposer.deploy.DeployTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A redeploy that changes what the cluster does not change in place: refused before
 * anything is sent, naming the changes, unless {@code replace} asks to delete the object
 * and create it again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeploymentReplaceTest {

	/**
	 * A bare pod; revision 2 adds args and resources, which a Pod cannot take in place.
	 */
	static final String POD = """
			apiVersion: v1
			kind: Pod
			metadata: {name: %s}
			spec:
			  containers:
			  - name: web
			    image: ${IMAGE}
			""";

	static final String POD_WITH_ARGS = POD + """
			    args: [--verbose]
			    resources: {requests: {cpu: 100m, memory: 64Mi}}
			""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterService clusters;

	@Autowired
	private Deployer deployer;

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
	void aPodRedeployedWithNewArgsAndResourcesIsRefusedNamingThemUntilReplaceDeletesAndCreatesIt() {
		String pod = unique("args");
		long templateId = DeployTests.template(this.mvc, POD.formatted(pod));
		JsonNode first = json(DeployTests.deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a")));
		String uid = this.fake.pod("team-a", pod).orElseThrow().at("/metadata/uid").asString();
		newRevision(this.mvc, templateId, POD_WITH_ARGS.formatted(pod));
		int seen = this.fake.requests().size();

		MvcTestResult refused = redeploy(first.get("id").asLong(), "{\"latest\": true}");

		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		JsonNode problem = json(refused);
		assertThat(problem.get("title").asString()).isEqualTo("Needs replacing");
		assertThat(problem.get("immutableChanges").findValuesAsString("field"))
			.containsExactlyInAnyOrder("spec.containers[0].args", "spec.containers[0].resources");
		assertThat(problem.at("/immutableChanges/0/message").asString())
			.startsWith("Forbidden: pod updates may not change fields other than `spec.containers[*].image`");
		assertThat(problem.get("detail").asString()).contains("Send replace: true");
		assertThat(this.fake.requests().subList(seen, this.fake.requests().size())).as("nothing but reads was sent")
			.allMatch((request) -> request.method().equals("GET"));

		seen = this.fake.requests().size();
		MvcTestResult replaced = redeploy(first.get("id").asLong(), "{\"latest\": true, \"replace\": true}");

		assertThat(replaced).hasStatus(HttpStatus.CREATED);
		assertThat(json(replaced).get("message").asString()).isEqualTo("Pod " + pod + " replaced: deleted and created "
				+ "again, because the cluster does not change spec.containers[0].args, spec.containers[0].resources in place.");
		List<String> calls = this.fake.requests()
			.subList(seen, this.fake.requests().size())
			.stream()
			.filter((request) -> request.path().equals("/api/v1/namespaces/team-a/pods/" + pod))
			.map((request) -> request.method() + (request.query().containsKey("dryRun") ? " dry run" : ""))
			.toList();
		assertThat(calls).containsExactly("GET", "DELETE", "GET", "PATCH");
		JsonNode created = this.fake.pod("team-a", pod).orElseThrow();
		assertThat(created.at("/metadata/uid").asString()).isNotEqualTo(uid);
		assertThat(created.at("/spec/containers/0/args/0").asString()).isEqualTo("--verbose");
	}

	/**
	 * A replace cannot be undone once the delete went through: when the cluster then
	 * refuses the create, the answer and the history say that nothing runs under the name
	 * any more.
	 */
	@Test
	void aReplaceWhoseCreateIsRefusedSaysTheObjectIsGone() {
		String pod = unique("gone");
		long templateId = DeployTests.template(this.mvc, POD.formatted(pod));
		JsonNode first = json(DeployTests.deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a")));
		newRevision(this.mvc, templateId, POD_WITH_ARGS.formatted(pod));
		this.fake.afterAnswering("DELETE", "/api/v1/namespaces/team-a/pods/" + pod,
				() -> this.fake.deny("patch", "pods"));

		MvcTestResult failed = redeploy(first.get("id").asLong(), "{\"latest\": true, \"replace\": true}");

		assertThat(failed).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json(failed).at("/deployment/status").asString()).isEqualTo("Failed");
		assertThat(json(failed).get("detail").asString())
			.startsWith("Pod " + pod + " was deleted, but creating it again failed: ")
			.endsWith(
					"Nothing runs under that name now: correct the cause and deploy again, or redeploy an earlier revision.");
		assertThat(this.fake.pod("team-a", pod)).isEmpty();
	}

	@Test
	void aPodsAddedSchedulingGateIsRefusedNamingItWhileARemovedOneApplies() {
		String pod = unique("gated");
		String gated = POD.formatted(pod) + "  schedulingGates: [{name: example.com/quota}]\n";
		long templateId = DeployTests.template(this.mvc, gated);
		JsonNode first = json(DeployTests.deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a")));
		newRevision(this.mvc, templateId,
				gated.replace("{name: example.com/quota}]", "{name: example.com/quota}, {name: example.com/zone}]"));

		MvcTestResult refused = redeploy(first.get("id").asLong(), "{\"latest\": true}");

		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		assertThat(json(refused).get("immutableChanges").findValuesAsString("field"))
			.containsExactly("spec.schedulingGates[1].name");
		assertThat(json(refused).at("/immutableChanges/0/message").asString())
			.isEqualTo("Forbidden: only deletion is allowed, but found new scheduling gate 'example.com/zone'");

		newRevision(this.mvc, templateId, POD.formatted(pod), 2);
		MvcTestResult ungated = redeploy(first.get("id").asLong(), "{\"latest\": true}");

		assertThat(ungated).hasStatus(HttpStatus.CREATED);
		assertThat(this.fake.pod("team-a", pod).orElseThrow().at("/spec/schedulingGates")).isEmpty();
	}

	@Test
	void aChangeOnlyTheClustersDryRunRefusesIsOfferedReplaceAsWell() {
		String pod = unique("removed");
		long templateId = DeployTests.template(this.mvc, POD_WITH_ARGS.formatted(pod));
		JsonNode first = json(DeployTests.deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a")));
		// args removed: the live object does not say the portal set them, so only the
		// cluster sees the change
		newRevision(this.mvc, templateId,
				POD.formatted(pod) + "    resources: {requests: {cpu: 100m, memory: 64Mi}}\n");

		MvcTestResult refused = redeploy(first.get("id").asLong(), "{\"latest\": true}");

		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		assertThat(json(refused).at("/immutableChanges/0/rule").asString()).isEqualTo("cluster");
		assertThat(json(refused).at("/immutableChanges/0/field").asString()).isEqualTo("spec");
		assertThat(json(refused).at("/immutableChanges/0/message").asString())
			.contains("is invalid: spec: Forbidden: pod updates may not change fields other than");

		MvcTestResult replaced = redeploy(first.get("id").asLong(), "{\"latest\": true, \"replace\": true}");

		assertThat(replaced).hasStatus(HttpStatus.CREATED);
		assertThat(this.fake.pod("team-a", pod).orElseThrow().at("/spec/containers/0").has("args")).isFalse();
	}

	@Test
	void aDryRunWithReplaceSaysWhatWouldBeReplacedAndSendsNothing() {
		String pod = unique("dry");
		long templateId = DeployTests.template(this.mvc, POD.formatted(pod));
		DeployTests.deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"));
		newRevision(this.mvc, templateId, POD_WITH_ARGS.formatted(pod));
		int seen = this.fake.requests().size();

		var body = deployBody(templateId, this.clusterId, "team-a").put("dryRun", true).put("replace", true);
		JsonNode dryRun = json(DeployTests.deploy(this.mvc, body));

		assertThat(dryRun.get("message").asString()).startsWith("Not dry-run: Pod " + pod + " would be replaced");
		assertThat(this.fake.requests().subList(seen, this.fake.requests().size()))
			.allMatch((request) -> request.method().equals("GET"));
	}

	/** Saves the manifest as the template's revision 2. */
	static void newRevision(MockMvcTester mvc, long templateId, String manifest) {
		newRevision(mvc, templateId, manifest, 1);
	}

	/** Saves the manifest as the revision after the given one. */
	static void newRevision(MockMvcTester mvc, long templateId, String manifest, int revision) {
		String body = "name: " + unique("replace") + "\n" + "parameters:\n- name: IMAGE\n  default: busybox:1.36\n"
				+ "manifest:\n" + manifest.indent(2);
		MvcTestResult saved = mvc.put()
			.uri("/api/v1/templates/" + templateId)
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)
			.header(HttpHeaders.IF_MATCH, "\"" + revision + "\"")
			.contentType("application/yaml")
			.content(body)
			.exchange();
		assertThat(saved).hasStatus(HttpStatus.OK);
	}

	@Test
	void thePagesDryRunOfARefusedChangeSaysSoAndSendsNothing() {
		String pod = unique("pagedry");
		long templateId = DeployTests.template(this.mvc, POD.formatted(pod));
		DeployTests.deploy(this.mvc, deployBody(templateId, this.clusterId, "team-a"));
		newRevision(this.mvc, templateId, POD_WITH_ARGS.formatted(pod));
		int seen = this.fake.requests().size();

		Deployer.DeployOutcome outcome = this.deployer.deploy(
				new DeployRequest(templateId, null, this.clusterId, "team-a", Map.of(), null, true, false, false),
				true);

		assertThat(outcome.dryRun().message()).isEqualTo("Not dry-run: the cluster would refuse this change to Pod "
				+ pod
				+ ", since it does not change spec.containers[0].args, spec.containers[0].resources in place. Deploy "
				+ "offers to replace it.");
		assertThat(this.fake.requests().subList(seen, this.fake.requests().size()))
			.allMatch((request) -> request.method().equals("GET"));
	}

	private MvcTestResult redeploy(long id, String body) {
		return send(this.mvc, HttpMethod.POST, "/api/v1/deployments/" + id + "/redeploy", body,
				MediaType.APPLICATION_JSON_VALUE, TestAdmin.BEARER);
	}

}
