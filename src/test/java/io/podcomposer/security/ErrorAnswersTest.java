package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import io.podcomposer.system.ProblemResponses;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What went wrong is told without the server's insides: no stack trace, no exception
 * class.
 */
@SecurityTest
@AlsoOnPostgres
class ErrorAnswersTest {

	private static final String HTML = "text/html";

	/** 10 characters, 73 bytes in UTF-8: one more than bcrypt reads. */
	private static final String LONG_PASSWORD = "a-password" + "é".repeat(30) + "b".repeat(3);

	@LocalServerPort
	private int port;

	private PortalClient client;

	@Autowired
	private AccountService accounts;

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
		HttpResponse<String> response = this.client.post("/api/v1/render", "text/plain", "kind: Pod", "Authorization",
				TestAdmin.BEARER);

		assertTellsNoInsides(response, 415);
	}

	@Test
	void aPasswordLongerThanBcryptTakesOverTheApi() {
		String user = "{\"name\": \"" + AccountTests.unique("long") + "\", \"password\": \"" + LONG_PASSWORD
				+ "\", \"roles\": [\"VIEWER\"]}";

		HttpResponse<String> created = this.client.post("/api/v1/users", "application/json", user, "Authorization",
				TestAdmin.BEARER);

		assertTellsNoInsides(created, 422);
		assertThat(created.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(created.body()).contains("\"path\":\"password\"", "at most 72 bytes");
		HttpResponse<String> changed = this.client.send("PUT", "/api/v1/users/" + someone(), "application/json",
				"{\"password\": \"" + LONG_PASSWORD + "\"}", "Authorization", TestAdmin.BEARER);
		assertTellsNoInsides(changed, 422);
		assertThat(changed.body()).contains("at most 72 bytes");
	}

	@Test
	void aPasswordLongerThanBcryptTakesInThePages() {
		String name = AccountTests.unique("long");
		Map.Entry<String, String> csrf = this.client.csrf();

		HttpResponse<String> created = this.client.post("/admin/users",
				Map.of("name", name, "password", LONG_PASSWORD, "role", "VIEWER", "_csrf", csrf.getValue()));

		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(this.client.get("/admin/users").body()).select(".form-problem").text())
			.contains("at most 72 bytes");
		String someone = someone();
		HttpResponse<String> changed = this.client.post("/admin/users/" + someone + "/password",
				Map.of("password", LONG_PASSWORD, "_csrf", csrf.getValue()));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(this.client.get("/admin/users/" + someone).body()).select(".form-problem").text())
			.contains("at most 72 bytes");
	}

	@Test
	void signingInWithAPasswordLongerThanBcryptTakes() {
		HttpResponse<String> known = new PortalClient(this.port).signIn(TestAdmin.NAME, LONG_PASSWORD);
		HttpResponse<String> unknown = new PortalClient(this.port).signIn("nobody-" + AccountTests.unique("x"),
				LONG_PASSWORD);

		for (HttpResponse<String> answer : List.of(known, unknown)) {
			assertThat(answer.statusCode()).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		}
	}

	/**
	 * Spring Security's firewall refuses these before any filter chain: the answer is
	 * still ours.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/templates;x=1", "/api/v1/templates/%25ff", "/api/v1/templates/%ff",
			"/templates/%ff", "/api/v1//templates", "/templates;jsessionid=1", "/templates/%2e%2e/admin" })
	void aPathTheFirewallRefuses(String path) {
		HttpResponse<String> response = this.client.get(path, "Authorization", TestAdmin.BEARER);

		assertTellsNoInsides(response, 400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":400");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(ProblemResponses.API_POLICY);
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
	}

	@Test
	void theErrorPageAskedForDirectly() {
		assertTellsNoInsides(this.client.get("/error", "Accept", HTML), 404);
		assertTellsNoInsides(new PortalClient(this.port).get("/error", "Accept", "application/json"), 404);
	}

	private String someone() {
		return TestAccounts.create(this.accounts, "long", Role.VIEWER);
	}

	private static void assertTellsNoInsides(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).isNotBlank()
			.doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("trace")
			.doesNotContain("at io.podcomposer", "at org.", "at java.", "io.podcomposer.", "org.springframework.");
	}

}
