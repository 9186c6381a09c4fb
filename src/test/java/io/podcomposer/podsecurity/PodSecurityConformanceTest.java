package io.podcomposer.podsecurity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.PodView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The portal must judge every pod of the admission controller's own test data as the
 * cluster does. The fixtures live in shared/conformance/pod-security beside the project
 * (see its README.md); a plain clone without them skips this test.
 */
class PodSecurityConformanceTest {

	private static final Path FIXTURES = Path.of("shared", "conformance", "pod-security");

	@TestFactory
	Stream<DynamicTest> everyFixtureGetsTheClustersVerdict() throws IOException {
		Path root = fixtures();
		if (root == null) {
			// one skipped test, so that the report shows the skip and why
			return Stream
				.of(DynamicTest.dynamicTest("fixtures", () -> assumeTrue(false, "no Pod Security fixtures at ../"
						+ FIXTURES.toString().replace('\\', '/') + " beside the project: conformance not checked")));
		}
		List<DynamicTest> tests = new ArrayList<>();
		for (String level : List.of("baseline", "restricted")) {
			for (String outcome : List.of("pass", "fail")) {
				try (Stream<Path> files = Files.list(root.resolve(level).resolve(outcome))) {
					files.filter((file) -> file.getFileName().toString().endsWith(".yaml"))
						.sorted()
						.forEach((file) -> tests
							.add(DynamicTest.dynamicTest(level + "/" + outcome + "/" + file.getFileName(), file.toUri(),
									() -> assertVerdict(file, level, outcome))));
				}
			}
		}
		assertThat(tests).as("fixtures in " + root).isNotEmpty();
		return tests.stream();
	}

	private static void assertVerdict(Path file, String level, String outcome) throws IOException {
		PodSecurityResult result = PodSecurityEvaluator
			.evaluate(new PodView(Manifest.of(ManifestReader.readYaml(Files.readString(file)))));
		Set<Level> expected = switch (level + "/" + outcome) {
			case "baseline/pass" -> Set.of(Level.BASELINE, Level.RESTRICTED);
			case "baseline/fail" -> Set.of(Level.PRIVILEGED);
			case "restricted/pass" -> Set.of(Level.RESTRICTED);
			default -> Set.of(Level.PRIVILEGED, Level.BASELINE);
		};
		assertThat(result.level()).as("level of %s, violations %s", file.getFileName(), result.violations())
			.isIn(expected);
		if (outcome.equals("fail")) {
			// a failing fixture is named after the check that fails it, lower-cased and
			// numbered
			String check = file.getFileName().toString().replaceFirst("\\d*\\.yaml$", "");
			assertThat(result.violations()).extracting((violation) -> violation.check().toLowerCase(Locale.ROOT))
				.as("checks failing %s", file.getFileName())
				.contains(check);
		}
	}

	/**
	 * ../shared/… from the working directory, else beside the project root that holds it.
	 */
	private static Path fixtures() {
		Path fromWorkingDirectory = Path.of("..").resolve(FIXTURES);
		if (Files.isDirectory(fromWorkingDirectory)) {
			return fromWorkingDirectory;
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("pom.xml")) && dir.getParent() != null
					&& Files.isDirectory(dir.getParent().resolve(FIXTURES))) {
				return dir.getParent().resolve(FIXTURES);
			}
		}
		return null;
	}

}
