package io.podcomposer;

/** The bootstrap admin that the build (surefire) gives every test's application. */
public final class TestAdmin {

	public static final String NAME = "admin";

	public static final String PASSWORD = "admin-test-password";

	public static final String TOKEN = "pct_test-admin-token";

	public static final String BEARER = "Bearer " + TOKEN;

	private TestAdmin() {
	}

}
