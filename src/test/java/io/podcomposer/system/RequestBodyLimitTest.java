package io.podcomposer.system;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import io.podcomposer.system.RequestBodyLimit.BodyTooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestBodyLimitTest {

	@Test
	void readsABodyUpToTheLimit() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setContent(new byte[RequestBodyLimit.MAX_BYTES]);

		assertThat(RequestBodyLimit.read(request)).hasSize(RequestBodyLimit.MAX_BYTES);
	}

	@Test
	void refusesADeclaredLengthOverTheLimitWithoutReading() {
		EndlessBody body = new EndlessBody();

		assertThatExceptionOfType(BodyTooLargeException.class)
			.isThrownBy(() -> RequestBodyLimit.read(requestWith(body, RequestBodyLimit.MAX_BYTES + 1)));
		assertThat(body.bytesRead).isZero();
	}

	@Test
	void stopsReadingABodyWithoutLengthOneBytePastTheLimit() {
		EndlessBody body = new EndlessBody();

		assertThatExceptionOfType(BodyTooLargeException.class)
			.isThrownBy(() -> RequestBodyLimit.read(requestWith(body, -1)))
			.withMessage("the body is larger than 1048576 bytes (1 MiB)");
		assertThat(body.bytesRead).isEqualTo(RequestBodyLimit.MAX_BYTES + 1);
	}

	private static MockHttpServletRequest requestWith(EndlessBody body, long declaredLength) {
		return new MockHttpServletRequest() {

			@Override
			public ServletInputStream getInputStream() {
				return body;
			}

			@Override
			public long getContentLengthLong() {
				return declaredLength;
			}

		};
	}

	/** A body that never ends, counting what is taken from it. */
	private static final class EndlessBody extends ServletInputStream {

		private long bytesRead;

		@Override
		public int read() {
			this.bytesRead++;
			return 'x';
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			this.bytesRead += length;
			return length;
		}

		@Override
		public boolean isFinished() {
			return false;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException();
		}

	}

}
