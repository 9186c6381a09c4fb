package io.podcomposer.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The environment variables the portal reads: those its own settings and code name as
 * {@code ${NAME}}, and those Spring Boot binds to a property it or the portal knows, by
 * the relaxed-binding rule (dots to underscores, dashes dropped, upper case).
 */
final class PortalSettings {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private static final Set<String> NAMES = load();

	private PortalSettings() {
	}

	static boolean reads(String environmentVariable) {
		return NAMES.contains(environmentVariable);
	}

	private static Set<String> load() {
		Set<String> names = new HashSet<>();
		try (Stream<Path> sources = Stream.concat(Files.walk(Path.of("src/main/java")),
				Files.list(Path.of("src/main/resources")))) {
			for (Path source : sources
				.filter((path) -> path.toString().endsWith(".java")
						|| path.getFileName().toString().matches("application.*\\.properties"))
				.toList()) {
				String text = Files.readString(source, StandardCharsets.UTF_8);
				Matcher placeholder = PLACEHOLDER.matcher(text);
				while (placeholder.find()) {
					names.add(placeholder.group(1));
				}
				if (source.toString().endsWith(".properties")) {
					text.lines()
						.filter((line) -> line.contains("=") && !line.startsWith("#"))
						.forEach((line) -> names.add(environmentName(line.substring(0, line.indexOf('=')).strip())));
				}
			}
			for (URL metadata : Collections.list(PortalSettings.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = metadata.openStream()) {
					JsonNode root = JsonMapper.shared().readTree(in);
					root.path("properties")
						.valueStream()
						.forEach((property) -> names.add(environmentName(property.path("name").asString())));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	private static String environmentName(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

}
