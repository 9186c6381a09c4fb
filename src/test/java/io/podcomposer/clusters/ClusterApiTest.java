package io.podcomposer.clusters;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import io.podcomposer.kube.ExecScripts;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import io.podcomposer.kube.NotKubernetes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/clusters}: add from a kubeconfig, read, delete; refusals as problems;
 * changes audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class ClusterApiTest {

	private static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterService clusters;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ClusterRepository repository;

	@Autowired
	private CredentialCipher cipher;

	@Test
	void anAdminAddsReadsAndDeletesACluster() {
		String name = unique();

		MvcTestResult added = send(HttpMethod.POST, "/api/v1/clusters",
				body(name, KubeconfigTest.TWO_CONTEXTS, "staging"));

		assertThat(added).hasStatus(HttpStatus.CREATED);
		JsonNode cluster = json(added);
		long id = cluster.get("id").asLong();
		assertThat(added).hasHeader(HttpHeaders.LOCATION, "/api/v1/clusters/" + id);
		assertThat(cluster.propertyNames()).containsExactlyInAnyOrder("id", "name", "server", "context", "namespace",
				"authKind", "insecure", "inCluster", "createdAt", "createdBy");
		assertThat(cluster.get("name").asString()).isEqualTo(name);
		assertThat(cluster.get("server").asString()).isEqualTo("https://staging.example.com:6443");
		assertThat(cluster.get("context").asString()).isEqualTo("staging");
		assertThat(cluster.get("namespace").asString()).as("the namespace its context names").isEqualTo("apps");
		assertThat(cluster.get("authKind").asString()).isEqualTo("TOKEN");
		assertThat(cluster.get("insecure").asBoolean()).isTrue();
		assertThat(cluster.get("inCluster").asBoolean()).isFalse();
		assertThat(cluster.get("createdBy").asString()).isEqualTo(TestAdmin.NAME);
		assertThat(this.clusters.credentials(id)).isEqualTo(Credentials.token("eyJhbGciOiJSUzI1NiJ9.staging-token"));

		assertThat(json(send(HttpMethod.GET, "/api/v1/clusters/" + id, null))).isEqualTo(cluster);
		assertThat(json(send(HttpMethod.GET, "/api/v1/clusters", null)).valueStream()
			.map((each) -> each.get("name").asString())).contains(name);

		assertThat(send(HttpMethod.DELETE, "/api/v1/clusters/" + id, null)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(send(HttpMethod.GET, "/api/v1/clusters/" + id, null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.jdbc.queryForList("select action from audit_entry where target = ? order by id", String.class,
				name))
			.containsExactly("CLUSTER_ADD", "CLUSTER_DELETE");
	}

	@Test
	void theCurrentContextIsUsedWhenNoneIsGiven() {
		MvcTestResult added = send(HttpMethod.POST, "/api/v1/clusters",
				body(unique(), KubeconfigTest.TWO_CONTEXTS, null));

		assertThat(added).hasStatus(HttpStatus.CREATED);
		assertThat(json(added).get("context").asString()).isEqualTo("kind-dev");
		assertThat(json(added).get("authKind").asString()).isEqualTo("CLIENT_CERTIFICATE");
		assertThat(json(added).get("insecure").asBoolean()).isFalse();
	}

	@Test
	void refusalsAreProblemsThatSayWhy() {
		String name = unique();
		assertThat(send(HttpMethod.POST, "/api/v1/clusters", body(name, KubeconfigTest.TWO_CONTEXTS, null)))
			.hasStatus(HttpStatus.CREATED);

		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", body(name, KubeconfigTest.TWO_CONTEXTS, null)),
				HttpStatus.CONFLICT, "A cluster named " + name + " exists already.");
		String exec = KubeconfigTest.TWO_CONTEXTS.replace("    token: eyJhbGciOiJSUzI1NiJ9.staging-token",
				"    exec:\n      command: aws\n      args: [eks, get-token]");
		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", body(unique(), exec, "staging")),
				HttpStatus.UNPROCESSABLE_CONTENT, "The user staging-admin uses exec");
		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", body(unique(), exec, "staging")),
				HttpStatus.UNPROCESSABLE_CONTENT,
				"podcomposer.clusters.allow-exec=true (PODCOMPOSER_CLUSTERS_ALLOW_EXEC)");
		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", body("in-cluster", KubeconfigTest.TWO_CONTEXTS, null)),
				HttpStatus.UNPROCESSABLE_CONTENT, "The name in-cluster is kept for the cluster the portal runs in");
		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", body(unique(), KubeconfigTest.TWO_CONTEXTS, "prod")),
				HttpStatus.UNPROCESSABLE_CONTENT, "no context prod; it has kind-dev, staging");
		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", body(unique(), "clusters: [", null)),
				HttpStatus.UNPROCESSABLE_CONTENT, "not valid YAML");
		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", body("Not A Name", KubeconfigTest.TWO_CONTEXTS, null)),
				HttpStatus.UNPROCESSABLE_CONTENT, "The name must be");
		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", "{}"), HttpStatus.UNPROCESSABLE_CONTENT,
				"The name must be");
		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", "{\"name\": "), HttpStatus.BAD_REQUEST, null);
		assertProblem(send(HttpMethod.GET, "/api/v1/clusters/9223372036854775806", null), HttpStatus.NOT_FOUND,
				"There is no cluster");
		assertProblem(send(HttpMethod.DELETE, "/api/v1/clusters/9223372036854775806", null), HttpStatus.NOT_FOUND,
				null);
	}

	@Test
	void aClusterIsCheckedAndItsNamespacesListedThroughItsStoredCredentials() {
		try (FakeKubernetes cluster = FakeKubernetes.start("fake-cluster-token")) {
			String kubeconfig = kubeconfigFor(cluster, "fake-cluster-token");
			long id = json(send(HttpMethod.POST, "/api/v1/clusters", body(unique(), kubeconfig, null))).get("id")
				.asLong();

			JsonNode check = json(send(HttpMethod.POST, "/api/v1/clusters/" + id + "/check", null));
			assertThat(check.get("reachable").asBoolean()).isTrue();
			assertThat(check.get("version").asString()).isEqualTo(FakeKubernetes.GIT_VERSION);
			assertThat(check.get("latencyMillis").asLong()).isNotNegative();
			MvcTestResult namespaces = send(HttpMethod.GET, "/api/v1/clusters/" + id + "/namespaces", null);
			assertThat(namespaces).hasStatusOk();
			assertThat(json(namespaces).values()).extracting(JsonNode::asString).contains("default");

			cluster.goDown();
			JsonNode down = json(send(HttpMethod.POST, "/api/v1/clusters/" + id + "/check", null));
			assertThat(down.get("reachable").asBoolean()).isFalse();
			assertThat(down.get("message").asString()).contains("unreachable");
			assertProblem(send(HttpMethod.GET, "/api/v1/clusters/" + id + "/namespaces", null), HttpStatus.BAD_GATEWAY,
					"unreachable");
		}
	}

	@Test
	void anotherServersAnswerIsNotQuotedByTheCheckNorTheNamespaces() {
		try (NotKubernetes other = NotKubernetes.htmlPage(200)) {
			long id = json(send(HttpMethod.POST, "/api/v1/clusters",
					body(unique(), FakeKubeconfig.forServer(other.url(), "a-token"), null)))
				.get("id")
				.asLong();

			MvcTestResult check = send(HttpMethod.POST, "/api/v1/clusters/" + id + "/check", null);
			assertThat(check).hasStatusOk();
			assertThat(json(check).get("reachable").asBoolean()).isFalse();
			assertThat(json(check).get("message").asString()).isEqualTo("The server answered 200 with something that "
					+ "is not a Kubernetes API server's answer (text/html); is the cluster's server address right?");
			MvcTestResult namespaces = send(HttpMethod.GET, "/api/v1/clusters/" + id + "/namespaces", null);
			assertProblem(namespaces, HttpStatus.BAD_GATEWAY, "not a Kubernetes API server's answer (text/html)");
			assertThat(check.getResponse().getContentAsString()).doesNotContain(NotKubernetes.SECRET,
					"Internal console");
			assertThat(namespaces.getResponse().getContentAsString()).doesNotContain(NotKubernetes.SECRET);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void anHttpsClusterWithoutCaDataIsCheckedAgainstTheJvmsTrustedCas() {
		try (FakeKubernetes cluster = FakeKubernetes.start("no-ca-token")) {
			MvcTestResult added = send(HttpMethod.POST, "/api/v1/clusters",
					body(unique(), FakeKubeconfig.forServer(cluster.url(), "no-ca-token"), null));
			assertThat(added).hasStatus(HttpStatus.CREATED);
			long id = json(added).get("id").asLong();

			MvcTestResult check = send(HttpMethod.POST, "/api/v1/clusters/" + id + "/check", null);
			assertThat(check).hasStatusOk();
			assertThat(json(check).get("reachable").asBoolean()).isFalse();
			assertThat(json(check).get("message").asString()).isEqualTo("TLS failure talking to " + cluster.url()
					+ ": its certificate is not trusted. Give the CA that signed it as the cluster's "
					+ "certificate-authority-data in the kubeconfig; without one only the CAs the portal's Java "
					+ "trusts are.");
			assertProblem(send(HttpMethod.GET, "/api/v1/clusters/" + id + "/namespaces", null), HttpStatus.BAD_GATEWAY,
					"its certificate is not trusted");
			assertThat(cluster.requests()).isEmpty();
		}
	}

	@Test
	void credentialsInTheServerUrlAreRefusedAndNeitherAnsweredNorAudited() {
		String name = unique();
		String withPassword = KubeconfigTest.TWO_CONTEXTS.replace("https://staging.example.com:6443",
				"https://ops:hunter2@staging.example.com:6443");

		MvcTestResult refused = send(HttpMethod.POST, "/api/v1/clusters", body(name, withPassword, "staging"));

		assertProblem(refused, HttpStatus.UNPROCESSABLE_CONTENT,
				"The cluster staging's server URL holds a user name or "
						+ "password (user@host); give the URL without them, and the credentials in the kubeconfig's user");
		assertThat(json(refused).toString()).doesNotContain("hunter2");
		String userOnly = KubeconfigTest.TWO_CONTEXTS.replace("https://staging.example.com:6443",
				"https://hunter2@staging.example.com:6443");
		assertProblem(send(HttpMethod.POST, "/api/v1/clusters", body(name, userOnly, "staging")),
				HttpStatus.UNPROCESSABLE_CONTENT, "holds a user name or password");
		assertThat(send(HttpMethod.GET, "/api/v1/clusters", null).getResponse())
			.satisfies((response) -> assertThat(response.getContentAsString()).doesNotContain("hunter2"));
		MvcTestResult audit = send(HttpMethod.GET, "/api/v1/audit?action=CLUSTER_ADD&size=200", null);
		assertThat(audit).hasStatusOk();
		assertThat(json(audit).toString()).doesNotContain("hunter2");
	}

	@Test
	void anExecClusterKeptFromBeforeIsNotRunWhileExecIsOff(@TempDir Path scripts) throws IOException {
		Path ran = scripts.resolve("ran");
		String command = ExecScripts.write(scripts.resolve("get-token"),
				"touch " + ran + "\n" + ExecScripts.printing("\"token\": \"fake-cluster-token\""));
		try (FakeKubernetes cluster = FakeKubernetes.start("fake-cluster-token")) {
			Kubeconfig kept = Kubeconfig.read(ClusterExecTest.execKubeconfig(cluster, command, "x", "y"), null, true);
			String name = unique();
			long id = this.repository
				.saveAndFlush(new Cluster(name, kept,
						Base64.getEncoder().encodeToString(this.cipher.encrypt(kept.credentials().toJson())),
						Instant.now(), TestAdmin.NAME))
				.getId();

			JsonNode check = json(send(HttpMethod.POST, "/api/v1/clusters/" + id + "/check", null));

			assertThat(check.get("reachable").asBoolean()).isFalse();
			assertThat(check.get("message").asString()).isEqualTo("The cluster " + name + " signs in by running "
					+ command + " (exec), which the portal does not do while podcomposer.clusters.allow-exec "
					+ "(PODCOMPOSER_CLUSTERS_ALLOW_EXEC) is off.");
			assertThat(ran).doesNotExist();
			assertThat(cluster.requests()).isEmpty();
		}
	}

	/**
	 * A kubeconfig for the fake cluster: its address, its CA as data, and a bearer token.
	 */
	static String kubeconfigFor(FakeKubernetes cluster, String token) {
		return FakeKubeconfig.of(cluster, token);
	}

	/**
	 * A kubeconfig for the fake cluster: its address, its CA as data, and the user's
	 * lines (indented four spaces).
	 */
	static String kubeconfigWithUser(FakeKubernetes cluster, String userLines) {
		return FakeKubeconfig.withUser(cluster, userLines);
	}

	static String body(String name, String kubeconfig, String context) {
		ObjectNode body = JsonMapper.shared().createObjectNode().put("name", name).put("kubeconfig", kubeconfig);
		if (context != null) {
			body.put("context", context);
		}
		return body.toString();
	}

	private void assertProblem(MvcTestResult result, HttpStatus status, String detail) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		if (detail != null) {
			assertThat(json(result).get("detail").asString()).contains(detail);
		}
	}

	private MvcTestResult send(HttpMethod method, String uri, String body) {
		MockMvcRequestBuilder request = this.mvc.method(method)
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request.exchange();
	}

	static JsonNode json(MvcTestResult result) {
		try {
			return JsonMapper.shared().readTree(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unique() {
		return "c-" + Long.toString(System.nanoTime(), 36) + NEXT.incrementAndGet();
	}

}
