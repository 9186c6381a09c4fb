package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.util.Map;

import io.podcomposer.system.RequestBodyLimit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page forms are limited to 1 MiB, as the API's bodies are
 * (server.tomcat.max-http-form-post-size): Tomcat refuses to parse a larger one, and that
 * is answered 413, not 500.
 */
@SecurityTest
class FormBodyLimitTest {

	private static final String OVER_THE_LIMIT = "x".repeat(RequestBodyLimit.MAX_BYTES);

	@LocalServerPort
	private int port;

	private PortalClient client;

	private Map.Entry<String, String> csrf;

	@BeforeEach
	void signIn() {
		this.client = PortalClient.admin(this.port);
		this.csrf = this.client.csrf();
	}

	@Test
	void aFormOverOneMebibyteIsRefusedWith413() {
		HttpResponse<String> response = this.client.post("/compose/preview",
				Map.of("_csrf", this.csrf.getValue(), "name", OVER_THE_LIMIT));

		assertThat(response.statusCode()).isEqualTo(413);
	}

	/**
	 * As htmx sends it: the CSRF token in a header, so that the form is first parsed by
	 * the controller.
	 */
	@Test
	void anHtmxFormOverOneMebibyteIsRefusedWith413() {
		HttpResponse<String> response = this.client.post("/compose/preview", Map.of("name", OVER_THE_LIMIT),
				this.csrf.getKey(), this.csrf.getValue(), "HX-Request", "true");

		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void aFormUnderTheLimitIsReadHoweverLongItsValues() {
		String longValue = "x".repeat(RequestBodyLimit.MAX_BYTES / 6);

		HttpResponse<String> response = this.client.post("/compose/preview",
				Map.of("_csrf", this.csrf.getValue(), "name", longValue, "containers[0].name", longValue,
						"containers[0].image", longValue, "labels[0].key", "app", "labels[0].value", longValue,
						"containers[0].env[0].name", longValue));

		assertThat(response.statusCode()).isEqualTo(200);
	}

}
