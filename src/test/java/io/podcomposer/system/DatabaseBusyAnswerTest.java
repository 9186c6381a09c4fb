package io.podcomposer.system;

import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A database that is busy (a row held past the lock timeout, no pooled connection free in
 * time) is a 503 the client may retry, never a 500: these are what a burst of writers
 * meets, in a controller or in a filter before it (the bearer token's lookup, the session
 * store).
 */
class DatabaseBusyAnswerTest {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
		.setControllerAdvice(new ApiExceptionHandler())
		.addFilters(new DatabaseBusyFilter())
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "lock", "transaction", "connection" })
	void aBusyDatabaseIsA503ProblemWithRetryAfterForTheApi(String failure) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(post("/api/fail/" + failure)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("nothing was changed").doesNotContain("Exception", "org.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "lock", "transaction", "connection" })
	void aBusyDatabaseIsA503PageForThePages(String failure) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(post("/pages/fail/" + failure)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("<h2>The portal is busy</h2>", "Nothing was changed");
	}

	@Test
	void otherDatabaseFailuresAreLeftToTheirHandlers() {
		assertThatException().isThrownBy(() -> this.mvc.perform(post("/api/fail/constraint")))
			.withRootCauseInstanceOf(DataIntegrityViolationException.class);
	}

	@RestController
	static class Failing {

		private static final Supplier<SQLTransientConnectionException> POOL_TIMEOUT = () -> new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 30000ms");

		@PostMapping({ "/api/fail/{failure}", "/pages/fail/{failure}" })
		void fail(@PathVariable String failure) {
			throw switch (failure) {
				case "lock" -> new PessimisticLockingFailureException("Timeout trying to lock table");
				case "transaction" ->
					new CannotCreateTransactionException("Could not open JPA EntityManager", POOL_TIMEOUT.get());
				case "connection" ->
					new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMEOUT.get());
				default -> new DataIntegrityViolationException("unique index");
			};
		}

	}

}
