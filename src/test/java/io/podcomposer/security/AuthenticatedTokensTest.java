package io.podcomposer.security;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticatedTokensTest {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	private static final AuthenticatedTokens.Bearer ALICE = new AuthenticatedTokens.Bearer("alice",
			Set.of(Role.VIEWER));

	private final AuthenticatedTokens tokens = new AuthenticatedTokens();

	@Test
	void aTokenIsRememberedForItsLifetimeOnly() {
		this.tokens.remember("hash", ALICE, NOW);

		assertThat(this.tokens.find("hash", NOW.plus(AuthenticatedTokens.LIFETIME).minusMillis(1))).contains(ALICE);
		assertThat(this.tokens.find("hash", NOW.plus(AuthenticatedTokens.LIFETIME))).isEmpty();
		assertThat(this.tokens.find("other", NOW)).isEmpty();
	}

	@Test
	void forgettingInATransactionForgetsAgainWhenItEnds() {
		TransactionSynchronizationManager.initSynchronization();
		try {
			this.tokens.remember("hash", ALICE, NOW);
			this.tokens.forgetAll();
			assertThat(this.tokens.find("hash", NOW)).isEmpty();

			// a call that read the accounts before the change committed
			this.tokens.remember("hash", ALICE, NOW);
			TransactionSynchronizationManager.getSynchronizations()
				.forEach((synchronization) -> synchronization
					.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

			assertThat(this.tokens.find("hash", NOW)).isEmpty();
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

}
