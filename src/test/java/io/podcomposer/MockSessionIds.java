package io.podcomposer;

import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Sessions live in the database (Spring Session), so a {@link MockHttpSession} given to
 * MockMvc is not the session the application uses. With this, it carries the id of that
 * session from one MockMvc request to the next, as a browser's cookie would; requests
 * without one use the cookie.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockSessionIds {

	private static final String ID = MockSessionIds.class.getName() + ".id";

	@Bean
	HttpSessionIdResolver httpSessionIdResolver() {
		CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
		return new HttpSessionIdResolver() {

			@Override
			public List<String> resolveSessionIds(HttpServletRequest request) {
				MockHttpSession session = mockSession(request);
				if (session != null && session.getAttribute(ID) instanceof String id) {
					return List.of(id);
				}
				return cookies.resolveSessionIds(request);
			}

			@Override
			public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
				MockHttpSession session = mockSession(request);
				if (session != null) {
					session.setAttribute(ID, sessionId);
				}
				cookies.setSessionId(request, response, sessionId);
			}

			@Override
			public void expireSession(HttpServletRequest request, HttpServletResponse response) {
				MockHttpSession session = mockSession(request);
				if (session != null) {
					session.removeAttribute(ID);
				}
				cookies.expireSession(request, response);
			}

		};
	}

	/**
	 * The session the test gave MockMvc, under Spring Session's wrapper of the request.
	 */
	private static MockHttpSession mockSession(ServletRequest request) {
		ServletRequest original = request;
		while (original instanceof ServletRequestWrapper wrapper) {
			original = wrapper.getRequest();
		}
		HttpSession session = (original instanceof HttpServletRequest http) ? http.getSession(false) : null;
		return (session instanceof MockHttpSession mock) ? mock : null;
	}

}
