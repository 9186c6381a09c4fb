package io.podcomposer.security;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.MockSessionIds;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.podcomposer.security.AccountTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A change to an account ends its browser sessions: nobody goes on with what no longer
 * holds.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MockSessionIds.class)
@AlsoOnPostgres
class UserSessionsTest {

	private static final String PASSWORD = "a-long-password";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private AccountService accounts;

	@Test
	void disablingAUserEndsTheirSession() {
		assertSessionEndsAfter((name) -> this.accounts.update(name, null, null, false));
	}

	@Test
	void newRolesEndTheSession() {
		assertSessionEndsAfter((name) -> this.accounts.update(name, null, List.of(Role.VIEWER), null));
	}

	@Test
	void aNewPasswordEndsTheSession() {
		assertSessionEndsAfter((name) -> this.accounts.update(name, "another-long-password", null, null));
	}

	@Test
	void deletingAUserEndsTheirSession() {
		assertSessionEndsAfter(this.accounts::delete);
	}

	@Test
	void anUnchangedAccountKeepsItsSession() {
		assertSessionEndsAfter((name) -> this.accounts.update(name, null, null, null), false);
	}

	private void assertSessionEndsAfter(Consumer<String> change) {
		assertSessionEndsAfter(change, true);
	}

	private void assertSessionEndsAfter(Consumer<String> change, boolean ends) {
		String name = unique("sess");
		this.accounts.create(name, PASSWORD, Set.of(Role.EDITOR));
		MockHttpSession session = new MockHttpSession();
		assertThat(this.mvc.post()
			.uri("/login")
			.param("username", name)
			.param("password", PASSWORD)
			.with(csrf())
			.session(session)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/compose");
		assertThat(this.mvc.get().uri("/compose").session(session)).hasStatusOk();

		change.accept(name);

		if (ends) {
			assertThat(this.mvc.get().uri("/compose").session(session)).hasStatus(HttpStatus.FOUND)
				.hasRedirectedUrl("/login?expired");
		}
		else {
			assertThat(this.mvc.get().uri("/compose").session(session)).hasStatusOk();
		}
	}

}
