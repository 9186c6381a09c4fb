package io.podcomposer.clusters;

import java.time.Instant;
import java.util.Base64;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With local servers not allowed, as the portal starts by default: clusters on the
 * portal's own host, link-local and metadata addresses are refused when added, and a name
 * that resolves to the host is refused when called, before anything is sent.
 */
@SpringBootTest(properties = "podcomposer.clusters.allow-local-servers=false")
@AutoConfigureMockMvc
@AlsoOnPostgres
class ServerAddressRefusalTest {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterRepository repository;

	@Autowired
	private CredentialCipher cipher;

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:10250", "http://[::1]", "http://2130706433", "http://0x7f.1",
			"http://0177.0.0.1", "https://[::ffff:127.0.0.1]:6443", "http://0.0.0.0:8080", "https://localhost:6443" })
	void aServerOnThePortalsHostIsRefusedWhenAddedAndTheSettingIsNamed(String server) {
		MvcTestResult refused = add(server);

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(ClusterApiTest.json(refused).get("detail").asString()).contains(
				"an address of the portal's own host",
				"podcomposer.clusters.allow-local-servers=true (PODCOMPOSER_CLUSTERS_ALLOW_LOCAL_SERVERS)",
				"as for a kind or k3s cluster on the same host");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254", "http://[fd00:ec2::254]", "http://2852039166",
			"http://[::ffff:169.254.169.254]", "http://169.254.10.1:6443", "http://[fe80::1]:6443" })
	void linkLocalAndMetadataServersAreRefusedWhenAdded(String server) {
		MvcTestResult refused = add(server);

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(ClusterApiTest.json(refused).get("detail").asString()).containsAnyOf("a cloud metadata address",
				"a link-local address");
	}

	@Test
	void aClusterWhoseNameNowResolvesToTheHostIsRefusedWhenCalled() {
		try (FakeKubernetes cluster = FakeKubernetes.start("re-pointed-token")) {
			// as if its name resolved elsewhere when it was added, and DNS points it at
			// the host now
			String server = cluster.url().replace("127.0.0.1", "localhost");
			Kubeconfig kept = Kubeconfig.read(FakeKubeconfig.forServer(server, "re-pointed-token"), null, false);
			long id = this.repository
				.saveAndFlush(new Cluster("re-pointed-" + System.nanoTime(), kept,
						Base64.getEncoder().encodeToString(this.cipher.encrypt(kept.credentials().toJson())),
						Instant.now(), TestAdmin.NAME))
				.getId();

			JsonNode check = ClusterApiTest.json(send("POST", "/api/v1/clusters/" + id + "/check"));

			assertThat(check.get("reachable").asBoolean()).isFalse();
			assertThat(check.get("message").asString())
				.startsWith("The server localhost (127.0.0.1) is an address of the portal's own host");
			MvcTestResult namespaces = send("GET", "/api/v1/clusters/" + id + "/namespaces");
			assertThat(namespaces).hasStatus(HttpStatus.BAD_GATEWAY);
			assertThat(ClusterApiTest.json(namespaces).get("detail").asString())
				.contains("an address of the portal's own host");
			assertThat(cluster.requests()).isEmpty();
		}
	}

	private MvcTestResult add(String server) {
		return this.mvc.post()
			.uri("/api/v1/clusters")
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(ClusterApiTest.body("local-" + System.nanoTime(), FakeKubeconfig.forServer(server, "a-token"),
					null))
			.exchange();
	}

	private MvcTestResult send(String method, String uri) {
		return this.mvc.method(HttpMethod.valueOf(method))
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)
			.exchange();
	}

}
