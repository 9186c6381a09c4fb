package io.podcomposer.security;

import java.util.stream.Stream;

import io.podcomposer.system.AssetPaths;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: the one table for pages and the REST API alike. Roles include the
 * lower ones (an ADMIN is a DEPLOYER, an EDITOR and a VIEWER). Whatever is not listed is
 * refused, so a new endpoint is closed until it is placed here.
 */
final class AccessRules {

	/** Reachable without signing in. */
	static final String[] PUBLIC = { "/login", "/error", "/actuator/health", "/actuator/health/**" };

	/**
	 * The pages' scripts, styles and pictures: public, with a filter chain of their own
	 * that never reads the session, so that a page's assets cost no session lookups in
	 * the database.
	 */
	static final String[] ASSETS = Stream.concat(AssetPaths.PATTERNS.stream(), Stream.of("/favicon.ico"))
		.toArray(String[]::new);

	/**
	 * The API description and its viewer, public too; they have a filter chain of their
	 * own.
	 */
	static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	private AccessRules() {
	}

	/** GET, and HEAD wherever GET is allowed: the same answer without its body. */
	private static RequestMatcher[] reads(String... patterns) {
		return Stream.of(HttpMethod.GET, HttpMethod.HEAD)
			.flatMap((method) -> Stream.of(patterns)
				.map((pattern) -> PathPatternRequestMatcher.withDefaults().matcher(method, pattern)))
			.toArray(RequestMatcher[]::new);
	}

	static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(PUBLIC)
			.permitAll()
			// the composer: read, render, validate
			.requestMatchers(reads("/", "/compose"))
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.POST, "/compose/preview", "/compose/edit", "/compose/yaml", "/compose/download",
					"/compose/open")
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/render", "/api/v1/validate")
			.hasRole(Role.VIEWER.name())
			// the template library: VIEWER reads and renders, EDITOR writes
			// importing is writing, exporting reading; these come before any broader
			// /templates rule
			.requestMatchers(reads("/templates/import"))
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.POST, "/templates/import")
			.hasRole(Role.EDITOR.name())
			.requestMatchers(reads("/templates/export"))
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/templates/import")
			.hasRole(Role.EDITOR.name())
			.requestMatchers(reads("/api/v1/templates/export"))
			.hasRole(Role.VIEWER.name())
			.requestMatchers(reads("/api/v1/templates", "/api/v1/templates/**"))
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/templates/*/render")
			.hasRole(Role.VIEWER.name())
			// restoring the starter catalog brings back templates someone chose to delete
			.requestMatchers(HttpMethod.POST, "/api/v1/templates/catalog")
			.hasRole(Role.ADMIN.name())
			// writes, restoring a revision (POST .../revisions/{n}/restore) among them
			.requestMatchers(HttpMethod.POST, "/api/v1/templates", "/api/v1/templates/**")
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.PUT, "/api/v1/templates/**")
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.DELETE, "/api/v1/templates/**")
			.hasRole(Role.EDITOR.name())
			// the library pages; {id} is a number, so that other pages under /templates
			// stay closed until placed
			.requestMatchers(reads("/templates", "/templates/{id:[0-9]+}", "/templates/{id:[0-9]+}/render",
					"/templates/{id:[0-9]+}/diff", "/templates/{id:[0-9]+}/manifest.yaml",
					"/templates/{id:[0-9]+}/manifest.json"))
			.hasRole(Role.VIEWER.name())
			.requestMatchers(reads("/templates/{id:[0-9]+}/delete"))
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.POST, "/templates/{id:[0-9]+}/clone", "/templates/{id:[0-9]+}/delete",
					"/templates/{id:[0-9]+}/revisions/{number:[0-9]+}/restore")
			.hasRole(Role.EDITOR.name())
			// the composer saving a template, or a template's next revision
			.requestMatchers(reads("/templates/{id:[0-9]+}/edit"))
			.hasRole(Role.EDITOR.name())
			.requestMatchers(HttpMethod.POST, "/compose/save", "/templates/save")
			.hasRole(Role.EDITOR.name())
			// one's own account and tokens
			.requestMatchers(reads("/profile", "/api/v1/me", "/api/v1/tokens"))
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/profile/password", "/profile/tokens", "/profile/tokens/*/revoke",
					"/api/v1/tokens")
			.authenticated()
			.requestMatchers(HttpMethod.DELETE, "/api/v1/tokens/*")
			.authenticated()
			// deploying: a DEPLOYER picks a cluster and a namespace, never sees
			// credentials
			.requestMatchers(reads("/api/v1/clusters", "/api/v1/clusters/{id:[0-9]+}",
					"/api/v1/clusters/{id:[0-9]+}/namespaces"))
			.hasRole(Role.DEPLOYER.name())
			// what was deployed where: VIEWER reads; logs may hold secrets, so they are
			// the DEPLOYER's like the rest
			.requestMatchers(reads("/api/v1/deployments/{id:[0-9]+}/logs"))
			.hasRole(Role.DEPLOYER.name())
			.requestMatchers(reads("/api/v1/deployments", "/api/v1/deployments/{id:[0-9]+}",
					"/api/v1/deployments/{id:[0-9]+}/drift"))
			.hasRole(Role.VIEWER.name())
			.requestMatchers(HttpMethod.POST, "/api/v1/deployments", "/api/v1/deployments/{id:[0-9]+}/redeploy")
			.hasRole(Role.DEPLOYER.name())
			.requestMatchers(HttpMethod.DELETE, "/api/v1/deployments/{id:[0-9]+}")
			.hasRole(Role.DEPLOYER.name())
			// the deployment pages, as over REST: VIEWER reads records, live state and
			// drift; a DEPLOYER deploys,
			// reads logs, deletes, deploys again, and lists a cluster's namespaces in the
			// deploy form with how the
			// pod fits the chosen one
			.requestMatchers(reads("/templates/{id:[0-9]+}/deploy", "/templates/{id:[0-9]+}/deploy/fit",
					"/deployments/namespaces", "/deployments/{id:[0-9]+}/logs", "/deployments/{id:[0-9]+}/delete"))
			.hasRole(Role.DEPLOYER.name())
			.requestMatchers(HttpMethod.POST, "/templates/{id:[0-9]+}/deploy", "/deployments/{id:[0-9]+}/delete",
					"/deployments/{id:[0-9]+}/redeploy")
			.hasRole(Role.DEPLOYER.name())
			.requestMatchers(reads("/templates/{id:[0-9]+}/runs", "/deployments", "/deployments/{id:[0-9]+}",
					"/deployments/{id:[0-9]+}/drift"))
			.hasRole(Role.VIEWER.name())
			// clusters hold credentials: admins manage them
			.requestMatchers("/api/v1/clusters", "/api/v1/clusters/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers(reads("/clusters"))
			.hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.POST, "/clusters", "/clusters/{id:[0-9]+}/delete",
					"/clusters/{id:[0-9]+}/check")
			.hasRole(Role.ADMIN.name())
			// users, the audit log and the starter catalog's page
			.requestMatchers("/admin/**", "/api/v1/users", "/api/v1/users/**", "/api/v1/audit")
			.hasRole(Role.ADMIN.name())
			// operations: build details and metrics are no secret to a signed-in user, so
			// a Prometheus
			// scraper needs only a VIEWER's API token, never an admin's
			.requestMatchers(reads("/actuator/info", "/actuator/prometheus"))
			.hasRole(Role.VIEWER.name())
			.anyRequest()
			.denyAll();
	}

}
