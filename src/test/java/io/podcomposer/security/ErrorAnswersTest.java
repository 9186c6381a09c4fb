package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.util.Map;

import io.podcomposer.TestAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What went wrong is told without the server's insides: no stack trace, no exception class. */
@SecurityTest
class ErrorAnswersTest {

	private static final String HTML = "text/html";

	@LocalServerPort
	private int port;

	private PortalClient client;

	@BeforeEach
	void signIn() {
		this.client = PortalClient.admin(this.port);
	}

	@Test
	void aMalformedFormIndex() {
		Map.Entry<String, String> csrf = this.client.csrf();

		HttpResponse<String> response = this.client.post("/compose/preview",
				Map.of("containers[x].name", "web", "name", "web"), csrf.getKey(), csrf.getValue(), "Accept", HTML);

		assertTellsNoInsides(response, 400);
	}

	@Test
	void aMissingStaticFile() {
		assertTellsNoInsides(this.client.get("/css/missing.css", "Accept", HTML), 404);
	}

	@Test
	void aPageThatIsNotThere() {
		assertTellsNoInsides(this.client.get("/nothing-here", "Accept", HTML), 403);
	}

	@Test
	void malformedJsonToTheApi() {
		HttpResponse<String> response = this.client.post("/api/v1/render", "application/json",
				"{\"apiVersion\": \"v1\", \"kind\": ", "Authorization", TestAdmin.BEARER);

		assertTellsNoInsides(response, 400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void aBodyTypeTheApiDoesNotRead() {
		HttpResponse<String> response = this.client.post("/api/v1/render", "text/plain", "kind: Pod",
				"Authorization", TestAdmin.BEARER);

		assertTellsNoInsides(response, 415);
	}

	private static void assertTellsNoInsides(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).isNotBlank()
			.doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("trace")
			.doesNotContain("at io.podcomposer", "at org.", "at java.", "io.podcomposer.", "org.springframework.");
	}

}
