package io.podcomposer.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import io.podcomposer.system.RequestBodyLimit.BodyTooLargeException;

/**
 * Answers what an API client did wrong as an RFC 9457 problem
 * ({@code application/problem+json}), never as a 500: Spring MVC's own errors (415, 406,
 * …) through the base class, and the services' refusals ({@link DomainException}) here.
 * <p>
 * It is not limited to handlers under {@code /api/**}: Spring raises 406 and 415 before
 * it picks a handler, and an advice with selectors would not see them. Only API code
 * throws the portal's exceptions, and for Spring's own this replaces Boot's
 * problem-details handler, which the application enables for every path anyway.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	/**
	 * A refusal of a service, answered with the status of its kind and the facts it
	 * names.
	 */
	@ExceptionHandler
	ResponseEntity<Object> handleRefused(DomainException ex, WebRequest request) {
		ProblemDetail problem = problem(status(ex.kind()), ex.title(), ex.detail());
		ex.properties().forEach(problem::setProperty);
		return answer(ex, problem, request);
	}

	/** The status a refusal is answered with, for a page that answers it itself. */
	public static int statusCode(DomainException refusal) {
		return status(refusal.kind()).value();
	}

	/** The one place a kind of refusal becomes an HTTP status. */
	static HttpStatus status(DomainException.Kind kind) {
		return switch (kind) {
			case MALFORMED -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case STALE -> HttpStatus.PRECONDITION_FAILED;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case CLUSTER_UNREACHABLE -> HttpStatus.BAD_GATEWAY;
			case CLUSTER_TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
		};
	}

	/**
	 * Two saves of the same version: the one that lost tried to save over a change it had
	 * not seen.
	 */
	@ExceptionHandler
	ResponseEntity<Object> handleStale(ObjectOptimisticLockingFailureException ex, WebRequest request) {
		return answer(ex, problem(HttpStatus.PRECONDITION_FAILED, "Precondition Failed",
				"it was changed by another request in the meantime; read it again and retry"), request);
	}

	/**
	 * A JSON body that could not be read into a request object: where it broke and which
	 * field, never the text itself, which may hold a password.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// a chunked body cut off at the limit while Jackson read it
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				return handleRefused(tooLarge, request);
			}
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed document",
				"The request needs a JSON body of the documented shape.");
		if (ex.getCause() instanceof JacksonException jackson) {
			StringBuilder detail = new StringBuilder("The body is not JSON of the documented shape");
			TokenStreamLocation location = jackson.getLocation();
			if (location != null && location.getLineNr() > 0) {
				detail.append(" at line ")
					.append(location.getLineNr())
					.append(", column ")
					.append(location.getColumnNr());
				problem.setProperty("line", location.getLineNr());
				problem.setProperty("column", location.getColumnNr());
			}
			String field = fieldPath(jackson);
			if (!field.isEmpty()) {
				detail.append(" (field ").append(field).append(')');
			}
			problem.setDetail(detail.append('.').toString());
		}
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * The field where reading failed, as in {@code roles[1]}; empty when it failed
	 * outside any.
	 */
	private static String fieldPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * A page's request that Spring refused (a bad form field, a missing parameter) gets
	 * the portal's HTML error page, as a person in a browser expects; only the API
	 * answers problem JSON.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !servlet.getRequest().getRequestURI().startsWith("/api/")
				&& servlet.getResponse() != null) {
			try {
				servlet.getResponse().sendError(statusCode.value());
			}
			catch (IOException failed) {
				throw new UncheckedIOException(failed);
			}
			return null;
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/**
	 * Problem JSON whatever the client accepts. Setting it here also keeps Spring from
	 * reading the Accept header again: when that header is what failed (406), the answer
	 * would lose its body.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		HttpHeaders problemHeaders = HttpHeaders.copyOf(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.createResponseEntity(body, problemHeaders, statusCode, request);
	}

	/**
	 * A problem titled {@code title}, or with the status's own title when that is null.
	 */
	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (title != null) {
			problem.setTitle(title);
		}
		return problem;
	}

	private ResponseEntity<Object> answer(Exception ex, ProblemDetail problem, WebRequest request) {
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.valueOf(problem.getStatus()),
				request);
	}

}
