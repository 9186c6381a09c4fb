package io.podcomposer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * An empty database of a test's own, for tests that start the application themselves: the
 * embedded H2 in the test's data folder, or, when the build runs the tests on PostgreSQL
 * ({@code SPRING_DATASOURCE_URL} set), a new database on that server, which the test user
 * may create (CREATEDB).
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	/**
	 * The settings that point an application at a new, empty database; give them to each
	 * of its instances.
	 */
	public static List<String> create(Path dataDir) {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url == null || url.isEmpty()) {
			return List.of("--podcomposer.data-dir=" + dataDir);
		}
		String name = "test_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
				System.getenv("SPRING_DATASOURCE_PASSWORD")); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a database for the test at " + url, ex);
		}
		// jdbc:postgresql://host:port/database?parameters: the same server, the new
		// database
		String newUrl = url.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + name);
		return List.of("--podcomposer.data-dir=" + dataDir, "--spring.datasource.url=" + newUrl);
	}

}
