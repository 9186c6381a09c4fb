package io.podcomposer.security;

import java.util.Map;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * API tokens: kept only as a hash, and refused when wrong, revoked or of a disabled user.
 */
@SecurityTest
@AlsoOnPostgres
class ApiTokenTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountService accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void onlyTheSha256HexOfATokenIsStored() {
		String name = TestAccounts.create(this.accounts, "token-hash", Role.VIEWER);
		AccountService.IssuedToken token = this.accounts.createToken(name, "ci");

		Map<String, Object> row = this.jdbc.queryForMap("select * from api_token where id = ?", token.id());

		assertThat(row).containsEntry("TOKEN_HASH", TestAccounts.sha256(token.token()));
		assertThat(row.values()).map(String::valueOf).noneMatch((value) -> value.contains(token.token()));
	}

	@Test
	void aWrongTokenIsAnswered401WithAProblemAndWwwAuthenticate() throws Exception {
		MockHttpServletResponse response = render("Bearer pct_not-a-token");

		assertUnauthorized(response);
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
	}

	@Test
	void anEmptyBearerIsAnswered401() throws Exception {
		assertUnauthorized(render("Bearer "));
	}

	@Test
	void aTokenOfADisabledUserIsRefused() throws Exception {
		String name = TestAccounts.create(this.accounts, "token-disabled", Role.VIEWER);
		String token = this.accounts.createToken(name, "ci").token();
		assertThat(render("Bearer " + token).getStatus()).isEqualTo(200);

		this.accounts.update(name, null, null, false);

		assertUnauthorized(render("Bearer " + token));
	}

	@Test
	void aRevokedTokenIsRefused() throws Exception {
		String name = TestAccounts.create(this.accounts, "token-revoked", Role.VIEWER);
		AccountService.IssuedToken token = this.accounts.createToken(name, "ci");
		assertThat(render("Bearer " + token.token()).getStatus()).isEqualTo(200);

		this.accounts.revokeToken(name, token.id());

		assertUnauthorized(render("Bearer " + token.token()));
	}

	@Test
	void aTokenRevokedThroughAnotherReplicaIsRefusedHereWithinSeconds() throws Exception {
		String name = TestAccounts.create(this.accounts, "token-elsewhere", Role.VIEWER);
		AccountService.IssuedToken token = this.accounts.createToken(name, "ci");
		assertThat(render("Bearer " + token.token()).getStatus()).isEqualTo(200);

		// what another instance's revoke leaves in the shared database
		this.jdbc.update("delete from api_token where id = ?", token.id());

		assertThat(render("Bearer " + token.token()).getStatus()).as("still remembered").isEqualTo(200);
		this.clock.advance(AuthenticatedTokens.LIFETIME);
		assertUnauthorized(render("Bearer " + token.token()));
	}

	@Test
	void theBootstrapTokenWorks() throws Exception {
		assertThat(render(TestAdmin.BEARER).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse render(String authorization) throws Exception {
		return this.mvc
			.perform(post("/api/v1/render").header(HttpHeaders.AUTHORIZATION, authorization)
				.contentType(MediaType.APPLICATION_JSON)
				.content(PortalClient.POD_JSON))
			.andReturn()
			.getResponse();
	}

	private static void assertUnauthorized(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getContentAsString()).contains("\"status\":401");
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isNotNull();
	}

}
