package io.podcomposer.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API calls that carry {@code Authorization: Bearer <token>}. A token that is
 * unknown, revoked or belongs to a disabled or locked user gets a 401 at once, and counts
 * against the client's address: too many, and its next tokens get a 429 unread
 * ({@link ClientThrottle}).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final AccountService accounts;

	private final ClientThrottle throttle;

	BearerTokenFilter(AccountService accounts, ClientThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	/**
	 * Whether the request signs in with a token; then the token alone decides, not a
	 * session cookie.
	 */
	static boolean sendsBearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!sendsBearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		Duration wait = this.throttle.retryAfter(request.getRemoteAddr());
		if (!wait.isZero()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, ClientThrottle.seconds(wait));
			ApiProblems.write(response, request, HttpStatus.TOO_MANY_REQUESTS, "Too many API tokens that were not valid"
					+ " came from your address; try again in " + ClientThrottle.seconds(wait) + " seconds.");
			return;
		}
		String value = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
		AuthenticatedTokens.Bearer bearer = value.isEmpty() ? null
				: this.accounts.authenticateToken(value).orElse(null);
		if (bearer == null) {
			this.throttle.failed(request.getRemoteAddr());
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			ApiProblems.write(response, request, HttpStatus.UNAUTHORIZED,
					"The API token is not valid, or its account is disabled or locked.");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(bearer.name(), null,
				bearer.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
