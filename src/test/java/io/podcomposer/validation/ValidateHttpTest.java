package io.podcomposer.validation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Collections;

import io.podcomposer.TestAdmin;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validate endpoint over real HTTP, in the whole application, signed in with an API
 * token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ValidateHttpTest {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@Test
	void answersTheReportAsJson() throws Exception {
		String pod = """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web}
				spec:
				  selector: {matchLabels: {app: web}}
				  template:
				    metadata: {labels: {app: web}}
				    spec:
				      containers:
				      - {name: web, image: nginx}
				""";

		HttpResponse<String> response = post("application/yaml", pod);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
		assertThat(response.body()).startsWith("{\"valid\":")
			.contains("\"errors\":[", "\"podSecurity\":{\"level\":\"",
					"{\"path\":\"spec.template.spec.containers[0].image\",\"message\":\"image \\\"nginx\\\" has no tag, "
							+ "so it means :latest: pin a version or a digest\",\"rule\":\"image-tag\"}");
	}

	@Test
	void refusesAnAliasBombAtOnceAndStaysHealthy() throws Exception {
		StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
		for (char name = 'b'; name <= 'z'; name++) {
			bomb.append(name)
				.append(": &")
				.append(name)
				.append(" [")
				.append(String.join(", ", Collections.nCopies(10, "*" + (char) (name - 1))))
				.append("]\n");
		}

		long started = System.nanoTime();
		HttpResponse<String> response = post("application/yaml", bomb.toString());

		// not a speed target (see the benchmarks): expanding it would take hours, so a
		// loaded machine's
		// seconds still tell a refusal before expansion from none
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("expands to more than 1048576 characters");
		HttpResponse<String> health = this.client.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
				BodyHandlers.ofString());
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void theOpenApiDescriptionListsTheEndpoint() throws Exception {
		HttpResponse<String> response = this.client.send(
				HttpRequest.newBuilder(uri("/v3/api-docs")).timeout(Duration.ofSeconds(30)).build(),
				BodyHandlers.ofString());

		assertThat(response.body()).contains("\"/api/v1/validate\"", "\"ValidationReport\"", "capabilities_baseline");
	}

	private HttpResponse<String> post(String contentType, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/validate"))
			.header("Authorization", TestAdmin.BEARER)
			.header("Content-Type", contentType)
			.timeout(Duration.ofSeconds(30))
			.POST(BodyPublishers.ofString(body))
			.build();
		return this.client.send(request, BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
