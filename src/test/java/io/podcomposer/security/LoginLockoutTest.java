package io.podcomposer.security;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.podcomposer.AlsoOnPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * Ten failed logins in a row lock an account for 15 minutes, whatever password comes
 * next, and its API tokens with it. Parallel attempts are counted as if they came one
 * after another.
 */
@SecurityTest
@AlsoOnPostgres
class LoginLockoutTest {

	@LocalServerPort
	private int port;

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
				Integer.class))
			.isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where actor like ? or target like ? or detail like ?", Integer.class,
				"%" + typed + "%", "%" + typed + "%", "%" + typed + "%"))
			.isZero();
	}

	@Test
	void tenParallelWrongPasswordsLockTheAccount() throws Exception {
		String name = newUser();

		assertThat(awaitAll(inParallel(Collections.nCopies(10, WRONG), name))).containsOnly("/login?error");
		assertThat(signIn(name, TestAccounts.PASSWORD)).isEqualTo("/login?error");
		assertThat(audited(name, "ACCOUNT_LOCKED", "SUCCESS")).isEqualTo(1);
	}

	@Test
	void ofABurstOfWrongPasswordsOnlyTenAreChecked() throws Exception {
		String name = newUser();

		assertThat(awaitAll(inParallel(Collections.nCopies(30, WRONG), name))).containsOnly("/login?error");

		assertThat(audited(name, "LOGIN_FAILED", "FAILURE")).as("passwords checked").isEqualTo(10);
		assertThat(audited(name, "LOGIN_FAILED", "DENIED")).as("refused as locked, unread").isEqualTo(20);
		assertThat(audited(name, "ACCOUNT_LOCKED", "SUCCESS")).isEqualTo(1);
	}

	@Test
	void theRightPasswordSentDuringABurstThatCrossedTheLimitIsRefused() throws Exception {
		String name = newUser();
		List<Future<String>> burst = inParallel(Collections.nCopies(29, WRONG), name);
		// ten attempts counted: the tenth may still be having its password checked
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> failedLogins(name) >= 10 || burst.stream().allMatch(Future::isDone));

		assertThat(signIn(name, TestAccounts.PASSWORD)).isEqualTo("/login?error");
		assertThat(awaitAll(burst)).containsOnly("/login?error");
		assertThat(audited(name, "LOGIN", "SUCCESS")).isZero();
	}

	@Test
	void aLockedAccountsTokensStopWorkingUntilTheLockEnds() throws Exception {
		String name = newUser();
		String bearer = "Bearer " + this.accounts.createToken(name, "ci").token();
		PortalClient client = new PortalClient(this.port);
		assertThat(client.get("/api/v1/me", "Authorization", bearer).statusCode()).isEqualTo(200);

		failTimes(name, 10);

		HttpResponse<String> locked = client.get("/api/v1/me", "Authorization", bearer);
		assertThat(locked.statusCode()).isEqualTo(401);
		assertThat(locked.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(locked.body()).contains("disabled or locked");
		this.clock.advance(LoginAttempts.LOCKOUT);
		assertThat(client.get("/api/v1/me", "Authorization", bearer).statusCode()).as("the lock ended").isEqualTo(200);
	}

	/**
	 * Each password signed in with by a client of its own, all let go at once: where each
	 * will be sent.
	 */
	private List<Future<String>> inParallel(List<String> passwords, String name) throws InterruptedException {
		ExecutorService threads = Executors.newFixedThreadPool(passwords.size());
		CountDownLatch ready = new CountDownLatch(passwords.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> answers = new ArrayList<>();
		for (String password : passwords) {
			answers.add(threads.submit(() -> {
				PortalClient client = new PortalClient(this.port);
				client.get("/login");
				ready.countDown();
				start.await();
				URI location = URI.create(client.signIn(name, password).headers().firstValue("Location").orElseThrow());
				return location.getPath() + ((location.getQuery() != null) ? "?" + location.getQuery() : "");
			}));
		}
		threads.shutdown();
		ready.await();
		start.countDown();
		return answers;
	}

	private static List<String> awaitAll(List<Future<String>> answers) throws Exception {
		List<String> sentTo = new ArrayList<>();
		for (Future<String> answer : answers) {
			sentTo.add(answer.get(60, TimeUnit.SECONDS));
		}
		return sentTo;
	}

	private int failedLogins(String name) {
		return this.jdbc.queryForObject("select failed_logins from user_account where name = ?", Integer.class, name);
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
