package io.podcomposer.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manifests for checking that a faster reader or writer changes nothing: the project's
 * files, tricky text.
 */
final class ManifestCorpus {

	private static final List<Path> CORPUS = List.of(Path.of("src", "main", "resources"),
			Path.of("src", "test", "resources"), Path.of("src", "jmh", "resources"));

	private static final Path SHARED_CONFORMANCE = Path.of("shared", "conformance");

	/** Plain scalars of every kind YAML 1.1 tells apart, and near misses. */
	static final List<String> SCALARS = List.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false",
			"False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "yEs", "tRUE", "nO", "oN", "~",
			"null", "Null", "NULL", "nULL", "none", "0", "7", "-7", "+7", "017", "-017", "08", "0o17", "0x1F", "-0x1f",
			"0xZ", "0b101", "-0b11", "1_000", "1__0", "190:20:30", "-1:30", "2147483647", "2147483648", "-2147483648",
			"-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
			"123456789012345678901234567890", "0x7FFFFFFF", "0x80000000", "0xFFFFFFFFFFFFFFFFFF", "1.5", "-1.5", "+1.5",
			".5", "1.", "1e3", "1E3", "1e+3", "1.0e-3", "1_000.5", "190:20:30.15", ".inf", "-.Inf", "+.INF", ".nan",
			".NaN", "NaN", "inf", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "12:30",
			"1:2:3", "<<", "=", "100m", "64Mi", "1Gi", "nginx:1.27", "-", "--", "-a", "+", ".", "..", "a b", "name",
			"image", "kind", "app");

	private ManifestCorpus() {
	}

	/**
	 * Every YAML and JSON file of the project, and of ../shared/conformance when it is
	 * there.
	 */
	static List<Path> files() throws IOException {
		List<Path> files = new ArrayList<>();
		List<Path> roots = new ArrayList<>(CORPUS);
		Path shared = sharedConformance();
		if (shared != null) {
			roots.add(shared);
		}
		for (Path root : roots) {
			try (Stream<Path> walk = Files.walk(root)) {
				walk.filter((file) -> file.toString().matches(".*\\.(yaml|yml|json)$")).sorted().forEach(files::add);
			}
		}
		assertThat(files).hasSizeGreaterThan(10);
		return files;
	}

	/** A test's name for a text: on one line, cut short. */
	static String name(String text) {
		String name = "«" + text.replace("\n", "\\n") + "»";
		return (name.length() > 80) ? name.substring(0, 80) + "… (" + text.length() + " characters)" : name;
	}

	/**
	 * ../shared/conformance from the working directory, else beside the project root;
	 * null when absent.
	 */
	private static Path sharedConformance() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("pom.xml")) && dir.getParent() != null
					&& Files.isDirectory(dir.getParent().resolve(SHARED_CONFORMANCE))) {
				return dir.getParent().resolve(SHARED_CONFORMANCE);
			}
		}
		return null;
	}

}
