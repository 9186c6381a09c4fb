package io.podcomposer.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.security.FreshPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image recipe, checked without a Docker engine: its instructions, that .dockerignore
 * lets through what the build copies, and its health check run for real against a started
 * portal.
 */
class DockerfileTest {

	private final List<String> instructions = instructions();

	@Test
	void buildsWithTheWrapperOnAJdkAndRunsTheLayersOnAJreAsANonRootUser() {
		List<String> stages = startingWith("FROM ");
		assertThat(stages).containsExactly("FROM eclipse-temurin:25-jdk AS build", "FROM eclipse-temurin:25-jre");
		assertThat(startingWith("RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package")).hasSize(1)
			.allSatisfy((build) -> assertThat(build)
				.contains("java -Djarmode=tools -jar application.jar extract --layers --destination extracted"));
		assertThat(startingWith("COPY --from=build")).containsExactly(
				"COPY --from=build /src/extracted/dependencies/ ./",
				"COPY --from=build /src/extracted/spring-boot-loader/ ./",
				"COPY --from=build /src/extracted/snapshot-dependencies/ ./",
				"COPY --from=build /src/extracted/application/ ./");
		assertThat(startingWith("EXPOSE ")).containsExactly("EXPOSE 8080");
		assertThat(startingWith("ENV ")).containsExactly("ENV PODCOMPOSER_DATA_DIR=/data");
		assertThat(startingWith("VOLUME ")).containsExactly("VOLUME /data");
	}

	/**
	 * The toolchain of the build asks for a JDK of the runtime's version; both stages
	 * have it.
	 */
	@Test
	void buildsAndRunsOnTheJavaVersionThePomAsksFor() throws IOException {
		String pom = Files.readString(Path.of("pom.xml"));
		String version = pom.replaceAll("(?s).*<runtime\\.java\\.version>([0-9]+)</runtime\\.java\\.version>.*", "$1");
		assertThat(version).matches("[0-9]+");
		assertThat(startingWith("FROM "))
			.allSatisfy((stage) -> assertThat(stage).startsWith("FROM eclipse-temurin:" + version + "-"));
	}

	/**
	 * The image starts as scripts/launch.sh starts the jar anywhere: the cache made at
	 * build time by the script's training run, as root after the application is in place,
	 * so that it is written beside it and read-only to the user who starts it.
	 */
	@Test
	void startsThroughTheLaunchScriptWithTheCacheOfItsTrainingRunMadeAtBuildTime() throws IOException {
		assertThat(startingWith("COPY scripts/")).containsExactly("COPY scripts/launch.sh ./");
		List<String> training = startingWith("RUN ./launch.sh ");
		assertThat(training).containsExactly("RUN ./launch.sh --prepare application.jar");
		assertThat(this.instructions.indexOf(training.get(0)))
			.isGreaterThan(this.instructions.indexOf("COPY --from=build /src/extracted/application/ ./"))
			.isGreaterThan(this.instructions.indexOf("COPY scripts/launch.sh ./"))
			.isLessThan(this.instructions.indexOf(startingWith("USER ").get(0)));
		assertThat(startingWith("ENTRYPOINT ")).containsExactly("ENTRYPOINT [\"./launch.sh\", \"application.jar\"]");
		// what the script gives java: the cache, the context of the build, a heap that
		// follows the container
		String launch = Files.readString(Path.of("scripts/launch.sh"));
		assertThat(launch).contains("-XX:AOTCacheOutput=", "-XX:AOTCache=", "-Dspring.aot.enabled=true",
				"-XX:MaxRAMPercentage=", "-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders");
	}

	@Test
	void runsAsTheUserTheKubernetesDeploymentNames() throws IOException {
		List<String> users = startingWith("USER ");
		assertThat(users).hasSize(1);
		String[] ids = users.get(0).substring("USER ".length()).split(":");
		assertThat(Integer.parseInt(ids[0])).as("numeric, so runAsNonRoot can check it").isPositive();
		JsonNode pod = ManifestReader.readYaml(Files.readString(Path.of("deploy/kubernetes/deployment.yaml")))
			.at("/spec/template/spec/securityContext");
		assertThat(pod.path("runAsUser").asInt()).isEqualTo(Integer.parseInt(ids[0]));
		assertThat(pod.path("runAsGroup").asInt()).isEqualTo(Integer.parseInt(ids[1]));
	}

	@Test
	void theBuildContextHoldsWhatTheBuildCopies() throws IOException {
		List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
		assertThat(ignore).contains("*");
		for (String copy : startingWith("COPY ")) {
			if (copy.startsWith("COPY --from=")) {
				continue;
			}
			String[] words = copy.split(" ");
			for (int i = 1; i < words.length - 1; i++) {
				assertThat(ignore).as(copy).contains("!" + words[i]);
				assertThat(Files.exists(Path.of(words[i]))).as(words[i]).isTrue();
			}
		}
	}

	@Test
	void theHealthCheckSaysUpForALivePortalAndFailsWhenNothingAnswers(@TempDir Path dataDir) throws Exception {
		List<String> healthChecks = startingWith("HEALTHCHECK ");
		assertThat(healthChecks).hasSize(1);
		String line = healthChecks.get(0);
		JsonNode command = ManifestReader.readJson(line.substring(line.indexOf('[')));
		assertThat(command.get(0).asString()).isEqualTo("bash");
		String script = command.get(2).asString();
		assertThat(script).contains("/dev/tcp/127.0.0.1/8080", "GET /actuator/health/liveness ");
		try (FreshPortal portal = FreshPortal.start(dataDir, "health-check-password", "")) {
			assertThat(run(script.replace("/8080", "/" + portal.port()))).isZero();
		}
		assertThat(run(script.replace("/8080", "/1"))).isNotZero();
	}

	private static int run(String script) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
		assertThat(process.waitFor(Duration.ofSeconds(10).toSeconds(), TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private List<String> startingWith(String prefix) {
		return this.instructions.stream().filter((each) -> each.startsWith(prefix)).toList();
	}

	/** One line per instruction: continuations joined, comments left out. */
	static List<String> instructions() {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		try {
			for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
				String trimmed = line.strip();
				if (trimmed.startsWith("#") || trimmed.isEmpty()) {
					continue;
				}
				if (trimmed.endsWith("\\")) {
					current.append(trimmed, 0, trimmed.length() - 1).append(' ');
					continue;
				}
				instructions.add(current.append(trimmed).toString().replaceAll("\\s+", " "));
				current.setLength(0);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return instructions;
	}

}
