package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages take no state-changing request without the CSRF token; the API needs none with a
 * Bearer token (SessionApiTest).
 */
@SecurityTest
@AlsoOnPostgres
class CsrfTest {

	private static final Map<String, String> FORM = Map.of("name", "csrf-test", "containers[0].name", "web",
			"containers[0].image", "nginx:1.27");

	@LocalServerPort
	private int port;

	@Test
	void aPagePostWithoutTheTokenIsRefused() {
		assertThat(PortalClient.admin(this.port).post("/compose/preview", FORM).statusCode()).isEqualTo(403);
	}

	@Test
	void aPagePostWithTheTokenAsAFormFieldIsAccepted() {
		PortalClient client = PortalClient.admin(this.port);
		Map<String, String> form = new HashMap<>(FORM);
		form.put("_csrf", client.csrf().getValue());

		HttpResponse<String> response = client.post("/compose/preview", form);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("name: csrf-test");
	}

	@Test
	void aPagePostWithTheTokenInTheHeaderThePageNamesIsAccepted() {
		PortalClient client = PortalClient.admin(this.port);
		Map.Entry<String, String> csrf = client.csrf();

		HttpResponse<String> response = client.post("/compose/preview", FORM, csrf.getKey(), csrf.getValue(),
				"HX-Request", "true");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("name: csrf-test");
	}

	@Test
	void theApiTakesABearerTokenWithoutACsrfToken() {
		assertThat(new PortalClient(this.port).render("Authorization", TestAdmin.BEARER).statusCode()).isEqualTo(200);
	}

	@Test
	void theLoginFormWithoutTheTokenIsRefused() {
		PortalClient client = new PortalClient(this.port);
		client.get("/login");

		HttpResponse<String> response = client.post("/login",
				Map.of("username", TestAdmin.NAME, "password", TestAdmin.PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(client.get("/compose").statusCode()).as("still signed out").isEqualTo(302);
	}

}
