package io.podcomposer.system;

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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.podcomposer.TestAdmin;
import io.podcomposer.security.PortalClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy database over real HTTP, with the request threads as the portal runs them
 * (virtual, on Java 21 and later): more writers at once than Tomcat had platform threads
 * and the pool has connections, waiting for a row another transaction holds or for a
 * connection, each answer 503 with Retry-After once H2's lock timeout or the pool's has
 * passed; none hangs, and the portal serves other requests meanwhile. Both timeouts are
 * cut to a second here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:file:${podcomposer.data-dir}/podcomposer;LOCK_TIMEOUT=1000",
				"spring.datasource.hikari.connection-timeout=1000" })
class BusyDatabaseHttpTest {

	/** More than Tomcat's 200 platform request threads. */
	private static final int WRITERS = 250;

	/**
	 * A request that gets no answer in this time hangs, as far as this test is concerned.
	 */
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

		List<HttpResponse<String>> answers = withThePoolTaken(() -> {
			List<CompletableFuture<HttpResponse<String>>> writes = new ArrayList<>();
			for (int writer = 0; writer < WRITERS; writer++) {
				writes.add(this.http.sendAsync(update(id), BodyHandlers.ofString()));
			}
			return writes.stream().map(CompletableFuture::join).toList();
		});

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
			assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
		});
		assertThat(this.http.send(update(id), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenOrAPageThatNeedsTheTakenPoolAnswers503() throws Exception {
		PortalClient browser = PortalClient.admin(this.port);
		PortalClient newcomer = new PortalClient(this.port);

		List<HttpResponse<String>> answers = withThePoolTaken(() -> List.of(
				// a token the portal has not seen lately is looked up before any
				// controller runs
				this.http.send(request("/api/v1/templates").header("Authorization", "Bearer pct_" + UUID.randomUUID())
					.GET()
					.build(), BodyHandlers.ofString()),
				browser.get("/templates"), newcomer.signIn(TestAdmin.NAME, TestAdmin.PASSWORD)));

		HttpResponse<String> unknownToken = answers.get(0);
		assertThat(unknownToken.statusCode()).as(unknownToken.body()).isEqualTo(503);
		assertThat(unknownToken.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(unknownToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		HttpResponse<String> library = answers.get(1);
		assertThat(library.statusCode()).isEqualTo(503);
		assertThat(library.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(Jsoup.parse(library.body()).select("h2").text()).isEqualTo("The portal is busy");
		HttpResponse<String> signIn = answers.get(2);
		assertThat(signIn.statusCode()).as(signIn.headers().map().toString()).isEqualTo(503);
		assertThat(browser.get("/templates").statusCode()).isEqualTo(200);
	}

	/**
	 * Runs {@code work} while this test holds every connection of the pool, as requests
	 * that hold theirs for long.
	 */
	private <T> T withThePoolTaken(Callable<T> work) throws Exception {
		int size = this.dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
		List<Connection> pool = new ArrayList<>();
		try {
			for (int connection = 0; connection < size; connection++) {
				pool.add(this.dataSource.getConnection());
			}
			return work.call();
		}
		finally {
			for (Connection connection : pool) {
				connection.close();
			}
		}
	}

	private long createTemplate(String name) throws Exception {
		HttpResponse<String> created = this.http
			.send(request("/api/v1/templates").POST(BodyPublishers.ofString(document(name + "-" + UUID.randomUUID())))
				.build(), BodyHandlers.ofString());
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
