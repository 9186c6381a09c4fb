package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.podcomposer.TestAdmin;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins and unknown API tokens from one client address, past a limit (5 here),
 * get a 429 with Retry-After, after a parallel burst too; other addresses go on. The
 * client address is the one the test's proxy (a loopback address, so trusted) names in
 * X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "podcomposer.security.throttle.failures=5", "podcomposer.security.throttle.window=1m" })
@Import(MovableClock.Config.class)
class ClientThrottleTest {

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

	@LocalServerPort
	private int port;

	@Autowired
	private AccountService accounts;

	@Autowired
	private MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void unknownTokensFromOneClientGet429sPastTheLimit() {
		String client = newAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(me("Bearer pct_guess-" + i, client).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> throttled = me("Bearer pct_guess-5", client);

		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Integer.parseInt(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
		assertThat(throttled.body()).contains("try again in");
		assertThat(me(TestAdmin.BEARER, client).statusCode()).as("even a good token, from that client").isEqualTo(429);
		assertThat(me(TestAdmin.BEARER, newAddress()).statusCode()).as("another client").isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(me(TestAdmin.BEARER, client).statusCode()).as("a minute later").isEqualTo(200);
	}

	@Test
	void aParallelBurstOfUnknownTokensIsThrottled() throws Exception {
		String client = newAddress();

		List<HttpResponse<String>> answers = inParallel(40, (i) -> me("Bearer pct_guess-" + i, client));

		assertThat(answers).extracting(HttpResponse::statusCode).isSubsetOf(401, 429);
		assertThat(me("Bearer pct_guess", client).statusCode()).isEqualTo(429);
	}

	@Test
	void goodTokensDoNotCountEvenInParallel() throws Exception {
		String client = newAddress();

		assertThat(inParallel(40, (i) -> me(TestAdmin.BEARER, client))).extracting(HttpResponse::statusCode)
			.containsOnly(200);
		assertThat(me("Bearer pct_guess", client).statusCode()).isEqualTo(401);
	}

	@Test
	void wrongPasswordsFromOneClientGetTheLoginPageWith429PastTheLimit() {
		String client = newAddress();
		String name = TestAccounts.create(this.accounts, "throttled", Role.VIEWER);
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(name, "wrong-password-" + i, client).headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		}

		HttpResponse<String> throttled = signIn(name, TestAccounts.PASSWORD, client);

		assertThat(throttled.statusCode()).as("even the right password, from that client").isEqualTo(429);
		assertThat(Integer.parseInt(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
		assertThat(Jsoup.parse(throttled.body()).select("[role=alert]").text())
			.contains("Too many failed sign-ins came from your address");
		assertThat(signIn(name, TestAccounts.PASSWORD, newAddress()).statusCode()).as("another client").isEqualTo(302);
	}

	@Test
	void aParallelBurstOfWrongPasswordsIsThrottled() throws Exception {
		String client = newAddress();
		String name = TestAccounts.create(this.accounts, "throttled", Role.VIEWER);

		List<HttpResponse<String>> answers = inParallel(20, (i) -> signIn(name, "wrong-password-" + i, client));

		assertThat(answers).extracting(HttpResponse::statusCode).isSubsetOf(302, 429);
		assertThat(signIn(name, "wrong-password", client).statusCode()).isEqualTo(429);
	}

	private HttpResponse<String> signIn(String name, String password, String client) {
		return new PortalClient(this.port).signIn(name, password, "X-Forwarded-For", client);
	}

	private HttpResponse<String> me(String authorization, String client) {
		return new PortalClient(this.port).get("/api/v1/me", "Authorization", authorization, "X-Forwarded-For", client);
	}

	/** A documentation address (TEST-NET-3) of the test's own. */
	private static String newAddress() {
		return "203.0.113." + NEXT_ADDRESS.getAndIncrement();
	}

	/** The requests, each on a thread of its own, let go at once. */
	private static List<HttpResponse<String>> inParallel(int count, Function<Integer, HttpResponse<String>> request)
			throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int each = i;
				answers.add(threads.submit(() -> {
					start.await();
					return request.apply(each);
				}));
			}
			start.countDown();
			List<HttpResponse<String>> done = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				done.add(answer.get(60, TimeUnit.SECONDS));
			}
			return done;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
