package io.podcomposer.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the session once there is one (signed in), and in a cookie before: the
 * login page is shown to anyone, and a session (a row in the database) for each of its
 * visitors would let anonymous requests fill the database. A session's token, once a page
 * uses it, is also handed to the portal's own scripts for API calls
 * ({@link SessionCsrf}).
 */
final class LoginCsrfTokenRepository implements CsrfTokenRepository {

	private final HttpSessionCsrfTokenRepository session = SessionCsrf.sessionTokens();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	LoginCsrfTokenRepository() {
		this.cookie.setHeaderName(this.session.generateToken(null).getHeaderName());
		this.cookie.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			// signing in or out: neither the login page's token nor the session's holds
			// after
			this.session.saveToken(null, request, response);
			this.cookie.saveToken(null, request, response);
			SessionCsrf.withdraw(request, response);
		}
		else if (request.getSession(false) != null) {
			this.session.saveToken(token, request, response);
		}
		else {
			this.cookie.saveToken(token, request, response);
		}
	}

	@Override
	public DeferredCsrfToken loadDeferredToken(HttpServletRequest request, HttpServletResponse response) {
		DeferredCsrfToken deferred = CsrfTokenRepository.super.loadDeferredToken(request, response);
		return new DeferredCsrfToken() {

			private boolean published;

			@Override
			public CsrfToken get() {
				CsrfToken token = deferred.get();
				if (!this.published && request.getSession(false) != null) {
					SessionCsrf.publish(token, request, response);
					this.published = true;
				}
				return token;
			}

			@Override
			public boolean isGenerated() {
				return deferred.isGenerated();
			}

		};
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return (request.getSession(false) != null) ? this.session.loadToken(request) : this.cookie.loadToken(request);
	}

}
