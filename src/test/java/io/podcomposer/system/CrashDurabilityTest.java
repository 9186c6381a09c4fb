package io.podcomposer.system;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.PodComposerApplication;
import io.podcomposer.TestDatabase;
import io.podcomposer.manifest.ManifestReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A save the portal answered with a 2xx survives the portal's process being killed
 * ({@code SIGKILL}) at any moment. The portal runs in a process of its own; writers
 * create and change templates from several threads until it is killed at a random moment;
 * it starts again on the same database, and every acknowledged revision must be there
 * with its content, and each template's revisions whole. On H2 the database dies with the
 * process; on PostgreSQL only the portal does.
 */
@AlsoOnPostgres
class CrashDurabilityTest {

	private static final String PASSWORD = "crash-admin-password";

	private static final String TOKEN = "pct_crash-admin-token";

	private static final int ROUNDS = 3;

	private static final int WRITERS = 8;

	/** Revisions each writer saves of a template before it creates the next. */
	private static final int REVISIONS = 5;

	private static final Duration START_UP = Duration.ofMinutes(3);

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void everyAcknowledgedSaveSurvivesAKillAtARandomMoment(@TempDir Path work) throws Exception {
		List<String> database = TestDatabase.create(work.resolve("data"));
		long seed = System.nanoTime();
		Random random = new Random(seed);
		// template id: the latest revision the portal acknowledged, over all rounds
		Map<Long, Acknowledged> acknowledged = new ConcurrentHashMap<>();
		Portal portal = Portal.start(work, 0, database);
		try {
			for (int round = 1; round <= ROUNDS; round++) {
				Writers writers = new Writers(portal, round, acknowledged);
				assertThat(writers.firstSaves.await(START_UP.toSeconds(), TimeUnit.SECONDS))
					.as("the writers saved templates; the portal's log:%n%s", portal.log())
					.isTrue();
				// the kill falls anywhere in the next second and a half of saves: a
				// random moment is the
				// thing under test, so this sleep waits for no condition
				Thread.sleep(random.nextInt(1500));
				writers.killed();
				portal.kill();
				writers.stop();
				assertThat(writers.unexpected).as("answers while the portal ran (seed %d)", seed).isEmpty();

				portal = Portal.start(work, round, database);
				List<String> lost = lost(portal, acknowledged);
				assertThat(lost)
					.as("acknowledged saves missing after kill %d of %d acknowledged (seed %d)", round,
							acknowledged.size(), seed)
					.isEmpty();
			}
		}
		finally {
			portal.kill();
		}
	}

	/**
	 * What is missing of what was acknowledged: a template behind, a revision gone or
	 * changed, a gap.
	 */
	private List<String> lost(Portal portal, Map<Long, Acknowledged> acknowledged) throws Exception {
		List<String> lost = new ArrayList<>();
		for (Map.Entry<Long, Acknowledged> entry : acknowledged.entrySet()) {
			long id = entry.getKey();
			Acknowledged saved = entry.getValue();
			HttpResponse<String> template = send(portal, "GET", "/api/v1/templates/" + id, null, null);
			if (template.statusCode() != 200) {
				lost.add("template " + id + ": " + template.statusCode() + ", acknowledged at revision "
						+ saved.revision());
				continue;
			}
			int current = json(template).path("revision").asInt();
			if (current < saved.revision()) {
				lost.add("template " + id + " at revision " + current + ", acknowledged at " + saved.revision());
			}
			List<Integer> numbers = json(send(portal, "GET", "/api/v1/templates/" + id + "/revisions", null, null))
				.values()
				.stream()
				.map((revision) -> revision.path("revision").asInt())
				.sorted()
				.toList();
			if (!numbers.equals(IntStream.rangeClosed(1, current).boxed().toList())) {
				lost.add("template " + id + " at revision " + current + " has the revisions " + numbers);
			}
			HttpResponse<String> revision = send(portal, "GET",
					"/api/v1/templates/" + id + "/revisions/" + saved.revision(), null, null);
			if (revision.statusCode() != 200 || !revision.body().contains(saved.image())) {
				lost.add("template " + id + " revision " + saved.revision() + ": " + revision.statusCode()
						+ ", without " + saved.image());
			}
		}
		return lost;
	}

	private HttpResponse<String> send(Portal portal, String method, String path, String ifMatch, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return ManifestReader.readJson(response.body());
	}

	private static String document(String name, String image) {
		return "{\"name\": \"" + name + "\", \"manifest\": {\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": "
				+ "{\"name\": \"web\"}, \"spec\": {\"containers\": [{\"name\": \"web\", \"image\": \"" + image
				+ "\"}]}}}";
	}

	/**
	 * The latest revision of a template that the portal answered 200 or 201 for, and its
	 * image.
	 */
	private record Acknowledged(int revision, String image) {
	}

	/**
	 * Threads that each create a template, save revisions of it, and go on to the next,
	 * until the portal stops answering; each records what was acknowledged, and any
	 * answer that is not a 2xx.
	 */
	private final class Writers {

		private final Portal portal;

		private final int round;

		private final Map<Long, Acknowledged> acknowledged;

		/**
		 * Counted down by the first saves of the round, so that the kill falls among
		 * saves.
		 */
		final CountDownLatch firstSaves = new CountDownLatch(4 * WRITERS);

		final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

		private final List<Thread> threads = new ArrayList<>();

		private volatile boolean killed;

		Writers(Portal portal, int round, Map<Long, Acknowledged> acknowledged) {
			this.portal = portal;
			this.round = round;
			this.acknowledged = acknowledged;
			for (int writer = 0; writer < WRITERS; writer++) {
				int number = writer;
				Thread thread = new Thread(() -> write(number), "writer-" + writer);
				thread.start();
				this.threads.add(thread);
			}
		}

		private void write(int writer) {
			try {
				for (int n = 0;; n++) {
					String name = "crash-" + this.round + "-" + writer + "-" + n;
					HttpResponse<String> created = send(this.portal, "POST", "/api/v1/templates", null,
							document(name, image(name, 1)));
					if (!expect(created, 201)) {
						return;
					}
					long id = json(created).path("id").asLong();
					saved(id, 1, name);
					for (int revision = 2; revision <= REVISIONS; revision++) {
						HttpResponse<String> changed = send(this.portal, "PUT", "/api/v1/templates/" + id,
								"\"" + (revision - 1) + "\"", document(name, image(name, revision)));
						if (!expect(changed, 200)) {
							return;
						}
						saved(id, revision, name);
					}
				}
			}
			catch (IOException ex) {
				// the portal is gone: expected once it was killed
				if (!this.killed) {
					this.unexpected.add("before the kill: " + ex);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private boolean expect(HttpResponse<String> response, int status) {
			if (response.statusCode() != status) {
				this.unexpected.add(response.statusCode() + " " + response.body());
				return false;
			}
			return true;
		}

		private void saved(long id, int revision, String name) {
			this.acknowledged.put(id, new Acknowledged(revision, image(name, revision)));
			this.firstSaves.countDown();
		}

		private static String image(String name, int revision) {
			return "registry.example/" + name + ":r" + revision;
		}

		/**
		 * Waits for every writer to notice that the portal is gone; call after the kill.
		 */
		void stop() throws InterruptedException {
			for (Thread thread : this.threads) {
				thread.join(Duration.ofMinutes(1).toMillis());
				assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
			}
		}

		/** Marks the moment of the kill: from then on, a failed request is the kill's. */
		void killed() {
			this.killed = true;
		}

	}

	/**
	 * The portal in a {@code java} process of its own, started as an operator starts it,
	 * with the test's classpath, its output in a log file of the run.
	 */
	private static final class Portal {

		private static final HttpClient READINESS = HttpClient.newHttpClient();

		private final Process process;

		private final Path log;

		private final int port;

		private Portal(Process process, Path log, int port) {
			this.process = process;
			this.log = log;
			this.port = port;
		}

		static Portal start(Path work, int run, List<String> database) throws Exception {
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
							"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
							PodComposerApplication.class.getName(), "--server.port=0", "--server.address=127.0.0.1",
							"--PODCOMPOSER_ADMIN_PASSWORD=" + PASSWORD, "--PODCOMPOSER_ADMIN_TOKEN=" + TOKEN));
			command.addAll(database);
			Path log = work.resolve("portal-" + run + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Redirect.to(log.toFile()))
				.start();
			long deadline = System.nanoTime() + START_UP.toNanos();
			while (System.nanoTime() < deadline) {
				assertThat(process.isAlive()).as("the portal is running; its log:%n%s", Files.readString(log)).isTrue();
				Matcher started = STARTED.matcher(Files.readString(log));
				if (started.find() && ready(Integer.parseInt(started.group(1)))) {
					return new Portal(process, log, Integer.parseInt(started.group(1)));
				}
				Thread.sleep(100);
			}
			process.destroyForcibly();
			throw new AssertionError("not started within " + START_UP + "; its log:\n" + Files.readString(log));
		}

		/**
		 * Whether the portal has run its start-up tasks (the admin's token among them)
		 * and takes requests.
		 */
		private static boolean ready(int port) throws InterruptedException {
			try {
				return READINESS
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException notYet) {
				return false;
			}
		}

		int port() {
			return this.port;
		}

		String log() throws IOException {
			return Files.readString(this.log);
		}

		/**
		 * {@code SIGKILL} on Linux: no shutdown hook runs, nothing is flushed or closed.
		 */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor();
		}

	}

}
