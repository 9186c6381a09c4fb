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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * The packaged jar started the way the image starts it, through
 * {@code scripts/launch.sh}, which no other test does: its layers put together as the
 * Dockerfile does, the JVM's ahead-of-time cache made once by the script's training run,
 * then starts that map it, with the application context worked out at build time (Spring
 * AOT), whose conditions were evaluated then and not at start-up. On H2, and on
 * PostgreSQL with the {@code postgres} profile when the build has a database for it (as
 * .ci/run gives). Also the script over a launch folder of another build of the jar, and
 * the plain jar on the Java 17 that runs Maven: the bytecode stays at 17. Runs after
 * {@code package}, as {@code verify} does.
 */
class ImageLaunchIT {

	private static final Path LAUNCH = Path.of("scripts/launch.sh").toAbsolutePath();

	private static final String TOKEN = "pct_image-launch-token";

	private static final String[] BEARER = { "Authorization", "Bearer " + TOKEN };

	private static final Duration START_UP = Duration.ofMinutes(3);

	/**
	 * A start with the training run first: the portal started, used and stopped, the
	 * cache written.
	 */
	private static final Duration TRAINING = Duration.ofMinutes(10);

	/**
	 * The image's application folder: the layers, and the launch folder the training run
	 * fills.
	 */
	@TempDir
	static Path image;

	private static Path application;

	@BeforeAll
	static void buildTheImagesApplicationFolder() throws Exception {
		application = extracted(image);
		// the image build's RUN ./launch.sh --prepare application.jar
		Path log = image.resolve("prepare.log");
		Process prepare = launch(application, List.of("--prepare", "application.jar"), Map.of(), log);
		if (!prepare.waitFor(TRAINING.toSeconds(), TimeUnit.SECONDS)) {
			stop(prepare);
			throw new AssertionError(
					"the training run did not end within " + TRAINING + "; its log:\n" + Files.readString(log));
		}
		assertThat(prepare.exitValue()).as(Files.readString(log)).isZero();
		assertThat(cache(application, "application")).isNotEmptyFile();
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

	/**
	 * The jar as a developer starts it, over the launch folder of an earlier build:
	 * extracted and trained anew, then started with the new cache.
	 */
	@Test
	void aLaunchFolderMadeForAnotherBuildOfTheJarIsMadeAnew(@TempDir Path work) throws Exception {
		Files.copy(packagedJar(), work.resolve("pod-composer.jar"));
		Path folder = Files.createDirectories(work.resolve("pod-composer.launch"));
		Path extracted = Files.createDirectories(folder.resolve("app/lib")).getParent();
		Files.writeString(extracted.resolve("lib/earlier-dependency.jar"), "a library of the earlier build");
		Files.writeString(extracted.resolve("pod-composer.jar"), "the earlier build");
		Files.writeString(cache(work, "pod-composer"), "the earlier build's cache");
		Files.writeString(folder.resolve("stamp"), """
				jar %s 1000 1000
				java /usr/lib/jvm/another 25.0.1+8-LTS 1 1
				options -XX:+UseSerialGC
				""".formatted(work.resolve("pod-composer.jar")));
		Path log = work.resolve("portal.log");
		int port = freePort();
		Process portal = launch(work, List.of("pod-composer.jar", "--server.port=" + port),
				portalEnvironment(work.resolve("data"), Map.of()), log);
		try {
			PortalClient client = new PortalClient(port);
			awaitReady(portal, client, log, TRAINING);
			assertThat(Files.readString(log)).contains("launch.sh: extracting", "launch.sh: making the AOT cache");
			assertThat(extracted.resolve("lib/earlier-dependency.jar")).doesNotExist();
			assertThat(Files.size(extracted.resolve("pod-composer.jar"))).isGreaterThan(1 << 10);
			assertThat(Files.size(cache(work, "pod-composer"))).isGreaterThan(1 << 20);
			assertUsesTheCache(portal, cache(work, "pod-composer"), log);
			HttpResponse<String> validated = client.post("/api/v1/validate", "application/json",
					"{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"}, \"spec\": {\"containers\": [{\"name\": \"web\", \"image\": \"nginx\"}]}}",
					BEARER);
			assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
		}
		finally {
			stop(portal);
		}
	}

	/**
	 * The jar built for release 17 still starts and answers on Java 17, plainly with java
	 * -jar: the Java that runs Maven when it is 17 to 24 (the build's toolchain runs this
	 * test on 25).
	 */
	@Test
	void thePlainJarStartsAndAnswersOnJava17(@TempDir Path work) throws Exception {
		String buildJavaHome = System.getProperty("podcomposer.build-java-home");
		assumeTrue(buildJavaHome != null, "the build names no Java of its own");
		int feature = featureVersion(Path.of(buildJavaHome));
		assumeTrue(feature >= 17 && feature < 25, "the Java that runs Maven is " + feature + ", not 17 to 24");
		Path log = work.resolve("portal.log");
		int port = freePort();
		List<String> command = List.of(Path.of(buildJavaHome, "bin", "java").toString(), "-jar",
				packagedJar().toString(), "--server.port=" + port);
		Process portal = start(new ProcessBuilder(command).directory(work.toFile()),
				portalEnvironment(work.resolve("data"), Map.of()), log);
		try {
			PortalClient client = new PortalClient(port);
			awaitReady(portal, client, log, START_UP);
			assertThat(Files.readString(log)).contains("using Java " + feature);
			use(client);
		}
		finally {
			stop(portal);
		}
	}

	private void launchAndUse(Path work, Map<String, String> database) throws Exception {
		Map<Path, String> before = files(application.resolve("application.launch"));
		Path log = work.resolve("portal.log");
		int port = freePort();
		Process portal = launch(application, List.of("application.jar", "--server.port=" + port),
				portalEnvironment(work.resolve("data"), database), log);
		try {
			PortalClient client = new PortalClient(port);
			awaitReady(portal, client, log, START_UP);
			assertThat(Files.readString(log)).contains("Starting AOT-processed").doesNotContain("launch.sh:");
			assertUsesTheCache(portal, cache(application, "application"), log);
			use(client);
		}
		finally {
			stop(portal);
		}
		// the image's folder is read-only to its user: a start with the cache made writes
		// nothing there
		assertThat(files(application.resolve("application.launch"))).isEqualTo(before);
	}

	/**
	 * The JVM keeps a cache it uses mapped into its memory, and unmaps one it refuses
	 * (with a warning, or an error where it cannot go on without it).
	 */
	private static void assertUsesTheCache(Process portal, Path cache, Path log) throws IOException {
		assertThat(Files.readString(log)).doesNotContain("Unable to use AOT cache", "[error][aot");
		assertThat(Files.readString(Path.of("/proc", Long.toString(portal.pid()), "maps")))
			.as("the memory map of the portal's JVM")
			.contains(cache.toRealPath().toString());
	}

	/**
	 * Validate, save, find and render a template through the API, and load the sign-in
	 * page (on PostgreSQL the database is the test suite's, whose admin has a password of
	 * its own).
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
		HttpResponse<String> created = client.post("/api/v1/templates", "application/json", "{\"name\": \"" + name
				+ "\", \"tags\": [\"image\"], \"manifest\": " + ManifestReader.readYaml(pod) + "}", BEARER);
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

	private static void awaitReady(Process portal, PortalClient client, Path log, Duration within) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
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
		throw new AssertionError("not ready within " + within + "; its log:\n" + Files.readString(log));
	}

	private static Path packagedJar() throws IOException {
		try (Stream<Path> built = Files.list(Path.of("target"))) {
			return built.filter((path) -> path.getFileName().toString().matches("pod-composer-.*\\.jar"))
				.filter((path) -> !path.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run after package"))
				.toAbsolutePath();
		}
	}

	/**
	 * The packaged jar's layers extracted and put together in one folder, as the image's
	 * build stages do.
	 */
	private static Path extracted(Path work) throws Exception {
		Files.copy(packagedJar(), work.resolve("application.jar"));
		Path layers = work.resolve("extracted");
		Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", "application.jar", "extract",
				"--layers", "--destination", layers.toString())
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

	/** Where launch.sh keeps the cache of NAME.jar in FOLDER. */
	private static Path cache(Path folder, String name) {
		return folder.resolve(name + ".launch").resolve(name + ".aot");
	}

	/** Every file under FOLDER with its size and time of change. */
	private static Map<Path, String> files(Path folder) throws IOException {
		Map<Path, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.toList()) {
				files.put(path, Files.size(path) + " " + Files.getLastModifiedTime(path));
			}
		}
		return files;
	}

	/** scripts/launch.sh with ARGUMENTS in FOLDER, on the JDK 25 that runs this test. */
	private static Process launch(Path folder, List<String> arguments, Map<String, String> environment, Path log)
			throws IOException {
		List<String> command = new ArrayList<>(List.of("bash", LAUNCH.toString()));
		command.addAll(arguments);
		Map<String, String> withJava = new TreeMap<>(environment);
		withJava.put("JAVA_HOME", System.getProperty("java.home"));
		return start(new ProcessBuilder(command).directory(folder.toFile()), withJava, log);
	}

	private static Map<String, String> portalEnvironment(Path dataDir, Map<String, String> database) {
		Map<String, String> environment = new TreeMap<>(database);
		environment.put("PODCOMPOSER_DATA_DIR", dataDir.toString());
		environment.put("PODCOMPOSER_ADMIN_PASSWORD", "image-launch-password");
		environment.put("PODCOMPOSER_ADMIN_TOKEN", TOKEN);
		return environment;
	}

	/**
	 * Starts COMMAND with ENVIRONMENT instead of the build's settings for the portal and
	 * its JVM.
	 */
	private static Process start(ProcessBuilder command, Map<String, String> environment, Path log) throws IOException {
		command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Map<String, String> inherited = command.environment();
		inherited.keySet()
			.removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("PODCOMPOSER_")
					|| name.equals("JAVA_OPTS") || name.equals("JAVA_TOOL_OPTIONS"));
		inherited.putAll(environment);
		return command.start();
	}

	/** Stops the portal, or the script with its training run. */
	private static void stop(Process process) throws InterruptedException {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	/** The feature version of the Java in HOME, from its release file. */
	private static int featureVersion(Path home) throws IOException {
		String version = Files.readAllLines(home.resolve("release"))
			.stream()
			.filter((line) -> line.startsWith("JAVA_VERSION="))
			.findFirst()
			.orElseThrow()
			.replaceAll("JAVA_VERSION=\"?([0-9]+).*", "$1");
		return Integer.parseInt(version);
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
