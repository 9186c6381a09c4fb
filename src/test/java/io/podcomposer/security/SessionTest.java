package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The page session over real HTTP: its cookie, and its id around signing in and out. */
@SecurityTest
@AlsoOnPostgres
class SessionTest {

	@LocalServerPort
	private int port;

	@Autowired
	private AccountService accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void signingInGivesTheSessionANewId() {
		PortalClient client = new PortalClient(this.port);
		client.signIn(TestAdmin.NAME, TestAdmin.PASSWORD);
		String before = client.sessionId();

		client.signIn(TestAdmin.NAME, TestAdmin.PASSWORD);

		assertThat(client.sessionId()).isNotNull().isNotEqualTo(before);
		assertThat(client.get("/compose").statusCode()).isEqualTo(200);
		client.setSessionId(before);
		assertThat(client.get("/compose").statusCode()).as("the id from before signing in").isEqualTo(302);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() {
		HttpResponse<String> login = new PortalClient(this.port).signIn(TestAdmin.NAME, TestAdmin.PASSWORD);

		assertThat(login.headers().allValues("Set-Cookie"))
			.filteredOn((cookie) -> cookie.startsWith(PortalClient.SESSION_COOKIE + "="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie.toLowerCase()).contains("; httponly", "; samesite=lax"));
	}

	/**
	 * Tomcat takes X-Forwarded-Proto from a proxy on an internal address, as the test's
	 * loopback is.
	 */
	@Test
	void theSessionCookieIsSecureBehindATlsProxy() {
		HttpResponse<String> login = new PortalClient(this.port).signIn(TestAdmin.NAME, TestAdmin.PASSWORD,
				"X-Forwarded-Proto", "https");

		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).startsWith("https://").endsWith("/compose"));
		assertThat(login.headers().allValues("Set-Cookie"))
			.filteredOn((cookie) -> cookie.startsWith(PortalClient.SESSION_COOKIE + "="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie.toLowerCase()).contains("; secure"));
	}

	@Test
	void signingOutEndsTheSession() {
		PortalClient client = PortalClient.admin(this.port);
		String session = client.sessionId();

		HttpResponse<String> logout = client.post("/logout", Map.of("_csrf", client.csrf().getValue()));

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
		client.setSessionId(session);
		assertThat(client.get("/compose").statusCode()).as("the session of before signing out").isEqualTo(302);
	}

	@Test
	void assetsLeaveTheSessionUnread() throws InterruptedException {
		String name = AccountTests.unique("assets");
		this.accounts.create(name, "a-long-password", Set.of(Role.VIEWER));
		PortalClient client = PortalClient.signedIn(this.port, name, "a-long-password");
		long signedIn = lastAccess(name);

		// as pages link them (hashed) and as a bookmark might (plain); the links from a
		// page of another client
		List<String> assets = new ArrayList<>(List.of("/css/app.css", "/js/composer.js", "/img/logo.svg"));
		Jsoup.parse(new PortalClient(this.port).get("/login").body())
			.select("link[rel=stylesheet], script[src]")
			.forEach((link) -> assets.add(link.hasAttr("src") ? link.attr("src") : link.attr("href")));

		// time passes, so that a touch of the session by an asset would show in its last
		// access: the
		// sleep is the thing under test, not a wait for something to happen
		Thread.sleep(5);
		for (String asset : assets) {
			HttpResponse<String> answer = client.get(asset);
			assertThat(answer.statusCode()).as(asset).isEqualTo(200);
			assertThat(answer.headers().allValues("Set-Cookie")).as(asset).isEmpty();
		}
		assertThat(lastAccess(name)).as("a session read is a session touched").isEqualTo(signedIn);

		client.get("/compose");
		assertThat(lastAccess(name)).as("a page reads the session").isGreaterThan(signedIn);
	}

	/** Spring Session writes the time of each request that read the session. */
	private long lastAccess(String name) {
		return this.jdbc.queryForObject("select LAST_ACCESS_TIME from SPRING_SESSION where PRINCIPAL_NAME = ?",
				Long.class, name);
	}

}
