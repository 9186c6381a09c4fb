package io.podcomposer.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the portal writes to disk holds no password and no token, only their hashes. */
class DataAtRestTest {

	private static final String ADMIN_PASSWORD = "at-rest-admin-password";

	private static final String ADMIN_TOKEN = "pct_at-rest-admin-token";

	private static final String PASSWORD = "at-rest-user-password";

	@Test
	void theDataFolderHoldsOnlyHashesOfPasswordsAndTokens(@TempDir Path dataDir) throws IOException {
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
