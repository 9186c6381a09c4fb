package io.podcomposer.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The title and version of the REST API in its OpenAPI description ({@code /v3/api-docs}), and
 * how every call authenticates: an API token as a Bearer token.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Pod Composer API", version = "v1",
		description = "Render Kubernetes Pods and the workloads around them."),
		security = @SecurityRequirement(name = ApiDescription.BEARER))
@SecurityScheme(name = ApiDescription.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API token, made on the profile page or with POST /api/v1/tokens.")
class ApiDescription {

	static final String BEARER = "bearer";

}
