package io.podcomposer.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.podcomposer.PodComposerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application started as an operator starts it, on a data folder of the test's own,
 * with the admin settings given (empty: not set). Command-line arguments, so that they
 * win over the settings the build gives every test.
 */
public final class FreshPortal implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private FreshPortal(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static FreshPortal start(Path dataDir, String adminPassword, String adminToken) {
		return start(adminPassword, adminToken, List.of("--podcomposer.data-dir=" + dataDir));
	}

	/**
	 * @param settings such as those of {@link io.podcomposer.TestDatabase#create}, as
	 * command-line arguments
	 */
	public static FreshPortal start(String adminPassword, String adminToken, List<String> settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--PODCOMPOSER_ADMIN_PASSWORD=" + adminPassword,
				"--PODCOMPOSER_ADMIN_TOKEN=" + adminToken));
		args.addAll(settings);
		return new FreshPortal(
				new SpringApplicationBuilder(PodComposerApplication.class).run(args.toArray(String[]::new)));
	}

	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public int count(String table) {
		return bean(JdbcTemplate.class).queryForObject("select count(*) from " + table, Integer.class);
	}

	/** Stops the application; its database is closed and written to its file. */
	@Override
	public void close() {
		this.context.close();
	}

	/** Every file's bytes, read as ISO-8859-1 so that no byte is lost or merged. */
	public static String everyFile(Path folder) throws IOException {
		StringBuilder bytes = new StringBuilder();
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
			}
		}
		return bytes.toString();
	}

}
