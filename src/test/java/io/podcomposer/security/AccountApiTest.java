package io.podcomposer.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import io.podcomposer.security.AccountService.IssuedToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static io.podcomposer.security.AccountTests.bearer;
import static io.podcomposer.security.AccountTests.json;
import static io.podcomposer.security.AccountTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/me} and {@code /api/v1/tokens} with the real security: Bearer tokens.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class AccountApiTest {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private AccountService accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void meTellsWhoTheTokenBelongsToWithTheRolesAsGranted() {
		JsonNode me = json(get("/api/v1/me", TestAdmin.BEARER));

		assertThat(me.get("name").asString()).isEqualTo(TestAdmin.NAME);
		assertThat(me.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
		assertThat(me.propertyNames()).containsExactlyInAnyOrder("name", "roles");
	}

	@Test
	void withoutAValidTokenTheApiAnswers401AsAProblem() {
		MvcTestResult none = this.mvc.get().uri("/api/v1/me").exchange();
		MvcTestResult wrong = this.mvc.get()
			.uri("/api/v1/me")
			.header(HttpHeaders.AUTHORIZATION, bearer("pct_nope"))
			.exchange();

		assertThat(none).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(wrong).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aCreatedTokenIsShownOnceSignsInAndNotesWhenItWasUsed() throws Exception {
		String token = userToken(unique("tok"), Role.EDITOR);

		MvcTestResult created = post("/api/v1/tokens", bearer(token), "{\"name\": \"ci pipeline\"}");
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode issued = json(created);
		assertThat(issued.propertyNames()).containsExactlyInAnyOrder("id", "name", "token", "createdAt");
		assertThat(issued.get("name").asString()).isEqualTo("ci pipeline");
		String value = issued.get("token").asString();
		assertThat(value).startsWith("pct_").hasSizeGreaterThan(40);

		assertThat(json(get("/api/v1/me", bearer(value))).get("roles").toString()).isEqualTo("[\"EDITOR\"]");

		JsonNode listed = tokenNamed(json(get("/api/v1/tokens", bearer(token))), "ci pipeline");
		assertThat(listed.propertyNames()).containsExactlyInAnyOrder("id", "name", "createdAt", "lastUsedAt");
		assertThat(listed.get("id").asLong()).isEqualTo(issued.get("id").asLong());
		assertThat(listed.get("lastUsedAt").isNull()).isFalse();
		assertThat(get("/api/v1/tokens", bearer(token)).getResponse().getContentAsString()).doesNotContain(value)
			.doesNotContain(TokenValues.hash(value));
	}

	@Test
	void theDatabaseKeepsOnlyTheSha256OfAToken() {
		IssuedToken issued = this.accounts.createToken(createUser(unique("hash"), Role.VIEWER), "stored");

		Map<String, Object> row = this.jdbc.queryForMap("select * from api_token where id = ?", issued.id());

		assertThat(row.get("TOKEN_HASH")).isEqualTo(sha256Hex(issued.token()));
		assertThat(row.values())
			.allSatisfy((column) -> assertThat(String.valueOf(column)).doesNotContain(issued.token()));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where target like ? or detail like ?",
				Integer.class, "%" + issued.token() + "%", "%" + issued.token() + "%"))
			.isZero();
	}

	@Test
	void aRevokedTokenNoLongerSignsIn() {
		String owner = userToken(unique("rev"), Role.VIEWER);
		String value = json(post("/api/v1/tokens", bearer(owner), "{\"name\": \"short-lived\"}")).get("token")
			.asString();
		long id = tokenNamed(json(get("/api/v1/tokens", bearer(owner))), "short-lived").get("id").asLong();

		assertThat(this.mvc.delete().uri("/api/v1/tokens/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer(owner)))
			.hasStatus(HttpStatus.NO_CONTENT);

		assertThat(get("/api/v1/me", bearer(value))).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(
				json(get("/api/v1/tokens", bearer(owner))).valueStream().map((token) -> token.get("name").asString()))
			.doesNotContain("short-lived");
	}

	@Test
	void anotherUsersTokenIsNotFound() {
		String alice = userToken(unique("alice"), Role.VIEWER);
		String bob = userToken(unique("bob"), Role.ADMIN);
		long aliceTokenId = json(get("/api/v1/tokens", bearer(alice))).get(0).get("id").asLong();

		MvcTestResult result = this.mvc.delete()
			.uri("/api/v1/tokens/{id}", aliceTokenId)
			.header(HttpHeaders.AUTHORIZATION, bearer(bob))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(get("/api/v1/me", bearer(alice))).hasStatusOk();
	}

	@Test
	void aTokenNeedsAName() {
		MvcTestResult result = post("/api/v1/tokens", TestAdmin.BEARER, "{\"name\": \"  \"}");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json(result).at("/errors/0/path").asString()).isEqualTo("name");
	}

	/** PostgreSQL cannot store U+0000: refused on both databases, not a 500 on one. */
	@Test
	void aTokenNameHoldsNoControlCharacters() {
		for (String name : List.of("a\\u0000b", "two\\nlines", "red\\u001b[0m!")) {
			MvcTestResult result = post("/api/v1/tokens", TestAdmin.BEARER, "{\"name\": \"" + name + "\"}");

			assertThat(result).as(name).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(json(result).at("/errors/0/path").asString()).isEqualTo("name");
		}
	}

	@Test
	void malformedJsonIsA400WithWhereItBrokeButNotTheText() {
		MvcTestResult result = post("/api/v1/tokens", TestAdmin.BEARER, "{\"name\": \"ok\",\n \"x\": secret-text}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json(result);
		assertThat(problem.get("line").asInt()).isEqualTo(2);
		assertThat(problem.get("detail").asString()).contains("line 2").doesNotContain("secret");
	}

	private MvcTestResult get(String path, String authorization) {
		return this.mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).exchange();
	}

	private MvcTestResult post(String path, String authorization, String body) {
		return this.mvc.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private String createUser(String name, Role role) {
		return this.accounts.create(name, "long-enough-password", Set.of(role)).name();
	}

	/** A new user with one token; its value. */
	private String userToken(String name, Role role) {
		return this.accounts.createToken(createUser(name, role), "first").token();
	}

	private static JsonNode tokenNamed(JsonNode tokens, String name) {
		List<JsonNode> found = tokens.valueStream()
			.filter((token) -> token.get("name").asString().equals(name))
			.toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	/** Computed here, not with the code under test. */
	private static String sha256Hex(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
