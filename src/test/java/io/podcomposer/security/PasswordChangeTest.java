package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.podcomposer.security.AccountTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users change their own password on the profile page: the current one first, the new one
 * twice and by the rules an admin's reset follows; audited; their other sessions end,
 * this one stays.
 */
@SecurityTest
class PasswordChangeTest {

	private static final String PASSWORD = "a-long-password";

	private static final String NEW_PASSWORD = "a-new-long-password";

	@LocalServerPort
	private int port;

	@Autowired
	private AccountService accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aUserChangesTheirPasswordAndTheirOtherSessionsEnd() {
		String name = someone();
		PortalClient here = PortalClient.signedIn(this.port, name, PASSWORD);
		PortalClient elsewhere = PortalClient.signedIn(this.port, name, PASSWORD);

		HttpResponse<String> changed = change(here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/profile"));
		Document profile = profile(here);
		assertThat(profile.select(".notice").text()).startsWith("Password changed.");
		assertThat(elsewhere.get("/profile").headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?expired"));
		assertThat(new PortalClient(this.port).signIn(name, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));
		PortalClient.signedIn(this.port, name, NEW_PASSWORD);
		assertThat(audited(name, "PASSWORD_CHANGED", "SUCCESS")).isOne();
	}

	@Test
	void aWrongCurrentPasswordIsRefusedAuditedAndCounted() {
		String name = someone();
		PortalClient client = PortalClient.signedIn(this.port, name, PASSWORD);

		change(client, "not-the-password", NEW_PASSWORD, NEW_PASSWORD);

		assertThat(problem(client)).isEqualTo("the current password is not right");
		assertThat(audited(name, "PASSWORD_CHANGE_FAILED", "FAILURE")).isOne();
		assertThat(
				this.jdbc.queryForObject("select failed_logins from user_account where name = ?", Integer.class, name))
			.isOne();
		PortalClient.signedIn(this.port, name, PASSWORD);
	}

	@Test
	void theNewPasswordFollowsTheRulesAndIsTypedTwiceTheSame() {
		String name = someone();
		PortalClient client = PortalClient.signedIn(this.port, name, PASSWORD);

		change(client, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x");
		assertThat(problem(client)).startsWith("the new password and its repetition differ");

		change(client, PASSWORD, "short", "short");
		assertThat(problem(client)).isEqualTo("a password needs at least 10 characters");

		String tooLong = "a-password" + "é".repeat(32);
		change(client, PASSWORD, tooLong, tooLong);
		assertThat(problem(client)).startsWith("a password has at most 72 bytes");

		PortalClient.signedIn(this.port, name, PASSWORD);
		assertThat(audited(name, "PASSWORD_CHANGED", "SUCCESS")).isZero();
	}

	@Test
	void withoutItsCsrfTokenTheFormIsRefused() {
		String name = someone();
		PortalClient client = PortalClient.signedIn(this.port, name, PASSWORD);

		HttpResponse<String> refused = client.post("/profile/password",
				Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "repeatedPassword", NEW_PASSWORD));

		assertThat(refused.statusCode()).isEqualTo(403);
		PortalClient.signedIn(this.port, name, PASSWORD);
	}

	private String someone() {
		String name = unique("pw");
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER));
		return name;
	}

	private static HttpResponse<String> change(PortalClient client, String current, String newPassword,
			String repeated) {
		String csrf = profile(client).selectFirst("form[action='/profile/password'] input[name=_csrf]").val();
		return client.post("/profile/password", Map.of("currentPassword", current, "newPassword", newPassword,
				"repeatedPassword", repeated, "_csrf", csrf));
	}

	private static Document profile(PortalClient client) {
		HttpResponse<String> page = client.get("/profile");
		assertThat(page.statusCode()).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private static String problem(PortalClient client) {
		return profile(client).select("section:has(#password-title) .form-problem").text();
	}

	private Integer audited(String name, String action, String outcome) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where target = ? and action = ? and outcome = ?", Integer.class, name,
				action, outcome);
	}

}
