package io.podcomposer.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.context.annotation.Configuration;

/** The title and version of the REST API in its OpenAPI description ({@code /v3/api-docs}). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Pod Composer API", version = "v1",
		description = "Render Kubernetes Pods and the workloads around them."))
class ApiDescription {

}
