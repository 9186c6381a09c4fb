package io.podcomposer.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database that is busy (a row held past H2's lock timeout, no pooled connection free
 * in time) is a {@code 503} with {@code Retry-After}, never a 500: nothing was changed,
 * and the same request may well succeed a moment later. It wraps everything that may read
 * the database, so the bearer token's lookup and the session store are answered the same
 * way as a controller: problem details for the API, a page for the rest. That page is
 * written here, not by the error page, whose dispatch would read the session from the
 * busy database again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseBusyFilter extends OncePerRequestFilter {

	static final String DETAIL = "other requests held what this one needed for too long; nothing was changed, retry";

	private static final byte[] PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			  <meta charset="utf-8">
			  <meta name="viewport" content="width=device-width, initial-scale=1">
			  <title>503 · Pod Composer</title>
			  <link rel="stylesheet" href="/css/app.css">
			</head>
			<body>
			<main class="composer error-page">
			  <div class="card">
			    <h2>The portal is busy</h2>
			    <p>Other requests held what this one needed for too long. Nothing was changed; try again in a moment.</p>
			    <p class="muted">503 Service Unavailable</p>
			    <p><a class="button primary" href="/compose">Back to the composer</a></p>
			  </div>
			</main>
			</body>
			</html>
			"""
		.getBytes(StandardCharsets.UTF_8);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!busy(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			if (request.getRequestURI().startsWith("/api/")) {
				ProblemResponses.writeBeforeSecurity(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Busy", DETAIL);
			}
			else {
				writePage(response);
			}
		}
	}

	private static void writePage(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
		response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(PAGE.length);
		response.getOutputStream().write(PAGE);
	}

	private static boolean busy(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PessimisticLockingFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof CannotGetJdbcConnectionException
					// the pool's timeout, as Hibernate reports it outside a transaction
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

}
