package io.podcomposer.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The limit on request bodies, 1 MiB, for the API and the pages alike
 * ({@link RequestBodyLimitFilter} holds every request to it). The declared Content-Length
 * is checked first; a body sent without one (chunked) is counted while it is read, and
 * never read past the limit.
 */
public final class RequestBodyLimit {

	public static final int MAX_BYTES = 1024 * 1024;

	private RequestBodyLimit() {
	}

	/**
	 * The whole body of the request.
	 * @throws BodyTooLargeException when it is over the limit
	 */
	public static byte[] read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			throw new BodyTooLargeException();
		}
		// one byte more than allowed is enough to tell that a body is too large
		byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
		if (body.length > MAX_BYTES) {
			throw new BodyTooLargeException();
		}
		return body;
	}

	/** A request body over the limit. */
	public static class BodyTooLargeException extends DomainException {

		BodyTooLargeException() {
			super(Kind.TOO_LARGE, "Body too large", "the body is larger than " + MAX_BYTES + " bytes (1 MiB)");
		}

	}

}
