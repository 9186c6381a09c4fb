package io.podcomposer.security;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/** Ten failed logins in a row lock an account for 15 minutes, whatever password comes next. */
@SecurityTest
class LoginLockoutTest {

	private static final String WRONG = "not-the-password";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MovableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void tenWrongPasswordsInARowLockTheAccountEvenForTheRightPassword() throws Exception {
		String name = newUser();
		failTimes(name, 10);

		assertThat(signIn(name, TestAccounts.PASSWORD)).isEqualTo("/login?error");
		this.clock.advance(LoginAttempts.LOCKOUT.minusSeconds(5));
		assertThat(signIn(name, TestAccounts.PASSWORD)).as("shortly before the lock ends").isEqualTo("/login?error");
	}

	@Test
	void theRightPasswordWorksAgainFifteenMinutesLater() throws Exception {
		String name = newUser();
		failTimes(name, 10);

		this.clock.advance(Duration.ofMinutes(15));

		assertThat(signIn(name, TestAccounts.PASSWORD)).isEqualTo("/compose");
	}

	@Test
	void aSuccessfulLoginStartsTheCountAgain() throws Exception {
		String name = newUser();
		failTimes(name, 9);
		assertThat(signIn(name, TestAccounts.PASSWORD)).isEqualTo("/compose");
		failTimes(name, 9);

		assertThat(signIn(name, TestAccounts.PASSWORD)).isEqualTo("/compose");
	}

	@Test
	void failedLoginsTheLockAndLoginsRefusedWhileLockedAreAudited() throws Exception {
		String name = newUser();
		failTimes(name, 10);
		signIn(name, TestAccounts.PASSWORD);

		assertThat(audited(name, "LOGIN_FAILED", "FAILURE")).isEqualTo(10);
		assertThat(audited(name, "ACCOUNT_LOCKED", "SUCCESS")).isEqualTo(1);
		assertThat(audited(name, "LOGIN_FAILED", "DENIED")).as("the right password while locked").isEqualTo(1);
		assertThat(audited(name, "LOGIN", "SUCCESS")).isZero();
	}

	@Test
	void aFailedLoginWithAnUnknownNameIsAuditedWithoutWhatWasTyped() throws Exception {
		String typed = "my-secret-password-" + System.nanoTime();
		int before = this.jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_FAILED'",
				Integer.class);

		assertThat(signIn(typed, "whatever-else")).isEqualTo("/login?error");

		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where action = 'LOGIN_FAILED'",
				Integer.class)).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where actor like ? or target like ? or detail like ?", Integer.class,
				"%" + typed + "%", "%" + typed + "%", "%" + typed + "%"))
			.isZero();
	}

	private String newUser() {
		return TestAccounts.create(this.accounts, "lockout", Role.VIEWER);
	}

	private void failTimes(String name, int times) throws Exception {
		for (int i = 0; i < times; i++) {
			assertThat(signIn(name, WRONG)).isEqualTo("/login?error");
		}
	}

	/** Where the login form sends the browser: the composer, or back with an error. */
	private String signIn(String name, String password) throws Exception {
		return this.mvc.perform(formLogin().user(name).password(password)).andReturn().getResponse().getRedirectedUrl();
	}

	private int audited(String target, String action, String outcome) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where target = ? and action = ? and outcome = ?", Integer.class,
				target, action, outcome);
	}

}
