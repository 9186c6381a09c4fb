package io.podcomposer.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins and unknown API tokens per client address: after {@code failures} of
 * them within {@code window}, the client's attempts are refused, unread, with a 429 until
 * that window ends. Kept in memory, per replica, for at most {@link #MOST_CLIENTS}
 * addresses, the least recently seen forgotten first, so that no number of addresses
 * makes it grow past that.
 */
@Component
class ClientThrottle {

	static final int MOST_CLIENTS = 10_000;

	private final Clock clock;

	private final int failures;

	private final Duration window;

	private final Map<String, Window> clients = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
			return size() > MOST_CLIENTS;
		}

	};

	ClientThrottle(Clock clock, @Value("${podcomposer.security.throttle.failures}") int failures,
			@Value("${podcomposer.security.throttle.window}") Duration window) {
		this.clock = clock;
		this.failures = failures;
		this.window = window;
	}

	private record Window(Instant start, int failures) {
	}

	/**
	 * Checked before an attempt is read. Attempts in flight are not counted: a parallel
	 * burst may pass the limit by as many as run at once, but a client with many requests
	 * in flight (a busy automation, its tokens all good) is never refused for them.
	 * @return how long the client must wait before it may try again; zero when it may go
	 * on
	 */
	synchronized Duration retryAfter(String client) {
		Window current = this.clients.get(client);
		Instant now = this.clock.instant();
		if (current == null || current.failures() < this.failures || !now.isBefore(current.start().plus(this.window))) {
			return Duration.ZERO;
		}
		return Duration.between(now, current.start().plus(this.window));
	}

	synchronized void failed(String client) {
		Instant now = this.clock.instant();
		Window current = this.clients.get(client);
		if (current == null || !now.isBefore(current.start().plus(this.window))) {
			this.clients.put(client, new Window(now, 1));
		}
		else {
			this.clients.put(client, new Window(current.start(), current.failures() + 1));
		}
	}

	/** Whole seconds, rounded up, as the Retry-After header gives them. */
	static String seconds(Duration wait) {
		return String.valueOf((wait.toMillis() + 999) / 1000);
	}

}
