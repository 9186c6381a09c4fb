package io.podcomposer.clusters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.podcomposer.PodComposerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal started on a data folder of a test's own, with cluster settings given as an
 * operator gives them, and its cluster API called over HTTP with an admin token.
 * Command-line arguments, so that they win over the settings the build gives every test.
 */
final class ClusterPortal implements AutoCloseable {

	private static final String ADMIN_TOKEN = "pct_cluster-portal-admin";

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	private ClusterPortal(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * @param settings such as {@code podcomposer.clusters.allow-exec=true}
	 */
	static ClusterPortal start(Path dataDir, String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--podcomposer.data-dir=" + dataDir,
				"--PODCOMPOSER_ADMIN_PASSWORD=cluster-portal-password", "--PODCOMPOSER_ADMIN_TOKEN=" + ADMIN_TOKEN));
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return new ClusterPortal(
				new SpringApplicationBuilder(PodComposerApplication.class).run(args.toArray(String[]::new)));
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** Calls the API as the admin; a body is sent as JSON. */
	HttpResponse<String> send(String method, String path, String body) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:"
					+ this.context.getEnvironment().getRequiredProperty("local.server.port") + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code GET /api/v1/clusters}, as a list. */
	List<JsonNode> clusters() {
		HttpResponse<String> list = send("GET", "/api/v1/clusters", null);
		assertThat(list.statusCode()).isEqualTo(200);
		return JsonMapper.shared().readTree(list.body()).valueStream().toList();
	}

	/** {@code POST /api/v1/clusters/{id}/check}, which must answer 200. */
	JsonNode check(long id) {
		HttpResponse<String> check = send("POST", "/api/v1/clusters/" + id + "/check", null);
		assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
		return JsonMapper.shared().readTree(check.body());
	}

	/**
	 * Runs the call on two threads let go at the same moment, as two instances starting
	 * together.
	 */
	static <T> List<T> twiceAtOnce(Callable<T> call) throws InterruptedException, ExecutionException {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			Callable<T> waiting = () -> {
				start.await();
				return call.call();
			};
			List<Future<T>> results = List.of(pool.submit(waiting), pool.submit(waiting));
			start.countDown();
			return List.of(results.get(0).get(), results.get(1).get());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Stops the portal; its database is closed and written to its file. */
	@Override
	public void close() {
		this.context.close();
	}

}
