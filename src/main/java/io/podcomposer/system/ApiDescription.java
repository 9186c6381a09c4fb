package io.podcomposer.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The title and version of the REST API in its OpenAPI description ({@code /v3/api-docs}), and
 * how every call authenticates: an API token as a Bearer token, which Swagger UI's Authorize
 * button takes (the API chain reads no session, so the browser's sign-in does not count there).
 * {@link ApiDescriptionRules} adds what all operations share.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Pod Composer API", version = "v1",
		description = "Render Kubernetes Pods and the workloads around them, keep them as templates, deploy them.\n\n"
				+ "Every call takes an API token, not your browser's sign-in. To try calls here: make a token on"
				+ " [your profile page](/profile) (API tokens, Create token), click **Authorize** below, paste the"
				+ " token and close the dialog; \"Try it out\" then sends it as `Authorization: Bearer <token>`."
				+ " The token acts with your role. Errors are `application/problem+json`."),
		security = @SecurityRequirement(name = ApiDescription.BEARER))
@SecurityScheme(name = ApiDescription.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API token, made on the profile page (/profile) or with POST /api/v1/tokens. Paste it"
				+ " without the word Bearer.")
class ApiDescription {

	static final String BEARER = "bearer";

}
