package io.podcomposer.security;

import java.util.Set;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static io.podcomposer.security.AccountTests.bearer;
import static io.podcomposer.security.AccountTests.json;
import static io.podcomposer.security.AccountTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * {@code /api/v1/users} and {@code /api/v1/audit}: admin only, refusals as problems,
 * every change audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class UsersApiTest {

	private static final String PASSWORD = "a-long-password";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private AccountService accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void anAdminCreatesReadsChangesAndDeletesAUser() {
		String name = unique("carol");

		MvcTestResult created = send("POST", "/api/v1/users",
				"{\"name\": \"" + name + "\", \"password\": \"" + PASSWORD + "\", \"roles\": [\"EDITOR\"]}");
		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader(HttpHeaders.LOCATION, "/api/v1/users/" + name);
		JsonNode user = json(created);
		assertThat(user.propertyNames()).containsExactlyInAnyOrder("name", "roles", "enabled", "locked", "createdAt");
		assertThat(user.get("roles").toString()).isEqualTo("[\"EDITOR\"]");
		assertThat(user.get("enabled").asBoolean()).isTrue();
		assertThat(created.getResponse().getContentAsByteArray()).asString().doesNotContain(PASSWORD);

		assertThat(json(send("GET", "/api/v1/users", null)).valueStream().map((each) -> each.get("name").asString()))
			.contains(name, TestAdmin.NAME);

		MvcTestResult changed = send("PUT", "/api/v1/users/" + name,
				"{\"name\": \"" + name + "\", \"roles\": [\"DEPLOYER\", \"VIEWER\"], \"enabled\": false}");
		assertThat(changed).hasStatusOk();
		assertThat(json(changed).get("roles").toString()).isEqualTo("[\"VIEWER\",\"DEPLOYER\"]");
		assertThat(json(changed).get("enabled").asBoolean()).isFalse();

		assertThat(send("DELETE", "/api/v1/users/" + name, null)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(send("GET", "/api/v1/users/" + name, null)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aNewPasswordSignsInAndIsNeverStoredOrAudited() {
		String name = unique("dave");
		String newPassword = "another-long-password";
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER));

		assertThat(send("PUT", "/api/v1/users/" + name, "{\"password\": \"" + newPassword + "\"}")).hasStatusOk();

		assertThat(
				this.jdbc.queryForObject("select password_hash from user_account where name = ?", String.class, name))
			.startsWith("{bcrypt}")
			.doesNotContain(newPassword);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where detail like ? or target like ?",
				Integer.class, "%" + newPassword + "%", "%" + newPassword + "%"))
			.isZero();
		assertThat(this.mvc.post().uri("/login").param("username", name).param("password", newPassword).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasHeader(HttpHeaders.LOCATION, "/compose");
	}

	@Test
	void refusalsAreProblemsWithTheFieldAtFault() {
		String name = unique("erin");
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER));

		assertProblem(send("POST", "/api/v1/users", user(name, PASSWORD, "\"VIEWER\"")), HttpStatus.CONFLICT, null);
		assertProblem(send("POST", "/api/v1/users", user(unique("f"), "short", "\"VIEWER\"")),
				HttpStatus.UNPROCESSABLE_CONTENT, "password");
		assertProblem(send("POST", "/api/v1/users", user(unique("g"), PASSWORD, "\"VIEWER\", \"ROOT\"")),
				HttpStatus.UNPROCESSABLE_CONTENT, "roles[1]");
		assertProblem(send("POST", "/api/v1/users", user(unique("h"), PASSWORD, "")), HttpStatus.UNPROCESSABLE_CONTENT,
				"roles");
		assertProblem(send("POST", "/api/v1/users", user("Not A Name", PASSWORD, "\"VIEWER\"")),
				HttpStatus.UNPROCESSABLE_CONTENT, "name");
		assertProblem(send("POST", "/api/v1/users", user("<script>alert(1)</script>", PASSWORD, "\"VIEWER\"")),
				HttpStatus.UNPROCESSABLE_CONTENT, "name");
		assertProblem(send("PUT", "/api/v1/users/" + name, "{\"name\": \"someone-else\"}"),
				HttpStatus.UNPROCESSABLE_CONTENT, "name");
		assertProblem(send("PUT", "/api/v1/users/" + name, "{\"roles\": [\"admin\"]}"),
				HttpStatus.UNPROCESSABLE_CONTENT, "roles[0]");
		assertProblem(send("PUT", "/api/v1/users/" + name, "{\"enabled\": \"maybe\"}"), HttpStatus.BAD_REQUEST, null);
		assertProblem(send("POST", "/api/v1/users", "{\"name\": "), HttpStatus.BAD_REQUEST, null);
		assertProblem(send("POST", "/api/v1/users", "{\"roles\": \"VIEWER\"}"), HttpStatus.BAD_REQUEST, null);
		assertProblem(send("GET", "/api/v1/users/nobody-" + name, null), HttpStatus.NOT_FOUND, null);
		assertProblem(send("PUT", "/api/v1/users/nobody-" + name, "{\"enabled\": true}"), HttpStatus.NOT_FOUND, null);
		assertProblem(send("DELETE", "/api/v1/users/nobody-" + name, null), HttpStatus.NOT_FOUND, null);
		assertThat(this.accounts.users()).noneMatch((user) -> user.name().contains("script"));
	}

	@Test
	void thePortalKeepsAnEnabledAdmin() {
		// other tests' admins would let the change through: disable them first (each test
		// makes its own)
		json(send("GET", "/api/v1/users", null)).valueStream()
			.filter((user) -> !user.get("name").asString().equals(TestAdmin.NAME) && user.get("enabled").asBoolean()
					&& user.get("roles").toString().contains("ADMIN"))
			.forEach((user) -> assertThat(
					send("PUT", "/api/v1/users/" + user.get("name").asString(), "{\"enabled\": false}"))
				.hasStatusOk());

		assertProblem(send("PUT", "/api/v1/users/admin", "{\"roles\": [\"VIEWER\"]}"), HttpStatus.CONFLICT, null);
		assertProblem(send("PUT", "/api/v1/users/admin", "{\"enabled\": false}"), HttpStatus.CONFLICT, null);
		assertProblem(send("DELETE", "/api/v1/users/admin", null), HttpStatus.CONFLICT, null);
		assertThat(this.accounts.user(TestAdmin.NAME).roles()).containsExactly(Role.ADMIN);
		assertThat(this.accounts.user(TestAdmin.NAME).enabled()).isTrue();
	}

	@Test
	void anAdminIssuesATokenForAUser() {
		String name = unique("robot");
		this.accounts.create(name, PASSWORD, Set.of(Role.DEPLOYER));

		MvcTestResult issued = send("POST", "/api/v1/users/" + name + "/tokens", "{\"name\": \"deployer-bot\"}");

		assertThat(issued).hasStatus(HttpStatus.CREATED);
		String token = json(issued).get("token").asString();
		assertThat(json(this.mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange())
			.get("name")
			.asString()).isEqualTo(name);
	}

	@Test
	void aViewerMayNotManageUsersOrReadTheAuditLog() {
		String name = unique("viewer");
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER));
		String viewer = bearer(this.accounts.createToken(name, "t").token());

		for (MvcTestResult result : new MvcTestResult[] {
				this.mvc.get().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, viewer).exchange(),
				this.mvc.post()
					.uri("/api/v1/users")
					.header(HttpHeaders.AUTHORIZATION, viewer)
					.contentType(MediaType.APPLICATION_JSON)
					.content(user(unique("x"), PASSWORD, "\"ADMIN\""))
					.exchange(),
				this.mvc.get().uri("/api/v1/audit").header(HttpHeaders.AUTHORIZATION, viewer).exchange() }) {
			assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void userAndTokenChangesAreAuditedAndTheAuditLogFilters() {
		String name = unique("frank");
		send("POST", "/api/v1/users", user(name, PASSWORD, "\"VIEWER\""));
		send("PUT", "/api/v1/users/" + name, "{\"roles\": [\"EDITOR\"]}");
		String token = bearer(this.accounts.createToken(name, "own").token());
		MvcTestResult created = this.mvc.post()
			.uri("/api/v1/tokens")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"second\"}")
			.exchange();
		this.mvc.delete()
			.uri("/api/v1/tokens/{id}", json(created).get("id").asLong())
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange();

		JsonNode byAdmin = json(send("GET", "/api/v1/audit?actor=admin&action=USER_CREATED&size=5", null));
		assertThat(byAdmin.propertyNames()).containsExactlyInAnyOrder("items", "page", "size", "total");
		assertThat(byAdmin.get("size").asInt()).isEqualTo(5);
		JsonNode newest = byAdmin.get("items").get(0);
		assertThat(newest.propertyNames()).containsExactlyInAnyOrder("id", "at", "actor", "action", "target", "outcome",
				"detail");
		assertThat(newest.get("target").asString()).isEqualTo(name);
		assertThat(newest.get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(byAdmin.get("items").valueStream())
			.allSatisfy((entry) -> assertThat(entry.get("action").asString()).isEqualTo("USER_CREATED"));

		JsonNode roles = json(send("GET", "/api/v1/audit?action=ROLES_CHANGED", null)).get("items").get(0);
		assertThat(roles.get("target").asString()).isEqualTo(name);
		assertThat(roles.get("detail").asString()).isEqualTo("[VIEWER] -> [EDITOR]");

		JsonNode byUser = json(send("GET", "/api/v1/audit?actor=" + name, null));
		assertThat(byUser.get("total").asLong()).isEqualTo(2);
		assertThat(byUser.get("items")
			.valueStream()
			.map((entry) -> entry.get("action").asString() + " " + entry.get("target").asString()))
			.containsExactly("TOKEN_REVOKED " + name + "/second", "TOKEN_CREATED " + name + "/second");
	}

	private MvcTestResult send(String method, String path, String body) {
		MockMvcRequestBuilder request = this.mvc.method(HttpMethod.valueOf(method))
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request.exchange();
	}

	private static String user(String name, String password, String roles) {
		return "{\"name\": \"" + name + "\", \"password\": \"" + password + "\", \"roles\": [" + roles + "]}";
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String errorPath) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		if (errorPath != null) {
			assertThat(json(result).at("/errors/0/path").asString()).isEqualTo(errorPath);
		}
	}

}
