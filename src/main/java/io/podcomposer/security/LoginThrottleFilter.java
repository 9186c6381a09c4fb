package io.podcomposer.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the login form's POST, unread, from a client with too many failed attempts
 * ({@link ClientThrottle}, which {@link LoginAttempts} tells of each): a 429 with
 * {@code Retry-After} and the login page saying how long to wait.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	/**
	 * The request attribute that tells the login page how many seconds the client waits.
	 */
	static final String RETRY_AFTER = "io.podcomposer.security.LoginThrottleFilter.retryAfter";

	private static final RequestMatcher LOGIN_FORM = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final ClientThrottle throttle;

	LoginThrottleFilter(ClientThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Duration wait = LOGIN_FORM.matches(request) ? this.throttle.retryAfter(request.getRemoteAddr()) : Duration.ZERO;
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		String seconds = ClientThrottle.seconds(wait);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
		request.setAttribute(RETRY_AFTER, seconds);
		// the login page, as a GET: the form is not taken
		request.getRequestDispatcher("/login").forward(new HttpServletRequestWrapper(request) {

			@Override
			public String getMethod() {
				return HttpMethod.GET.name();
			}

		}, response);
	}

}
