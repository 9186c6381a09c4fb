package io.podcomposer.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.podcomposer.PodComposerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setting docs/OPERATING.md gives for a log collector, as an operator sets it: every
 * line a JSON object, and no credential in any. The portal runs in a JVM of its own,
 * because logging is set up once per JVM and the other tests' applications have set it up
 * already.
 */
class JsonLogsTest {

	@Test
	void withTheStructuredFormatEveryLineIsJsonWithoutCredentials(@TempDir Path dataDir)
			throws IOException, InterruptedException {
		String password = "json-logs-admin-password";
		String token = "pct_json-logs-admin-token";
		ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), PodComposerApplication.class.getName(), "--server.port=0")
			.redirectErrorStream(true);
		java.environment()
			.putAll(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", "PODCOMPOSER_DATA_DIR", dataDir.toString(),
					"PODCOMPOSER_ADMIN_PASSWORD", password, "PODCOMPOSER_ADMIN_TOKEN", token));
		Process portal = java.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(portal.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				lines.add(line);
				if (line.contains("\"message\":\"Started PodComposerApplication")) {
					break;
				}
			}
		}
		finally {
			portal.destroy();
			assertThat(portal.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
		}

		List<String> logged = lines.stream().filter((line) -> !line.isBlank() && !line.startsWith("OpenJDK")).toList();
		assertThat(logged).as("the log").isNotEmpty();
		List<JsonNode> entries = logged.stream().map((line) -> JsonMapper.shared().readTree(line)).toList();
		assertThat(entries).allMatch((entry) -> entry.has("@timestamp") && entry.at("/log/level").isString());
		assertThat(entries.get(entries.size() - 1).path("message").asString())
			.startsWith("Started PodComposerApplication");
		assertThat(lines).noneMatch((line) -> line.contains(password) || line.contains(token));
	}

}
