package io.podcomposer.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.podcomposer.AlsoOnPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every endpoint and page against every kind of caller, from one table. An endpoint of
 * the application without a row fails the build: a new endpoint has to be placed here, as
 * it has in {@link AccessRules}.
 */
@SecurityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AlsoOnPostgres
class AuthorizationMatrixTest {

	private static final String POD_JSON = """
			{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
			 "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}""";

	private static final UnaryOperator<MockHttpServletRequestBuilder> A_FORM = (request) -> request
		.param("name", "matrix")
		.param("containers[0].name", "web")
		.param("containers[0].image", "nginx:1.27");

	/**
	 * Who may call what: the least role. Null is everyone, signed in or not; VIEWER also
	 * stands for "any signed-in user", as every role includes it.
	 */
	private static final List<Endpoint> TABLE = List.of(page(HttpMethod.GET, "/login", null),
			page(HttpMethod.GET, "/", Role.VIEWER), page(HttpMethod.GET, "/compose", Role.VIEWER),
			page(HttpMethod.POST, "/compose/preview", Role.VIEWER).with(A_FORM),
			page(HttpMethod.POST, "/compose/edit", Role.VIEWER).with(A_FORM),
			page(HttpMethod.POST, "/compose/download", Role.VIEWER).with(A_FORM),
			page(HttpMethod.POST, "/compose/open", Role.VIEWER),
			page(HttpMethod.POST, "/compose/save", Role.EDITOR).with(A_FORM),
			page(HttpMethod.POST, "/templates/save", Role.EDITOR),
			page(HttpMethod.GET, "/templates/{id}/edit", Role.EDITOR),
			page(HttpMethod.POST, "/compose/yaml", Role.VIEWER)
				.with((request) -> request.param("yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n")),
			api(HttpMethod.POST, "/api/v1/render", Role.VIEWER)
				.with((request) -> request.contentType(MediaType.APPLICATION_JSON).content(POD_JSON)),
			api(HttpMethod.POST, "/api/v1/validate", Role.VIEWER)
				.with((request) -> request.contentType(MediaType.APPLICATION_JSON).content(POD_JSON)),
			// the template library; the sample template 1 need not exist, so nothing real
			// changes
			api(HttpMethod.GET, "/api/v1/templates", Role.VIEWER),
			api(HttpMethod.POST, "/api/v1/templates", Role.EDITOR)
				.with((request) -> request.contentType(MediaType.APPLICATION_JSON).content("{}")),
			api(HttpMethod.GET, "/api/v1/templates/{id}", Role.VIEWER),
			api(HttpMethod.PUT, "/api/v1/templates/{id}", Role.EDITOR)
				.with((request) -> request.contentType(MediaType.APPLICATION_JSON).content("{}")),
			// deleting is called on an id no test makes: a template that other tests use
			// stays
			api(HttpMethod.DELETE, "/api/v1/templates/{id}", Role.EDITOR).at("/api/v1/templates/9223372036854775807"),
			api(HttpMethod.GET, "/api/v1/templates/{id}/revisions", Role.VIEWER),
			api(HttpMethod.GET, "/api/v1/templates/{id}/revisions/{number}", Role.VIEWER),
			api(HttpMethod.GET, "/api/v1/templates/{id}/diff", Role.VIEWER),
			api(HttpMethod.GET, "/api/v1/templates/{id}/render", Role.VIEWER),
			api(HttpMethod.POST, "/api/v1/templates/{id}/render", Role.VIEWER)
				.with((request) -> request.contentType(MediaType.APPLICATION_JSON).content("{}")),
			api(HttpMethod.POST, "/api/v1/templates/{id}/revisions/{number}/restore", Role.EDITOR)
				.at("/api/v1/templates/9223372036854775807/revisions/1/restore"),
			// the library pages; writes go to an id no test makes
			page(HttpMethod.GET, "/templates", Role.VIEWER), page(HttpMethod.GET, "/templates/{id}", Role.VIEWER),
			page(HttpMethod.GET, "/templates/{id}/render", Role.VIEWER),
			page(HttpMethod.GET, "/templates/{id}/diff", Role.VIEWER),
			page(HttpMethod.GET, "/templates/{id}/manifest.yaml", Role.VIEWER),
			page(HttpMethod.GET, "/templates/{id}/manifest.json", Role.VIEWER),
			page(HttpMethod.GET, "/templates/{id}/delete", Role.EDITOR),
			page(HttpMethod.POST, "/templates/{id}/delete", Role.EDITOR).at("/templates/9223372036854775807/delete"),
			page(HttpMethod.POST, "/templates/{id}/clone", Role.EDITOR).at("/templates/9223372036854775807/clone"),
			page(HttpMethod.POST, "/templates/{id}/revisions/{number}/restore", Role.EDITOR)
				.at("/templates/9223372036854775807/revisions/1/restore")
				.with((request) -> request.param("basedOn", "1")),
			// import and export; the import's body is refused (422), so nothing is saved
			api(HttpMethod.POST, "/api/v1/templates/import", Role.EDITOR)
				.with((request) -> request.contentType(MediaType.APPLICATION_JSON).content("{}")),
			api(HttpMethod.GET, "/api/v1/templates/export", Role.VIEWER).at("/api/v1/templates/export?tag=matrix-none"),
			page(HttpMethod.GET, "/templates/import", Role.EDITOR),
			page(HttpMethod.POST, "/templates/import", Role.EDITOR).with((request) -> request.param("text", "{}")),
			page(HttpMethod.GET, "/templates/export", Role.VIEWER).at("/templates/export?tag=matrix-none"),
			// re-creates only missing starter templates, so calling it changes nothing
			// another test uses
			api(HttpMethod.POST, "/api/v1/templates/catalog", Role.ADMIN),
			// one's own account and tokens
			page(HttpMethod.GET, "/profile", Role.VIEWER), page(HttpMethod.POST, "/profile/tokens", Role.VIEWER),
			// the repetition differs, so that the caller's password is neither checked
			// nor changed
			page(HttpMethod.POST, "/profile/password", Role.VIEWER).with(
					(request) -> request.param("newPassword", "a-long-password").param("repeatedPassword", "differs")),
			page(HttpMethod.POST, "/profile/tokens/{id}/revoke", Role.VIEWER),
			api(HttpMethod.GET, "/api/v1/me", Role.VIEWER), api(HttpMethod.GET, "/api/v1/tokens", Role.VIEWER),
			api(HttpMethod.POST, "/api/v1/tokens", Role.VIEWER),
			api(HttpMethod.DELETE, "/api/v1/tokens/{id}", Role.VIEWER),
			// users and the audit log; the sample user "1" does not exist, so nothing
			// real changes
			page(HttpMethod.GET, "/admin", Role.ADMIN), page(HttpMethod.GET, "/admin/users", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users", Role.ADMIN), page(HttpMethod.GET, "/admin/users/{name}", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/{name}/roles", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/{name}/password", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/{name}/enabled", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/{name}/delete", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/{name}/tokens", Role.ADMIN),
			page(HttpMethod.POST, "/admin/users/{name}/tokens/{id}/revoke", Role.ADMIN),
			page(HttpMethod.GET, "/admin/audit", Role.ADMIN), page(HttpMethod.GET, "/admin/catalog", Role.ADMIN),
			page(HttpMethod.POST, "/admin/catalog/restore", Role.ADMIN),
			api(HttpMethod.GET, "/api/v1/users", Role.ADMIN), api(HttpMethod.POST, "/api/v1/users", Role.ADMIN),
			api(HttpMethod.GET, "/api/v1/users/{name}", Role.ADMIN),
			api(HttpMethod.PUT, "/api/v1/users/{name}", Role.ADMIN),
			api(HttpMethod.DELETE, "/api/v1/users/{name}", Role.ADMIN),
			api(HttpMethod.POST, "/api/v1/users/{name}/tokens", Role.ADMIN),
			api(HttpMethod.GET, "/api/v1/audit", Role.ADMIN),
			// clusters; the sample cluster 1 need not exist, and the add's body is
			// refused (422)
			api(HttpMethod.GET, "/api/v1/clusters", Role.DEPLOYER),
			api(HttpMethod.POST, "/api/v1/clusters", Role.ADMIN)
				.with((request) -> request.contentType(MediaType.APPLICATION_JSON).content("{}")),
			api(HttpMethod.GET, "/api/v1/clusters/{id}", Role.DEPLOYER),
			api(HttpMethod.DELETE, "/api/v1/clusters/{id}", Role.ADMIN).at("/api/v1/clusters/9223372036854775807"),
			api(HttpMethod.POST, "/api/v1/clusters/{id}/check", Role.ADMIN)
				.at("/api/v1/clusters/9223372036854775807/check"),
			api(HttpMethod.GET, "/api/v1/clusters/{id}/namespaces", Role.DEPLOYER)
				.at("/api/v1/clusters/9223372036854775807/namespaces"),
			page(HttpMethod.GET, "/clusters", Role.ADMIN), page(HttpMethod.POST, "/clusters", Role.ADMIN),
			page(HttpMethod.POST, "/clusters/{id}/delete", Role.ADMIN).at("/clusters/9223372036854775807/delete"),
			page(HttpMethod.POST, "/clusters/{id}/check", Role.ADMIN).at("/clusters/9223372036854775807/check"),
			// deployments; the sample deployment does not exist, and the deploy's body is
			// refused (422)
			api(HttpMethod.POST, "/api/v1/deployments", Role.DEPLOYER)
				.with((request) -> request.contentType(MediaType.APPLICATION_JSON).content("{}")),
			api(HttpMethod.GET, "/api/v1/deployments", Role.VIEWER),
			api(HttpMethod.GET, "/api/v1/deployments/{id}", Role.VIEWER).at("/api/v1/deployments/9223372036854775807"),
			api(HttpMethod.GET, "/api/v1/deployments/{id}/drift", Role.VIEWER)
				.at("/api/v1/deployments/9223372036854775807/drift"),
			api(HttpMethod.GET, "/api/v1/deployments/{id}/logs", Role.DEPLOYER)
				.at("/api/v1/deployments/9223372036854775807/logs"),
			api(HttpMethod.POST, "/api/v1/deployments/{id}/redeploy", Role.DEPLOYER)
				.at("/api/v1/deployments/9223372036854775807/redeploy"),
			api(HttpMethod.DELETE, "/api/v1/deployments/{id}", Role.DEPLOYER)
				.at("/api/v1/deployments/9223372036854775807"),
			// the deployment pages; the sample template and deployment do not exist, so
			// nothing is deployed
			page(HttpMethod.GET, "/templates/{id}/deploy", Role.DEPLOYER).at("/templates/9223372036854775807/deploy"),
			page(HttpMethod.POST, "/templates/{id}/deploy", Role.DEPLOYER).at("/templates/9223372036854775807/deploy"),
			page(HttpMethod.GET, "/templates/{id}/deploy/fit", Role.DEPLOYER)
				.at("/templates/9223372036854775807/deploy/fit"),
			page(HttpMethod.GET, "/deployments/namespaces", Role.DEPLOYER)
				.at("/deployments/namespaces?clusterId=9223372036854775807"),
			page(HttpMethod.GET, "/templates/{id}/runs", Role.VIEWER),
			page(HttpMethod.GET, "/deployments", Role.VIEWER),
			page(HttpMethod.GET, "/deployments/{id}", Role.VIEWER).at("/deployments/9223372036854775807"),
			page(HttpMethod.GET, "/deployments/{id}/drift", Role.VIEWER).at("/deployments/9223372036854775807/drift"),
			page(HttpMethod.GET, "/deployments/{id}/logs", Role.DEPLOYER).at("/deployments/9223372036854775807/logs"),
			page(HttpMethod.GET, "/deployments/{id}/delete", Role.DEPLOYER)
				.at("/deployments/9223372036854775807/delete"),
			page(HttpMethod.POST, "/deployments/{id}/delete", Role.DEPLOYER)
				.at("/deployments/9223372036854775807/delete"),
			page(HttpMethod.POST, "/deployments/{id}/redeploy", Role.DEPLOYER)
				.at("/deployments/9223372036854775807/redeploy"),
			// operations: probes need no one; build details and metrics take a token, as
			// a scraper sends
			api(HttpMethod.GET, "/actuator/health", null), api(HttpMethod.GET, "/actuator/health/liveness", null),
			api(HttpMethod.GET, "/actuator/health/readiness", null), api(HttpMethod.GET, "/actuator/info", Role.VIEWER),
			api(HttpMethod.GET, "/actuator/prometheus", Role.VIEWER));

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountService accounts;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlers;

	@LocalServerPort
	private int port;

	private final Map<Role, String> users = new EnumMap<>(Role.class);

	private final Map<Role, String> tokens = new EnumMap<>(Role.class);

	@BeforeAll
	void createOneUserWithATokenPerRole() {
		for (Role role : Role.values()) {
			String name = TestAccounts.create(this.accounts, "matrix-" + role.name().toLowerCase(), role);
			this.users.put(role, name);
			this.tokens.put(role, this.accounts.createToken(name, "matrix").token());
		}
	}

	@TestFactory
	Stream<DynamicTest> everyCallerGetsWhatTheTableSays() {
		List<Role> callers = new ArrayList<>(Arrays.asList((Role) null));
		callers.addAll(List.of(Role.values()));
		return TABLE.stream()
			.flatMap((endpoint) -> callers.stream()
				.map((caller) -> DynamicTest.dynamicTest(
						endpoint.method() + " " + endpoint.path() + " as " + ((caller != null) ? caller : "anonymous"),
						() -> check(endpoint, caller))));
	}

	@Test
	void everyEndpointOfTheApplicationHasARowInTheTable() {
		Set<String> rows = TABLE.stream().map(Endpoint::key).collect(Collectors.toSet());
		List<String> endpoints = new ArrayList<>();
		this.handlers.getHandlerMethods().forEach((mapping, handler) -> {
			if (isFrameworks(handler)) {
				return;
			}
			Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
			for (String pattern : mapping.getPatternValues()) {
				// a mapping without methods answers all of them, so it needs a row per
				// method
				(methods.isEmpty() ? Set.of(RequestMethod.values()) : methods)
					.forEach((method) -> endpoints.add(method + " " + pattern));
			}
		});

		assertThat(endpoints).as("the application's endpoints").contains("POST /api/v1/render", "GET /login");
		assertThat(endpoints).as("endpoints without a row in the table").allMatch(rows::contains);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/css/app.css", "/js/composer.js", "/webjars/htmx.org/dist/htmx.min.js",
			"/img/logo.svg", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
			"/v3/api-docs", "/swagger-ui/index.html" })
	void isOpenToAnonymousCallers(String path) {
		assertThat(new PortalClient(this.port).get(path).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/nothing-here", "/h2-console" })
	void sendsAnonymousCallersOfOtherPagesToTheLoginPage(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void refusesAnonymousCallersOfAnUnknownApiPath() throws Exception {
		assertUnauthenticatedProblem(
				this.mvc.perform(MockMvcRequestBuilders.get("/api/v1/nothing-here")).andReturn().getResponse());
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/actuator", "/actuator/env", "/actuator/info", "/actuator/beans", "/actuator/prometheus" })
	void refusesAnonymousCallersOfTheActuatorButHealth(String path) throws Exception {
		assertUnauthenticatedProblem(this.mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse());
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/loggers" })
	void refusesEvenAnAdminsTokenTheActuatorsOtherEndpoints(String path) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(MockMvcRequestBuilders.get(path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.get(Role.ADMIN)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
	}

	/**
	 * HEAD is GET without the body (Tomcat leaves it out): whoever may GET may HEAD, and
	 * nobody else.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/templates", "/api/v1/me", "/api/v1/clusters", "/api/v1/deployments",
			"/actuator/info" })
	void headIsAllowedWhereGetIs(String path) throws Exception {
		for (Role role : Role.values()) {
			String bearer = "Bearer " + this.tokens.get(role);
			int get = this.mvc.perform(MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, bearer))
				.andReturn()
				.getResponse()
				.getStatus();
			MockHttpServletResponse head = this.mvc
				.perform(MockMvcRequestBuilders.head(path).header(HttpHeaders.AUTHORIZATION, bearer))
				.andReturn()
				.getResponse();

			assertThat(head.getStatus()).as(role + " HEAD " + path).isEqualTo(get);
		}
		assertThat(this.mvc.perform(MockMvcRequestBuilders.head("/templates").with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getStatus()).as("a page").isEqualTo(200);
	}

	@Test
	void onlyAnAdminsTokenSeesWhatEachPartOfHealthSays() throws Exception {
		for (Role role : Role.values()) {
			String health = this.mvc
				.perform(MockMvcRequestBuilders.get("/actuator/health/readiness")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.get(role)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(health.contains("\"components\"")).as(role.name()).isEqualTo(role == Role.ADMIN);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/nothing-here", "/templates/not-a-template-id" })
	void refusesEvenAnAdminWhatIsNotInTheRules(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.get(path).with(as(Role.ADMIN)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
	}

	@Test
	void aBearerTokenDoesNotSignInAPage() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(MockMvcRequestBuilders.get("/compose")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.get(Role.ADMIN)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).endsWith("/login");
	}

	private void check(Endpoint endpoint, Role caller) throws Exception {
		MockHttpServletRequestBuilder request = endpoint.body()
			.apply(MockMvcRequestBuilders.request(endpoint.method(), endpoint.path()));
		if (caller != null && endpoint.api()) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.get(caller));
		}
		if (caller != null && !endpoint.api()) {
			request.with(as(caller));
		}
		if (!endpoint.api() && endpoint.method() != HttpMethod.GET) {
			// what is checked here is who may call; CsrfTest checks the token
			request.with(csrf());
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();

		if (endpoint.least() == null || (caller != null && caller.compareTo(endpoint.least()) >= 0)) {
			assertThat(response.getStatus()).as("allowed").isBetween(200, 499).isNotIn(401, 403);
			// a form may redirect after its POST, but never to the login page
			assertThat(response.getRedirectedUrl()).as("allowed, not sent to sign in")
				.satisfiesAnyOf((url) -> assertThat(url).isNull(), (url) -> assertThat(url).doesNotContain("/login"));
		}
		else if (caller == null && endpoint.api()) {
			assertUnauthenticatedProblem(response);
		}
		else if (caller == null) {
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).endsWith("/login");
		}
		else {
			assertThat(response.getStatus()).as("role too low").isEqualTo(403);
			if (endpoint.api()) {
				assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			}
		}
	}

	/**
	 * Signed in to the pages as the user made for a role, with what the real user has.
	 */
	private RequestPostProcessor as(Role role) {
		return user(this.userDetails.loadUserByUsername(this.users.get(role)));
	}

	private static void assertUnauthenticatedProblem(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getRedirectedUrl()).isNull();
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getContentAsString()).contains("\"status\":401");
	}

	private static boolean isFrameworks(HandlerMethod handler) {
		return handler.getBeanType().getPackageName().startsWith("org.springdoc")
				|| ErrorController.class.isAssignableFrom(handler.getBeanType());
	}

	private static Endpoint page(HttpMethod method, String pattern, Role least) {
		return new Endpoint(method, pattern, least, false, UnaryOperator.identity(), null);
	}

	private static Endpoint api(HttpMethod method, String pattern, Role least) {
		return new Endpoint(method, pattern, least, true, UnaryOperator.identity(), null);
	}

	/**
	 * One row: a mapping as the handler declares it, the least role that may call it, and
	 * a body to send; the path to call, when the pattern with 1 for each variable will
	 * not do.
	 */
	private record Endpoint(HttpMethod method, String pattern, Role least, boolean api,
			UnaryOperator<MockHttpServletRequestBuilder> body, String sample) {

		Endpoint with(UnaryOperator<MockHttpServletRequestBuilder> requestBody) {
			return new Endpoint(this.method, this.pattern, this.least, this.api, requestBody, this.sample);
		}

		Endpoint at(String samplePath) {
			return new Endpoint(this.method, this.pattern, this.least, this.api, this.body, samplePath);
		}

		/**
		 * The path called: the sample, else the pattern with 1 for each path variable.
		 */
		String path() {
			return (this.sample != null) ? this.sample : this.pattern.replaceAll("\\{[^}]+}", "1");
		}

		String key() {
			return this.method + " " + this.pattern;
		}

	}

}
