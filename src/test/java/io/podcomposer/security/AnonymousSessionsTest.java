package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import io.podcomposer.AlsoOnPostgres;
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
 * Sessions, rows in the database, are for people signed in: API calls, anonymous page
 * requests (whatever headers they carry) and wrong passwords leave the session tables as
 * they were. A portal of the class's own: a MockMvc test's {@code csrf()} puts a
 * session-backed CSRF token repository into the filter chain of the context it runs in.
 */
@AlsoOnPostgres
class AnonymousSessionsTest {

	private static final String HEADER_6KB = "x".repeat(6 * 1024);

	@TempDir
	private static Path dataDir;

	private static FreshPortal portal;

	private int port;

	private JdbcTemplate jdbc;

	private AccountService accounts;

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
		this.jdbc = portal.bean(JdbcTemplate.class);
		this.accounts = portal.bean(AccountService.class);
	}

	@Test
	void anonymousPageRequestsApiCallsAndWrongPasswordsStoreNoSession() {
		String user = TestAccounts.create(this.accounts, "anonymous", Role.VIEWER);
		int sessions = count("SPRING_SESSION");
		int attributes = count("SPRING_SESSION_ATTRIBUTES");

		for (int i = 0; i < 20; i++) {
			PortalClient anonymous = new PortalClient(this.port);
			assertThat(anonymous.get("/templates", "Authorization", TestAdmin.BEARER, "X-Padding", HEADER_6KB)
				.statusCode()).isEqualTo(302);
			assertThat(anonymous.get("/compose", "Cookie", "tracker=" + HEADER_6KB).statusCode()).isEqualTo(302);
			assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
			assertThat(anonymous.signIn(user, "not-the-password-" + i).headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
			assertThat(anonymous.render("Authorization", TestAdmin.BEARER).statusCode()).isEqualTo(200);
			assertThat(anonymous.get("/api/v1/me").statusCode()).isEqualTo(401);
		}

		assertThat(count("SPRING_SESSION")).as("sessions").isEqualTo(sessions);
		assertThat(count("SPRING_SESSION_ATTRIBUTES")).as("session attributes").isEqualTo(attributes);
	}

	@Test
	void signingInReturnsToThePageAskedFor() {
		PortalClient client = new PortalClient(this.port);
		HttpResponse<String> asked = client.get("/templates?q=web");
		assertThat(asked.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));

		HttpResponse<String> signedIn = client.signIn(TestAdmin.NAME, TestAdmin.PASSWORD);

		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/templates?q=web"));
		String returned = signedIn.headers().firstValue("Location").orElseThrow();
		assertThat(client.get(returned.substring(returned.indexOf("/templates"))).statusCode()).isEqualTo(200);
	}

	@Test
	void theLoginFormWorksWithoutASessionBeforeIt() {
		PortalClient client = new PortalClient(this.port);
		client.get("/login");
		assertThat(client.sessionId()).as("the login page keeps its CSRF token in a cookie").isNull();

		assertThat(client.signIn(TestAdmin.NAME, TestAdmin.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/compose"));
		assertThat(client.sessionId()).isNotNull();
		assertThat(client.get("/compose").statusCode()).isEqualTo(200);
		Map.Entry<String, String> csrf = client.csrf();
		assertThat(client.post("/logout", Map.of("_csrf", csrf.getValue())).statusCode()).isEqualTo(302);
	}

	private int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
