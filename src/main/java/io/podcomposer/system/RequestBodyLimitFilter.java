package io.podcomposer.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.podcomposer.system.RequestBodyLimit.BodyTooLargeException;

/**
 * Holds every request, API and pages, to {@link RequestBodyLimit#MAX_BYTES}, before
 * anything reads its body: one that declares a larger Content-Length is answered
 * {@code 413} at once, and one sent without a length (chunked) is counted as it is read
 * and cut off one byte past the limit, whoever reads it. It runs before the security
 * filters, so that not even a sign-in reads more.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > RequestBodyLimit.MAX_BYTES) {
			refuse(request, response);
			return;
		}
		try {
			// with a declared length, the server reads no further than it
			chain.doFilter((declared < 0) ? new Limited(request) : request, response);
		}
		catch (BodyTooLargeException ex) {
			// read where no handler answers for it, as a filter that reads form fields
			// does
			if (response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			refuse(request, response);
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// the rest of the body is not read: the connection cannot carry another request
		response.setHeader("Connection", "close");
		ProblemResponses.writeBeforeSecurity(request, response, HttpStatus.CONTENT_TOO_LARGE, "Body too large",
				new BodyTooLargeException().getMessage());
	}

	/**
	 * A request whose body stream stops with {@link BodyTooLargeException} past the
	 * limit.
	 */
	private static final class Limited extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new CountingStream(super.getInputStream());
			}
			return this.limited;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream body;

		private long count;

		CountingStream(ServletInputStream body) {
			this.body = body;
		}

		@Override
		public int read() throws IOException {
			int next = this.body.read();
			if (next >= 0) {
				counted(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.body.read(buffer, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int bytes) {
			this.count += bytes;
			if (this.count > RequestBodyLimit.MAX_BYTES) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.body.close();
		}

	}

}
