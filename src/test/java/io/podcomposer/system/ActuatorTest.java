package io.podcomposer.system;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Properties;
import java.util.UUID;

import io.podcomposer.TestAdmin;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What an operator's tools read: the health groups that probes ask, build and git
 * details, and the portal's timers in Prometheus.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActuatorTest {

	private static final String POD_JSON = """
			{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
			 "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterService clusters;

	@Test
	void livenessIsTheProcessAloneAndReadinessAddsTheDatabase() {
		JsonNode liveness = json(asAdmin(this.mvc.get().uri("/actuator/health/liveness")));
		JsonNode readiness = json(asAdmin(this.mvc.get().uri("/actuator/health/readiness")));

		assertThat(liveness.get("status").asString()).isEqualTo("UP");
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
	}

	@Test
	void aClusterThatIsDownLeavesThePortalHealthy() {
		try (FakeKubernetes cluster = FakeKubernetes.start("health-token")) {
			this.clusters.add("gone-" + UUID.randomUUID(), FakeKubeconfig.of(cluster, "health-token"), null);
		}

		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			JsonNode health = json(asAdmin(this.mvc.get().uri(path)));
			assertThat(health.get("status").asString()).as(path).isEqualTo("UP");
			assertThat(health.get("components").propertyNames()).as(path)
				.allMatch((name) -> !name.toLowerCase().contains("cluster") && !name.toLowerCase().contains("kube"));
		}
	}

	@Test
	void anonymousProbesGetTheStatusWithoutDetails() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			MvcTestResult health = this.mvc.get().uri(path).exchange();
			assertThat(health).as(path).hasStatusOk();
			assertThat(json(health).propertyNames()).as(path)
				.contains("status")
				.doesNotContain("components", "details");
		}
	}

	@Test
	void infoTellsTheBuildAndTheCommit() throws IOException {
		JsonNode info = json(asAdmin(this.mvc.get().uri("/actuator/info")));

		assertThat(info.at("/build/artifact").asString()).isEqualTo("pod-composer");
		assertThat(info.at("/build/version").asString()).isNotBlank();
		assertThat(info.at("/java/version").asString()).isNotBlank();
		// a build from a source tarball has no commit to tell
		Properties git = new Properties();
		git.load(new ClassPathResource("git.properties").getInputStream());
		if (git.containsKey("git.commit.id")) {
			assertThat(info.at("/git/commit/id").asString()).isEqualTo(git.getProperty("git.commit.id.abbrev"));
		}
	}

	@Test
	void renderingValidatingAndThePreviewAreTimed() {
		String before = Prometheus.scrape(this.mvc);

		assertThat(asAdmin(
				this.mvc.post().uri("/api/v1/render").contentType(MediaType.APPLICATION_JSON).content(POD_JSON)))
			.hasStatusOk();
		assertThat(asAdmin(
				this.mvc.post().uri("/api/v1/validate").contentType(MediaType.APPLICATION_JSON).content(POD_JSON)))
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/compose").with(user(TestAdmin.NAME).roles("VIEWER")).exchange()).hasStatusOk();

		String after = Prometheus.scrape(this.mvc);
		// the API's render, and the composer's preview, which validates too
		assertThat(Prometheus.value(after, "podcomposer_render_seconds_count"))
			.isEqualTo(Prometheus.value(before, "podcomposer_render_seconds_count") + 2);
		assertThat(Prometheus.value(after, "podcomposer_validate_seconds_count"))
			.isEqualTo(Prometheus.value(before, "podcomposer_validate_seconds_count") + 2);
		assertThat(after).contains("# TYPE podcomposer_render_seconds_max gauge");
	}

	private static MvcTestResult asAdmin(MockMvcRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER).exchange();
	}

	private static JsonNode json(MvcTestResult result) {
		try {
			return JsonMapper.shared().readTree(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
