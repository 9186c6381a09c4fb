package io.podcomposer.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The title and version of the REST API in its OpenAPI description
 * ({@code /v3/api-docs}), and how every call authenticates: an API token as a Bearer
 * token, which Swagger UI's Authorize button takes, or the browser's session, with its
 * CSRF token as a header for changes (Swagger UI sends it by itself).
 * {@link ApiDescriptionRules} adds what all operations share.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Pod Composer API", version = "v1",
		description = "Render Kubernetes Pods and the workloads around them, keep them as templates, deploy them.\n\n"
				+ "Scripts call it with an API token. Signed in to the portal in this browser, you can use"
				+ " \"Try it out\" right away: your session counts, with your role. To try calls as a token instead:"
				+ " make one on [your profile page](/profile) (API tokens, Create token), click **Authorize** below,"
				+ " paste it and close the dialog; \"Try it out\" then sends `Authorization: Bearer <token>`."
				+ " Errors are `application/problem+json`."),
		security = @SecurityRequirement(name = ApiDescription.BEARER))
@SecurityScheme(name = ApiDescription.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API token, made on the profile page (/profile) or with POST /api/v1/tokens. Paste it"
				+ " without the word Bearer. A browser signed in to the portal may call the API with its session"
				+ " cookie instead; then a POST, PUT, PATCH or DELETE needs the session's CSRF token in the"
				+ " X-CSRF-TOKEN header (the pages put it in the API-CSRF-TOKEN cookie; Swagger UI sends it)"
				+ " and is refused with 403 without it.")
class ApiDescription {

	static final String BEARER = "bearer";

}
