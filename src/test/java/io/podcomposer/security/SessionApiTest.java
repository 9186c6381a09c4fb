package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import java.nio.file.Path;

import io.podcomposer.TestAdmin;
import io.podcomposer.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signed in to the portal may call the API from the same browser (Swagger UI's
 * "Try it out"): the session signs the call in with the user's role, and a change needs
 * the session's CSRF token as a header, which the pages hand over in a cookie. A portal
 * of the class's own, over real HTTP: a MockMvc test's {@code csrf()} swaps the token
 * repositories of the context it runs in for one of its own.
 */
class SessionApiTest {

	@TempDir
	private static Path dataDir;

	private static FreshPortal portal;

	private int port;

	private AccountService accounts;

	private UserSessions sessions;

	private JdbcTemplate jdbc;

	@BeforeAll
	static void start() {
		portal = FreshPortal.start(TestAdmin.PASSWORD, TestAdmin.TOKEN, TestDatabase.create(dataDir));
	}

	@AfterAll
	static void stop() {
		portal.close();
	}

	@BeforeEach
	void connect() {
		this.port = portal.port();
		this.accounts = portal.bean(AccountService.class);
		this.sessions = portal.bean(UserSessions.class);
		this.jdbc = portal.bean(JdbcTemplate.class);
	}

	@Test
	void aSignedInSessionReadsTheApi() {
		HttpResponse<String> templates = PortalClient.admin(this.port).get("/api/v1/templates");

		assertThat(templates.statusCode()).isEqualTo(200);
		assertThat(templates.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
	}

	@Test
	void aSessionsChangeWithoutTheCsrfTokenIsRefusedAsAProblem() {
		HttpResponse<String> refused = signedInWithPageOpen().render();

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("\"status\":403", "CSRF token in the X-CSRF-TOKEN header");
	}

	@Test
	void aSessionsChangeWithTheTokenFromTheCookieIsAccepted() {
		PortalClient client = signedInWithPageOpen();

		HttpResponse<String> rendered = client.render("X-CSRF-TOKEN", client.cookie(SessionCsrf.COOKIE));

		assertThat(rendered.statusCode()).isEqualTo(200);
		assertThat(rendered.body()).contains("kind: Pod");
	}

	@Test
	void aWrongCsrfTokenIsRefused() {
		assertThat(signedInWithPageOpen().render("X-CSRF-TOKEN", "not-the-token").statusCode()).isEqualTo(403);
	}

	/**
	 * What a form on another site can send: the cookie, and a token as a form field,
	 * never as a header.
	 */
	@Test
	void aCrossSiteFormPostWithOnlyTheCookieIsRefused() {
		PortalClient client = signedInWithPageOpen();

		HttpResponse<String> refused = client.post("/api/v1/validate",
				Map.of("_csrf", client.cookie(SessionCsrf.COOKIE), "apiVersion", "v1"), "Origin",
				"https://elsewhere.example");

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("CSRF token");
	}

	@Test
	void theCookieIsForTheOriginsScriptsOnlyAndIsWithdrawnOnSigningOut() {
		PortalClient client = PortalClient.admin(this.port);
		HttpResponse<String> page = client.get("/compose");

		assertThat(page.headers().allValues("Set-Cookie"))
			.filteredOn((cookie) -> cookie.startsWith(SessionCsrf.COOKIE + "="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie.toLowerCase()).contains("; samesite=strict", "; path=/")
				.doesNotContain("httponly"));
		assertThat(client.get("/templates").headers().allValues("Set-Cookie")).as("set once, not on every page")
			.noneMatch((cookie) -> cookie.startsWith(SessionCsrf.COOKIE + "="));

		client.post("/logout", Map.of("_csrf", client.csrf().getValue()));

		assertThat(client.cookie(SessionCsrf.COOKIE)).isNull();
	}

	@Test
	void aBearerTokenNeedsNoCsrfTokenEvenBesideASessionCookie() {
		String viewer = TestAccounts.create(this.accounts, "session-api", Role.VIEWER);
		PortalClient client = PortalClient.signedIn(this.port, viewer, TestAccounts.PASSWORD);

		assertThat(client.render("Authorization", TestAdmin.BEARER).statusCode()).isEqualTo(200);
		assertThat(new PortalClient(this.port).render("Authorization", TestAdmin.BEARER).statusCode()).isEqualTo(200);
		assertThat(client.post("/api/v1/templates", "application/json", template(), "Authorization", TestAdmin.BEARER)
			.statusCode()).as("the token's role counts, not the session's").isEqualTo(201);
	}

	@Test
	void aViewersSessionMayNotDoWhatNeedsAnEditor() {
		String viewer = TestAccounts.create(this.accounts, "session-api", Role.VIEWER);
		PortalClient client = PortalClient.signedIn(this.port, viewer, TestAccounts.PASSWORD);
		client.get("/compose");

		HttpResponse<String> refused = client.post("/api/v1/templates", "application/json", template(), "X-CSRF-TOKEN",
				client.cookie(SessionCsrf.COOKIE));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("This needs the EDITOR role; " + viewer + " is a VIEWER.");
	}

	@Test
	void anonymousCallsGetA401AndNoSessionNorDoTokenCalls() {
		int before = count();

		PortalClient withToken = new PortalClient(this.port);
		assertThat(withToken.render("Authorization", TestAdmin.BEARER).statusCode()).isEqualTo(200);
		assertThat(withToken.get("/api/v1/me", "Authorization", TestAdmin.BEARER).statusCode()).isEqualTo(200);
		assertThat(withToken.sessionId()).as("a token call's session").isNull();

		for (String cookie : new String[] { null, PortalClient.SESSION_COOKIE + "=no-such-session" }) {
			String[] headers = (cookie != null) ? new String[] { "Cookie", cookie } : new String[0];
			HttpResponse<String> read = new PortalClient(this.port).get("/api/v1/templates", headers);
			HttpResponse<String> change = new PortalClient(this.port).render(headers);

			for (HttpResponse<String> answer : List.of(read, change)) {
				assertThat(answer.statusCode()).isEqualTo(401);
				assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(answer.headers().allValues("Set-Cookie"))
					.noneMatch((set) -> set.startsWith(PortalClient.SESSION_COOKIE + "=")
							&& !set.toLowerCase().contains("max-age=0"));
			}
		}

		assertThat(count()).as("sessions").isEqualTo(before);
	}

	@Test
	void aSessionEndedByAChangeToTheAccountSignsInNothing() {
		String viewer = TestAccounts.create(this.accounts, "session-api", Role.VIEWER);
		PortalClient client = PortalClient.signedIn(this.port, viewer, TestAccounts.PASSWORD);
		assertThat(client.get("/api/v1/me").statusCode()).isEqualTo(200);

		this.sessions.end(viewer);

		HttpResponse<String> ended = client.get("/api/v1/me");
		assertThat(ended.statusCode()).isEqualTo(401);
		assertThat(ended.body()).contains("Your portal session was ended");
	}

	/** Signed in as the admin, with a page open: what hands the CSRF token over. */
	private PortalClient signedInWithPageOpen() {
		PortalClient client = PortalClient.admin(this.port);
		assertThat(client.get("/compose").statusCode()).isEqualTo(200);
		assertThat(client.cookie(SessionCsrf.COOKIE)).as("the session's CSRF token for scripts").isNotBlank();
		return client;
	}

	private static String template() {
		return "{\"name\": \"" + AccountTests.unique("session-api") + "\", \"manifest\": {\"apiVersion\": \"v1\","
				+ " \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"}, \"spec\": {\"containers\":"
				+ " [{\"name\": \"web\", \"image\": \"nginx:1.27\"}]}}}";
	}

	private int count() {
		return this.jdbc.queryForObject("select count(*) from SPRING_SESSION", Integer.class);
	}

}
