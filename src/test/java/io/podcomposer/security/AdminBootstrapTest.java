package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh install gets one admin, and a restart gets nothing more. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

	private static final Pattern PRINTED_PASSWORD = Pattern
		.compile("={20,}\\R Pod Composer created the user 'admin'\\. Its generated password:\\R\\R\\s+(\\S+)\\R");

	@Test
	void withoutAPasswordSetAGeneratedOneIsPrintedOnceAndSignsIn(CapturedOutput output, @TempDir Path dataDir) {
		String password;
		try (FreshPortal portal = FreshPortal.start(dataDir, "", "")) {
			List<String> printed = PRINTED_PASSWORD.matcher(output.getOut())
				.results()
				.map((found) -> found.group(1))
				.toList();
			assertThat(printed).as("the marked block with the password").hasSize(1);
			password = printed.get(0);
			assertThat(password).hasSizeGreaterThanOrEqualTo(AccountService.MIN_PASSWORD_LENGTH);
			assertSignsIn(portal, password);
			assertThat(portal.count("user_account")).isEqualTo(1);
		}
		int printedBefore = output.getOut().length();

		try (FreshPortal portal = FreshPortal.start(dataDir, "", "")) {
			assertThat(output.getOut().substring(printedBefore)).doesNotContain("generated password", password);
			assertThat(portal.count("user_account")).isEqualTo(1);
			assertSignsIn(portal, password);
		}
	}

	@Test
	void aPasswordAndATokenSetAreTheAdminsAndNothingIsPrinted(CapturedOutput output, @TempDir Path dataDir) {
		String password = "operator-chosen-password";
		String token = "pct_operator-chosen-token";
		try (FreshPortal portal = FreshPortal.start(dataDir, password, token)) {
			assertThat(output.getOut()).doesNotContain("generated password", password, token);
			assertSignsIn(portal, password);
			assertThat(tokenHashes(portal)).containsExactly(TestAccounts.sha256(token));
			assertThat(render(portal, token).statusCode()).isEqualTo(200);
		}

		try (FreshPortal portal = FreshPortal.start(dataDir, password, token)) {
			assertThat(portal.count("user_account")).isEqualTo(1);
			assertThat(tokenHashes(portal)).containsExactly(TestAccounts.sha256(token));
			assertThat(render(portal, token).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void aChangedTokenSettingReplacesTheOldToken(@TempDir Path dataDir) {
		String password = "operator-chosen-password";
		try (FreshPortal portal = FreshPortal.start(dataDir, password, "pct_first-token")) {
			assertThat(render(portal, "pct_first-token").statusCode()).isEqualTo(200);
		}

		try (FreshPortal portal = FreshPortal.start(dataDir, password, "pct_second-token")) {
			assertThat(tokenHashes(portal)).containsExactly(TestAccounts.sha256("pct_second-token"));
			assertThat(render(portal, "pct_second-token").statusCode()).isEqualTo(200);
			assertThat(render(portal, "pct_first-token").statusCode()).isEqualTo(401);
		}
	}

	private static void assertSignsIn(FreshPortal portal, String password) {
		PortalClient.signedIn(portal.port(), AdminBootstrap.ADMIN, password);
	}

	private static List<String> tokenHashes(FreshPortal portal) {
		return portal.bean(JdbcTemplate.class).queryForList("select token_hash from api_token", String.class);
	}

	private static HttpResponse<String> render(FreshPortal portal, String token) {
		return new PortalClient(portal.port()).render("Authorization", "Bearer " + token);
	}

}
