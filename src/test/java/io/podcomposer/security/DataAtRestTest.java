package io.podcomposer.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the portal writes to disk holds no password, no token and no cluster credential:
 * only hashes and ciphertext. On the embedded H2 its files are read; on PostgreSQL (when
 * the build runs the tests there) every table's every value.
 */
@AlsoOnPostgres
class DataAtRestTest {

	private static final String ADMIN_PASSWORD = "at-rest-admin-password";

	private static final String ADMIN_TOKEN = "pct_at-rest-admin-token";

	private static final String PASSWORD = "at-rest-user-password";

	private static final String WRONG_PASSWORD = "at-rest-wrong-password";

	private static final String CLUSTER_TOKEN = "at-rest-cluster-token";

	private static final String COOKIE = "at-rest-cookie-value";

	@Test
	void theDataFolderHoldsOnlyHashesOfPasswordsAndTokens(@TempDir Path dataDir) throws IOException {
		assumeTrue(System.getenv("SPRING_DATASOURCE_URL") == null, "the embedded database, whose files are read");
		String token;
		String passwordHash;
		try (FreshPortal portal = FreshPortal.start(dataDir, ADMIN_PASSWORD, ADMIN_TOKEN)) {
			AccountService accounts = portal.bean(AccountService.class);
			accounts.create("at-rest", PASSWORD, Set.of(Role.VIEWER));
			token = accounts.createToken("at-rest", "ci").token();
			passwordHash = portal.bean(JdbcTemplate.class)
				.queryForObject("select password_hash from user_account where name = 'at-rest'", String.class);
		}

		String disk = everyFile(dataDir);

		assertThat(disk).as("the hashes, so the scan reads the database")
			.contains(passwordHash, TestAccounts.sha256(token), TestAccounts.sha256(ADMIN_TOKEN));
		assertThat(disk).doesNotContain(PASSWORD, token, ADMIN_PASSWORD, ADMIN_TOKEN);
	}

	/**
	 * Signing in and out, wrong passwords, API calls, anonymous pages asked for with a
	 * token and a cookie (a saved request would keep those headers), a user and a cluster
	 * added over the API.
	 */
	@Test
	void aMixedRunLeavesNoSecretInTheDatabase(@TempDir Path dataDir) throws IOException {
		List<String> settings = TestDatabase.create(dataDir);
		boolean embedded = settings.stream().noneMatch((setting) -> setting.startsWith("--spring.datasource.url="));
		String adminBearer = "Bearer " + ADMIN_TOKEN;
		List<String> secrets = new ArrayList<>(
				List.of(ADMIN_PASSWORD, ADMIN_TOKEN, PASSWORD, WRONG_PASSWORD, CLUSTER_TOKEN, COOKIE));
		String tables;
		try (FreshPortal portal = FreshPortal.start(ADMIN_PASSWORD, ADMIN_TOKEN, settings)) {
			PortalClient api = new PortalClient(portal.port());
			assertThat(api
				.post("/api/v1/users", "application/json",
						"{\"name\": \"at-rest\", \"password\": \"" + PASSWORD + "\", \"roles\": [\"VIEWER\"]}",
						"Authorization", adminBearer)
				.statusCode()).isEqualTo(201);
			HttpResponse<String> issued = api.post("/api/v1/users/at-rest/tokens", "application/json",
					"{\"name\": \"ci\"}", "Authorization", adminBearer);
			assertThat(issued.statusCode()).isEqualTo(201);
			String token = JsonMapper.shared().readTree(issued.body()).get("token").asString();
			secrets.add(token);
			assertThat(api.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
			assertThat(api.post("/api/v1/clusters", "application/json", clusterBody(), "Authorization", adminBearer)
				.statusCode()).isEqualTo(201);

			for (String page : new String[] { "/templates", "/compose", "/clusters", "/profile" }) {
				PortalClient anonymous = new PortalClient(portal.port());
				assertThat(anonymous.get(page, "Authorization", "Bearer " + token, "Cookie", "tracker=" + COOKIE)
					.statusCode()).isEqualTo(302);
			}
			PortalClient browser = new PortalClient(portal.port());
			assertThat(browser.signIn("at-rest", WRONG_PASSWORD).headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
			PortalClient admin = PortalClient.signedIn(portal.port(), "admin", ADMIN_PASSWORD);
			assertThat(admin.get("/clusters", "Authorization", adminBearer).statusCode()).isEqualTo(200);
			PortalClient user = PortalClient.signedIn(portal.port(), "at-rest", PASSWORD);
			assertThat(user.get("/templates").statusCode()).isEqualTo(200);
			assertThat(user.post("/logout", java.util.Map.of("_csrf", user.csrf().getValue())).statusCode())
				.isEqualTo(302);

			tables = everyValue(portal.bean(JdbcTemplate.class));
			assertThat(tables).as("the hashes, so the scan reads the tables")
				.contains(TestAccounts.sha256(token), TestAccounts.sha256(ADMIN_TOKEN));
		}

		assertThat(tables).doesNotContain(secrets);
		if (embedded) {
			assertThat(everyFile(dataDir)).doesNotContain(secrets);
		}
	}

	/**
	 * A kubeconfig whose user is a bearer token; the server is not called when a cluster
	 * is added.
	 */
	private static String clusterBody() {
		String kubeconfig = """
				apiVersion: v1
				kind: Config
				clusters:
				- name: remote
				  cluster:
				    server: https://kube.example.invalid:6443
				    insecure-skip-tls-verify: true
				users:
				- name: remote
				  user:
				    token: %s
				contexts:
				- name: remote
				  context:
				    cluster: remote
				    user: remote
				current-context: remote
				""".formatted(CLUSTER_TOKEN);
		return JsonMapper.shared().createObjectNode().put("name", "at-rest").put("kubeconfig", kubeconfig).toString();
	}

	/**
	 * Every value of every table of the application's schema, binary ones as ISO-8859-1.
	 */
	private static String everyValue(JdbcTemplate jdbc) {
		return jdbc.execute((java.sql.Connection connection) -> {
			StringBuilder values = new StringBuilder();
			DatabaseMetaData meta = connection.getMetaData();
			List<String> tables = new ArrayList<>();
			try (ResultSet found = meta.getTables(null, connection.getSchema(), "%", null)) {
				while (found.next()) {
					if (found.getString("TABLE_TYPE").contains("TABLE")) {
						tables.add(found.getString("TABLE_NAME"));
					}
				}
			}
			assertThat(tables).as("tables").isNotEmpty();
			for (String table : tables) {
				try (ResultSet rows = connection.createStatement().executeQuery("select * from \"" + table + "\"")) {
					ResultSetMetaData columns = rows.getMetaData();
					while (rows.next()) {
						for (int i = 1; i <= columns.getColumnCount(); i++) {
							values.append(value(rows, i, columns.getColumnType(i))).append('\n');
						}
					}
				}
			}
			return values.toString();
		});
	}

	private static String value(ResultSet rows, int column, int type) throws java.sql.SQLException {
		boolean binary = type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY
				|| type == Types.LONGVARBINARY;
		if (!binary) {
			return String.valueOf(rows.getString(column));
		}
		byte[] bytes = rows.getBytes(column);
		return (bytes != null) ? new String(bytes, StandardCharsets.ISO_8859_1) : "";
	}

	/** Every file's bytes, read as ISO-8859-1 so that no byte is lost or merged. */
	private static String everyFile(Path folder) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		assertThat(files).as("files in the data folder").isNotEmpty();
		StringBuilder bytes = new StringBuilder();
		for (Path file : files) {
			bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
		}
		return bytes.toString();
	}

}
