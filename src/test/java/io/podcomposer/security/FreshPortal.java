package io.podcomposer.security;

import java.nio.file.Path;

import io.podcomposer.PodComposerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application started as an operator starts it, on a data folder of the test's own, with the
 * admin settings given (empty: not set). Command-line arguments, so that they win over the
 * settings the build gives every test.
 */
public final class FreshPortal implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private FreshPortal(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static FreshPortal start(Path dataDir, String adminPassword, String adminToken) {
		return new FreshPortal(new SpringApplicationBuilder(PodComposerApplication.class).run("--server.port=0",
				"--podcomposer.data-dir=" + dataDir, "--PODCOMPOSER_ADMIN_PASSWORD=" + adminPassword,
				"--PODCOMPOSER_ADMIN_TOKEN=" + adminToken));
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

}
