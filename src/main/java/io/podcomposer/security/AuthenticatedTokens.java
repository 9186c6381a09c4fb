package io.podcomposer.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API tokens authenticated in the last few seconds, by hash, so that a client's calls do
 * not each cost a query: that query was a fifth of the time of a validate call. Any
 * change to an account or a token here empties it, when it is made and again when it
 * commits (a call in between could have read the state before); a change made through
 * another replica holds here after at most {@link #LIFETIME}, as a revoked token does on
 * a Kubernetes API server's token cache.
 */
final class AuthenticatedTokens {

	static final Duration LIFETIME = Duration.ofSeconds(5);

	/**
	 * More valid tokens than this in a few seconds is no use case; the map then starts
	 * again.
	 */
	private static final int MOST = 10_000;

	/** Who a token authenticates: enough to authorize a call. */
	record Bearer(String name, Set<Role> roles) {
	}

	private record Entry(Bearer bearer, Instant until) {
	}

	private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

	Optional<Bearer> find(String tokenHash, Instant now) {
		Entry entry = this.entries.get(tokenHash);
		if (entry == null || !now.isBefore(entry.until())) {
			return Optional.empty();
		}
		return Optional.of(entry.bearer());
	}

	void remember(String tokenHash, Bearer bearer, Instant now) {
		if (this.entries.size() >= MOST) {
			this.entries.clear();
		}
		this.entries.put(tokenHash, new Entry(bearer, now.plus(LIFETIME)));
	}

	/** Forgets them all, now and once the current transaction, if any, has committed. */
	void forgetAll() {
		this.entries.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					AuthenticatedTokens.this.entries.clear();
				}

			});
		}
	}

}
