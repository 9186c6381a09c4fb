package io.podcomposer.security;

import java.util.Arrays;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.podcomposer.system.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Four filter chains: the pages' assets (public, no session), the REST API and the
 * actuator (Bearer tokens, or the browser's session with CSRF for changes; problem
 * details), the API description (public), and the pages (form login, sessions, CSRF).
 * {@link AccessRules} decides who may call what in both the API and the pages.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	/** No inline scripts or styles, nothing from elsewhere, never in a frame. */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * The Swagger UI sets inline styles. Its scripts are files, the CSRF header's
	 * interceptor among them (springdoc writes it into swagger-initializer.js), so no
	 * inline script.
	 */
	static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	@Bean
	@Order(0)
	SecurityFilterChain assetChain(HttpSecurity http) throws Exception {
		return http.securityMatcher(AccessRules.ASSETS)
			.authorizeHttpRequests((rules) -> rules.anyRequest().permitAll())
			// each of these would look the session up, to check it or to note its id
			.sessionManagement((sessions) -> sessions.disable())
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.anonymous((anonymous) -> anonymous.disable())
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			// not "no-store": each asset says how long it keeps (system.AssetCaching)
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable()))
			.build();
	}

	/**
	 * Flash attributes live in the session, and Spring MVC looks for them on every
	 * request; no asset request carries any, so those skip the lookup, as the asset chain
	 * does.
	 */
	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		RequestMatcher assets = new OrRequestMatcher(Arrays.stream(AccessRules.ASSETS)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList());
		return new SessionFlashMapManager() {

			@Override
			protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
				return assets.matches(request) ? null : super.retrieveFlashMaps(request);
			}

		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AccountService accounts, ClientThrottle throttle,
			SessionRegistry sessionRegistry) throws Exception {
		RequiredRole required = new RequiredRole();
		ApiProblems problems = new ApiProblems(required);
		// A Prometheus scraper, like any API client, sends a token and keeps no session;
		// a person
		// signed in to the portal (Swagger UI's "Try it out") is signed in here by their
		// session,
		// which the API uses but never makes: no row in the database for an anonymous
		// call.
		return required.readRulesOf(http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(AccessRules::apply)
			.addFilterBefore(new BearerTokenFilter(accounts, throttle), BasicAuthenticationFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			// A session UserSessions ended (password, roles, account changed) signs in
			// nothing here either.
			// Only the filter that checks: the pages' maximumSessions would also register
			// a session for
			// each token call, and so make one.
			.addFilter(new ConcurrentSessionFilter(sessionRegistry,
					(expired) -> ApiProblems.write(expired.getResponse(), expired.getRequest(), HttpStatus.UNAUTHORIZED,
							ApiProblems.SESSION_ENDED)))
			// Bearer tokens are not sent by browsers on their own, so there is nothing to
			// forge; the
			// session cookie is, so a change it signs in needs the session's CSRF token
			// as a header.
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SessionCsrf.NEEDED)
				.csrfTokenRepository(SessionCsrf.sessionTokens())
				.csrfTokenRequestHandler(SessionCsrf.FROM_HEADER))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(ProblemResponses.API_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build());
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
		return http.securityMatcher(AccessRules.API_DOCS)
			.authorizeHttpRequests((rules) -> rules.anyRequest().permitAll())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(DOCS_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, SessionRegistry sessionRegistry, ClientThrottle throttle)
			throws Exception {
		// Only the address of the page asked for, in a cookie, to return to after signing
		// in: a saved
		// request in the session would keep all its headers (tokens, cookies) in the
		// database.
		CookieRequestCache requestCache = new CookieRequestCache();
		requestCache.setRequestMatcher((request) -> HttpMethod.GET.matches(request.getMethod())
				&& !HtmxRequest.fromRequest(request).isHtmxRequest());
		// no session for a wrong password either (the page reads the error from its
		// address)
		SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
		failure.setAllowSessionCreation(false);
		RequiredRole required = new RequiredRole();
		return required.readRulesOf(http.authorizeHttpRequests(AccessRules::apply)
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(directErrorRequests(), AuthorizationFilter.class)
			.requestCache((cache) -> cache.requestCache(requestCache))
			.csrf((csrf) -> csrf.csrfTokenRepository(new LoginCsrfTokenRepository()))
			.formLogin((login) -> login.loginPage("/login")
				.defaultSuccessUrl("/compose")
				.failureHandler((request, response, ex) -> {
					// a failure of the portal's own (a busy database) is no wrong
					// password: let it be answered as such
					if (ex instanceof InternalAuthenticationServiceException
							&& ex.getCause() instanceof RuntimeException cause) {
						throw cause;
					}
					failure.onAuthenticationFailure(request, response, ex);
				})
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId())
				// no limit on sessions, but each is registered, so that UserSessions can
				// end them
				.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl("/login?expired"))
			// the error page says which role was needed (or that the form expired), from
			// the same rules
			.exceptionHandling((errors) -> errors.accessDeniedHandler((request, response, ex) -> {
				request.setAttribute(Refusal.ATTRIBUTE, Refusal.forPage(ex,
						SecurityContextHolder.getContext().getAuthentication(), required.of(request)));
				response.sendError(HttpStatus.FORBIDDEN.value());
			}))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(PAGE_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build());
	}

	/**
	 * Requests the firewall refuses (such as {@code ;}, {@code //} or an encoded
	 * {@code %} in the path) never reach a filter chain: they get a problem, with the
	 * API's security headers, here.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> ProblemResponses.writeBeforeSecurity(request, response,
				HttpStatus.BAD_REQUEST, HttpStatus.BAD_REQUEST.getReasonPhrase(),
				"The portal does not take this address: its path has ; or //, or an encoded / % or . in it.");
	}

	/**
	 * Boot's error page is for the errors of other requests; asked for directly, it has
	 * no error to show and would answer 500.
	 */
	private static Filter directErrorRequests() {
		return (request, response, chain) -> {
			HttpServletRequest http = (HttpServletRequest) request;
			if (request.getDispatcherType() == DispatcherType.REQUEST && "/error".equals(http.getServletPath())) {
				((HttpServletResponse) response).sendError(HttpStatus.NOT_FOUND.value());
				return;
			}
			chain.doFilter(request, response);
		};
	}

	/**
	 * The sessions in the database (Spring Session JDBC): every replica sees and ends the
	 * same ones.
	 */
	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.DEPLOYER.name())
			.role(Role.DEPLOYER.name())
			.implies(Role.EDITOR.name())
			.role(Role.EDITOR.name())
			.implies(Role.VIEWER.name())
			.build();
	}

	/**
	 * bcrypt for new hashes; the delegating encoder still reads hashes of the other
	 * kinds.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
