package io.podcomposer.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.podcomposer.TestAdmin;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy database over real HTTP, with the request threads as the portal runs them (virtual, on
 * Java 21 and later): more writers at once than Tomcat had platform threads and the pool has
 * connections, waiting for a row another transaction holds or for a connection, each answer 503
 * with Retry-After once H2's lock timeout or the pool's has passed; none hangs, and the portal
 * serves other requests meanwhile. Both timeouts are cut to a second here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:file:${podcomposer.data-dir}/podcomposer;LOCK_TIMEOUT=1000",
		"spring.datasource.hikari.connection-timeout=1000" })
class BusyDatabaseHttpTest {

	/** More than Tomcat's 200 platform request threads. */
	private static final int WRITERS = 250;

	/** A request that gets no answer in this time hangs, as far as this test is concerned. */
	private static final Duration HANG = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Test
	void writersOfARowAnotherTransactionHoldsAnswer503AndOthersAreServedMeanwhile() throws Exception {
		long id = createTemplate("busy-row");
		List<HttpResponse<String>> answers;
		HttpResponse<String> validated;
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			holder.createStatement().executeUpdate("update template set description = 'held' where id = " + id);
			List<CompletableFuture<HttpResponse<String>>> writes = new ArrayList<>();
			for (int writer = 0; writer < WRITERS; writer++) {
				writes.add(this.http.sendAsync(update(id), BodyHandlers.ofString()));
			}
			validated = this.http.send(validate(), BodyHandlers.ofString());
			answers = writes.stream().map(CompletableFuture::join).toList();
			holder.rollback();
		}

		assertThat(validated.statusCode()).isEqualTo(200);
		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
			assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
		});
		assertThat(this.http.send(update(id), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	@Test
	void requestsWaitingPastThePoolTimeoutForAConnectionAnswer503() throws Exception {
		long id = createTemplate("busy-pool");
		List<Connection> pool = new ArrayList<>();
		List<HttpResponse<String>> answers;
		try {
			// the whole pool (10) taken, as by requests that hold their connections for long
			for (int connection = 0; connection < 10; connection++) {
				pool.add(this.dataSource.getConnection());
			}
			List<CompletableFuture<HttpResponse<String>>> writes = new ArrayList<>();
			for (int writer = 0; writer < WRITERS; writer++) {
				writes.add(this.http.sendAsync(update(id), BodyHandlers.ofString()));
			}
			answers = writes.stream().map(CompletableFuture::join).toList();
		}
		finally {
			for (Connection connection : pool) {
				connection.close();
			}
		}

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
			assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
		});
		assertThat(this.http.send(update(id), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenOrAPageThatNeedsTheTakenPoolAnswers503() throws Exception {
		HttpClient browser = browser();
		HttpResponse<String> signedIn = browser.send(signIn(browser), BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/compose"));
		HttpClient newcomer = browser();
		HttpRequest newcomerSignIn = signIn(newcomer);
		List<Connection> pool = new ArrayList<>();
		HttpResponse<String> unknownToken;
		HttpResponse<String> library;
		HttpResponse<String> signInAgain;
		try {
			for (int connection = 0; connection < 10; connection++) {
				pool.add(this.dataSource.getConnection());
			}
			// a token the portal has not seen lately is looked up before any controller runs
			unknownToken = this.http.send(request("/api/v1/templates").header("Authorization", "Bearer pct_" + UUID.randomUUID())
				.GET()
				.build(), BodyHandlers.ofString());
			library = browser.send(page("/templates").GET().build(), BodyHandlers.ofString());
			signInAgain = newcomer.send(newcomerSignIn, BodyHandlers.ofString());
		}
		finally {
			for (Connection connection : pool) {
				connection.close();
			}
		}

		assertThat(unknownToken.statusCode()).as(unknownToken.body()).isEqualTo(503);
		assertThat(unknownToken.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(unknownToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(library.statusCode()).isEqualTo(503);
		assertThat(library.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(Jsoup.parse(library.body()).select("h2").text()).isEqualTo("The portal is busy");
		assertThat(signInAgain.statusCode()).as(signInAgain.headers().map().toString()).isEqualTo(503);
		assertThat(browser.send(page("/templates").GET().build(), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();
	}

	private HttpRequest signIn(HttpClient browser) throws Exception {
		String csrf = Jsoup.parse(browser.send(page("/login").GET().build(), BodyHandlers.ofString()).body())
			.selectFirst("input[name=_csrf]")
			.val();
		return page("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=" + TestAdmin.NAME + "&password=" + TestAdmin.PASSWORD + "&_csrf=" + csrf))
			.build();
	}

	private HttpRequest.Builder page(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).timeout(HANG);
	}

	private long createTemplate(String name) throws Exception {
		HttpResponse<String> created = this.http.send(
				request("/api/v1/templates").POST(BodyPublishers.ofString(document(name + "-" + UUID.randomUUID())))
					.build(),
				BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonMapper.shared().readTree(created.body()).get("id").asLong();
	}

	private HttpRequest update(long id) {
		return request("/api/v1/templates/" + id).header("If-Match", "\"1\"")
			.PUT(BodyPublishers.ofString(document("busy-" + id)))
			.build();
	}

	private HttpRequest validate() {
		return request("/api/v1/validate").POST(BodyPublishers.ofString("""
				apiVersion: v1
				kind: Pod
				metadata: {name: web}
				spec:
				  containers: [{name: web, image: nginx:1.27}]
				""")).build();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(HANG)
			.header("Authorization", TestAdmin.BEARER)
			.header("Content-Type", "application/yaml");
	}

	private static String document(String name) {
		return """
				name: %s
				manifest:
				  apiVersion: v1
				  kind: Pod
				  metadata: {name: web}
				  spec:
				    containers: [{name: web, image: nginx:1.27}]
				""".formatted(name);
	}

}
