package io.podcomposer.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.podcomposer.system.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The API's answers to a caller who is not signed in (401) or may not do it (403, naming
 * the role it needs): problem details, never a redirect to the login page.
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** A session of the browser that an admin or a password change ended. */
	static final String SESSION_ENDED = "Your portal session was ended (a new password, other roles, or a disabled"
			+ " account); sign in again, or send an API token: Authorization: Bearer <token>.";

	private final RequiredRole required;

	ApiProblems(RequiredRole required) {
		this.required = required;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(response, request, HttpStatus.UNAUTHORIZED,
				"Send an API token: Authorization: Bearer <token>. Tokens are made on the profile page."
						+ " In a browser signed in to the portal (as in Swagger UI), the session counts too.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException) {
			write(response, request, HttpStatus.FORBIDDEN, "This change is signed in by the browser's session, so it"
					+ " needs the session's CSRF token in the " + SessionCsrf.HEADER + " header (Swagger UI sends it;"
					+ " reload a page of the portal if the token is missing), or an API token instead: Authorization:"
					+ " Bearer <token>.");
			return;
		}
		write(response, request, HttpStatus.FORBIDDEN,
				Refusal.forApi(SecurityContextHolder.getContext().getAuthentication(), this.required.of(request)));
	}

	static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String detail)
			throws IOException {
		ProblemResponses.write(request, response, status, detail);
	}

}
