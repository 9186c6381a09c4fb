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

/**
 * The API's answers to a caller who is not signed in (401) or may not do it (403, naming the role
 * it needs): problem details, never a redirect to the login page.
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final RequiredRole required;

	ApiProblems(RequiredRole required) {
		this.required = required;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(response, request, HttpStatus.UNAUTHORIZED,
				"Send an API token: Authorization: Bearer <token>. Tokens are made on the profile page.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, request, HttpStatus.FORBIDDEN,
				Refusal.forApi(SecurityContextHolder.getContext().getAuthentication(), this.required.of(request)));
	}

	static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String detail)
			throws IOException {
		ProblemResponses.write(request, response, status, detail);
	}

}
