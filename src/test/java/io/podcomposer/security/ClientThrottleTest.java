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
 * Failed sign-ins and unknown API tokens from one client address, past a limit (5 here), get a
 * 429 with Retry-After, even in a parallel burst; other addresses go on. The client address is
 * the one the test's proxy (a loopback address, so trusted) names in X-Forwarded-For.
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
	void ofABurstOfUnknownTokensFromOneClientOnlyTheLimitIsLookedUp() throws Exception {
		String client = newAddress();

		List<HttpResponse<String>> answers = inParallel(40,
				(i) -> new PortalClient(this.port).get("/api/v1/me", "Authorization", "Bearer pct_guess-" + i,
						"X-Forwarded-For", client));

		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 401).hasSize(5);
		List<HttpResponse<String>> throttled = answers.stream().filter((answer) -> answer.statusCode() == 429).toList();
		assertThat(throttled).hasSize(35).allSatisfy((answer) -> {
			assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(Integer.parseInt(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
			assertThat(answer.body()).contains("try again in");
		});
		assertThat(me(TestAdmin.BEARER, client).statusCode()).as("even a good token, from that client").isEqualTo(429);
		assertThat(me(TestAdmin.BEARER, newAddress()).statusCode()).as("another client").isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(me(TestAdmin.BEARER, client).statusCode()).as("a minute later").isEqualTo(200);
	}

	@Test
	void goodTokensDoNotCount() {
		String client = newAddress();

		for (int i = 0; i < 20; i++) {
			assertThat(me(TestAdmin.BEARER, client).statusCode()).isEqualTo(200);
		}
		assertThat(me("Bearer pct_guess", client).statusCode()).isEqualTo(401);
	}

	@Test
	void ofABurstOfWrongPasswordsFromOneClientOnlyTheLimitIsChecked() throws Exception {
		String client = newAddress();
		String name = TestAccounts.create(this.accounts, "throttled", Role.VIEWER);

		List<HttpResponse<String>> answers = inParallel(20,
				(i) -> new PortalClient(this.port).signIn(name, "wrong-password-" + i, "X-Forwarded-For", client));

		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 302).hasSize(5);
		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 429).hasSize(15).allSatisfy((answer) -> {
			assertThat(Integer.parseInt(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
			assertThat(Jsoup.parse(answer.body()).select("[role=alert]").text())
				.contains("Too many failed sign-ins came from your address");
		});
		HttpResponse<String> right = new PortalClient(this.port).signIn(name, TestAccounts.PASSWORD, "X-Forwarded-For",
				client);
		assertThat(right.statusCode()).as("even the right password, from that client").isEqualTo(429);
		assertThat(new PortalClient(this.port).signIn(name, TestAccounts.PASSWORD, "X-Forwarded-For", newAddress())
			.statusCode()).as("another client").isEqualTo(302);
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
