package io.podcomposer.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/** Users made for one test, and how their tokens are to be stored. */
public final class TestAccounts {

	public static final String PASSWORD = "a-good-test-password";

	private TestAccounts() {
	}

	/**
	 * A new user with {@link #PASSWORD}; the test database lives for the whole run, so
	 * every name is new: the prefix and a random part.
	 */
	public static String create(AccountService accounts, String prefix, Role... roles) {
		String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(name, PASSWORD, Set.of(roles));
		return name;
	}

	/**
	 * The SHA-256 of a token as lower-case hex, worked out here rather than by the code
	 * under test.
	 */
	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
