package io.podcomposer.compose;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;

import io.podcomposer.TestAdmin;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.podcomposer.system.RequestBodyLimit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The render endpoint over real HTTP, in the whole application, with bytes as a client
 * sends them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RenderHttpTest {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	private int port;

	@Test
	void rendersATemplate() throws Exception {
		String template = """
				parameters:
				- {name: TAG, default: "1.27"}
				manifest:
				  apiVersion: v1
				  kind: Pod
				  metadata: {name: web, labels: {app: web}}
				  spec:
				    containers:
				    - {name: web, image: "nginx:${TAG}"}
				values: {TAG: "1.29"}
				""";

		HttpResponse<String> response = post("/api/v1/render?kind=Deployment", "application/yaml",
				BodyPublishers.ofString(template));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/yaml");
		assertThat(response.body()).startsWith("apiVersion: apps/v1\nkind: Deployment\n")
			.contains("    matchLabels:\n      app: web\n", "      - name: web\n        image: nginx:1.29\n");
	}

	@Test
	void refusesABodyOverOneMebibyteByItsLength() throws Exception {
		HttpResponse<String> response = post("/api/v1/render", "application/yaml",
				BodyPublishers.ofByteArray(spaces(RequestBodyLimit.MAX_BYTES + 1)));

		assertTooLarge(response);
	}

	@Test
	void refusesAChunkedBodyOverOneMebibyteWhileReading() throws Exception {
		byte[] body = spaces(RequestBodyLimit.MAX_BYTES + RequestBodyLimit.MAX_BYTES / 2);

		// a stream has no length, so the client sends it chunked, without Content-Length
		HttpResponse<String> response = post("/api/v1/render", "application/json",
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertTooLarge(response);
	}

	@Test
	void acceptsABodyOfExactlyOneMebibyte() throws Exception {
		String pod = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"}}";
		byte[] body = spaces(RequestBodyLimit.MAX_BYTES);
		System.arraycopy(pod.getBytes(), 0, body, 0, pod.length());

		HttpResponse<String> response = post("/api/v1/render", "application/json",
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n");
	}

	@Test
	void theOpenApiDescriptionListsTheEndpoint() throws Exception {
		HttpResponse<String> response = this.client.send(
				HttpRequest.newBuilder(uri("/v3/api-docs")).timeout(Duration.ofSeconds(30)).build(),
				BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"title\":\"Pod Composer API\"", "\"/api/v1/render\"",
				"application/x-yaml", "\"kind\"", "Placeholders ${NAME} in string", "$${NAME} stays a literal ${NAME}.",
				"nginx:${IMAGE_TAG}");
	}

	private HttpResponse<String> post(String path, String contentType, BodyPublisher body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", TestAdmin.BEARER)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.POST(body)
			.build();
		return this.client.send(request, BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static void assertTooLarge(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":413", "1 MiB");
	}

	private static byte[] spaces(int count) {
		byte[] bytes = new byte[count];
		Arrays.fill(bytes, (byte) ' ');
		return bytes;
	}

}
