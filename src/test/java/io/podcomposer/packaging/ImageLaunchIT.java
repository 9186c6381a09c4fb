package io.podcomposer.packaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.security.PortalClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar started the way the image starts it, which no other test does: extracted, with
 * the class archive of a training run and the application context worked out at build time
 * (Spring AOT), whose conditions were evaluated then and not at start-up. On H2, and on
 * PostgreSQL with the {@code postgres} profile when the build has a database for it (as .ci/run
 * gives). Runs after {@code package}, as {@code verify} does.
 */
class ImageLaunchIT {

	private static final String TOKEN = "pct_image-launch-token";

	private static final String[] BEARER = { "Authorization", "Bearer " + TOKEN };

	private static final Duration START_UP = Duration.ofMinutes(3);

	/** The image's application folder, built once: the jar extracted and the class archive trained. */
	@TempDir
	static Path image;

	@BeforeAll
	static void buildTheImagesApplicationFolder() throws Exception {
		Path log = image.resolve("training.log");
		// the training run of the image build, on the embedded database as there: it writes the class
		// archive the image starts with
		Process training = start(extracted(image), trainingCommand(), image.resolve("training"), Map.of(), log);
		if (!training.waitFor(START_UP.toSeconds(), TimeUnit.SECONDS)) {
			training.destroyForcibly();
			throw new AssertionError("the training run did not end within " + START_UP + "; its log:\n"
					+ Files.readString(log));
		}
		assertThat(training.exitValue()).as(Files.readString(log)).isZero();
		assertThat(image.resolve("application/application.jsa")).isNotEmptyFile();
	}

	@Test
	void onTheEmbeddedDatabase(@TempDir Path work) throws Exception {
		launchAndUse(work, Map.of());
	}

	@Test
	void onPostgreSqlWithItsProfile(@TempDir Path work) throws Exception {
		String url = System.getenv("PODCOMPOSER_TEST_POSTGRES_URL");
		assumeTrue(url != null, "PODCOMPOSER_TEST_POSTGRES_URL names no database");
		launchAndUse(work,
				Map.of("SPRING_PROFILES_ACTIVE", "postgres", "SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME",
						System.getenv("PODCOMPOSER_TEST_POSTGRES_USERNAME"), "SPRING_DATASOURCE_PASSWORD",
						System.getenv().getOrDefault("PODCOMPOSER_TEST_POSTGRES_PASSWORD", "")));
	}

	private void launchAndUse(Path work, Map<String, String> database) throws Exception {
		Path log = work.resolve("portal.log");
		int port = freePort();
		List<String> command = new ArrayList<>(entrypoint());
		command.add("--server.port=" + port);
		Process portal = start(image.resolve("application"), command, work.resolve("data"), database, log);
		try {
			PortalClient client = new PortalClient(port);
			awaitReady(portal, client, log);
			assertThat(Files.readString(log)).contains("Starting AOT-processed");
			use(client);
		}
		finally {
			portal.destroy();
			if (!portal.waitFor(30, TimeUnit.SECONDS)) {
				portal.destroyForcibly();
			}
		}
	}

	/**
	 * Validate, save, find and render a template through the API, and load the sign-in page (on
	 * PostgreSQL the database is the test suite's, whose admin has a password of its own).
	 */
	private static void use(PortalClient client) {
		String pod = """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: launched
				spec:
				  containers:
				  - name: web
				    image: nginx:1.27
				""";
		HttpResponse<String> validated = client.post("/api/v1/validate", "application/yaml", pod, BEARER);
		assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
		assertThat(json(validated).path("valid").asBoolean()).isTrue();

		String name = "launched-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = client.post("/api/v1/templates", "application/json",
				"{\"name\": \"" + name + "\", \"tags\": [\"image\"], \"manifest\": " + ManifestReader.readYaml(pod) + "}",
				BEARER);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).path("id").asLong();

		HttpResponse<String> found = client.get("/api/v1/templates?q=" + name + "&tag=image", BEARER);
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(json(found).path("items").values()).extracting((item) -> item.path("name").asString())
			.containsExactly(name);

		HttpResponse<String> rendered = client.get("/api/v1/templates/" + id + "/render?kind=Deployment", BEARER);
		assertThat(rendered.statusCode()).as(rendered.body()).isEqualTo(200);
		assertThat(rendered.body()).contains("kind: Deployment", "image: nginx:1.27");

		HttpResponse<String> login = client.get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("name=\"_csrf\"");
	}

	private static JsonNode json(HttpResponse<String> response) {
		return ManifestReader.readJson(response.body());
	}

	private static void awaitReady(Process portal, PortalClient client, Path log) throws Exception {
		long deadline = System.nanoTime() + START_UP.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(portal.isAlive()).as("the portal is running; its log:%n%s", Files.readString(log)).isTrue();
			try {
				HttpResponse<String> health = client.get("/actuator/health/readiness");
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IllegalStateException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not ready within " + START_UP + "; its log:\n" + Files.readString(log));
	}

	/** The packaged jar extracted and its layers put together, as the image's build stages do. */
	private static Path extracted(Path work) throws Exception {
		Path jar;
		try (Stream<Path> built = Files.list(Path.of("target"))) {
			jar = built.filter((path) -> path.getFileName().toString().matches("pod-composer-.*\\.jar"))
				.filter((path) -> !path.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run after package"));
		}
		Files.copy(jar, work.resolve("application.jar"));
		Path layers = work.resolve("extracted");
		Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", "application.jar", "extract", "--layers",
				"--destination", layers.toString())
			.directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("extract.log").toFile())
			.start();
		assertThat(extract.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(extract.exitValue()).as(Files.readString(work.resolve("extract.log"))).isZero();
		Path application = Files.createDirectory(work.resolve("application"));
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			copyTree(layers.resolve(layer), application);
		}
		return application;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
	}

	/** The Dockerfile's training run: its java command, without the shell around it. */
	private static List<String> trainingCommand() {
		String run = instruction((each) -> each.contains("-XX:ArchiveClassesAtExit="));
		String command = run.substring(run.indexOf(" java ") + 1, run.indexOf(" &&"));
		List<String> words = new ArrayList<>(List.of(command.split(" ")));
		words.set(0, java());
		return words;
	}

	/** The Dockerfile's ENTRYPOINT, with this build's java. */
	private static List<String> entrypoint() {
		String entrypoint = instruction((each) -> each.startsWith("ENTRYPOINT "));
		List<String> words = new ArrayList<>();
		ManifestReader.readJson(entrypoint.substring("ENTRYPOINT ".length()))
			.forEach((word) -> words.add(word.asString()));
		words.set(0, java());
		return words;
	}

	private static String instruction(Predicate<String> which) {
		return DockerfileTest.instructions().stream().filter(which).findFirst().orElseThrow();
	}

	private static Process start(Path application, List<String> command, Path dataDir, Map<String, String> database,
			Path log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(application.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("PODCOMPOSER_"));
		environment.putAll(database);
		environment.put("PODCOMPOSER_DATA_DIR", dataDir.toString());
		environment.put("PODCOMPOSER_ADMIN_PASSWORD", "image-launch-password");
		environment.put("PODCOMPOSER_ADMIN_TOKEN", TOKEN);
		return builder.start();
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
