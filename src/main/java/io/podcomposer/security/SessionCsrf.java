package io.podcomposer.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.WebUtils;

/**
 * CSRF for API calls that the browser's session signs in (as Swagger UI's "Try it out"
 * does): they change nothing without the session's CSRF token, the one the pages use, in
 * the header the pages name. The pages copy that token into a cookie that scripts of the
 * portal's own origin can read ({@link #COOKIE}) and Swagger UI sends back as the header
 * (springdoc's {@code springdoc.swagger-ui.csrf}). The cookie only carries the token to
 * the script: what counts is the header, compared with the token in the session, so a
 * cookie set by anyone else proves nothing.
 */
final class SessionCsrf {

	/** Named in application.properties too, for Swagger UI. */
	static final String COOKIE = "API-CSRF-TOKEN";

	/**
	 * The header the pages' scripts send the token in, and Swagger UI too
	 * (application.properties).
	 */
	static final String HEADER = "X-CSRF-TOKEN";

	/**
	 * A change signed in by the session alone. A Bearer token is no ambient credential
	 * (the token filter then decides), and without a session the caller is anonymous and
	 * gets a 401.
	 */
	static final RequestMatcher NEEDED = (request) -> !isSafe(request.getMethod())
			&& !BearerTokenFilter.sendsBearer(request) && request.getSession(false) != null;

	/**
	 * The token as sent, unmasked, and only as a header: no form of another site can send
	 * one.
	 */
	static final CsrfTokenRequestAttributeHandler FROM_HEADER = new CsrfTokenRequestAttributeHandler() {

		@Override
		public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
			return request.getHeader(token.getHeaderName());
		}

	};

	private SessionCsrf() {
	}

	/** Where the pages and the API keep a session's token: in the session. */
	static HttpSessionCsrfTokenRepository sessionTokens() {
		HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
		tokens.setHeaderName(HEADER);
		return tokens;
	}

	private static boolean isSafe(String method) {
		return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)
				|| HttpMethod.TRACE.matches(method);
	}

	/**
	 * Sets the cookie to the session's token, unless the request shows that it holds it
	 * already.
	 */
	static void publish(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		Cookie sent = WebUtils.getCookie(request, COOKIE);
		if (sent == null || !token.getToken().equals(sent.getValue())) {
			write(token.getToken(), request, response);
		}
	}

	/** Signing in or out: the token it held holds no more. */
	static void withdraw(HttpServletRequest request, HttpServletResponse response) {
		if (WebUtils.getCookie(request, COOKIE) != null) {
			write("", request, response);
		}
	}

	private static void write(String value, HttpServletRequest request, HttpServletResponse response) {
		// readable by the portal's scripts (not HttpOnly), sent to no other site
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
			.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
			.secure(request.isSecure())
			.sameSite("Strict")
			.maxAge(value.isEmpty() ? 0 : -1)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
