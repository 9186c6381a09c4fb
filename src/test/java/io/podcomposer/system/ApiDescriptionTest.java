package io.podcomposer.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description: every operation documents its error answers as problems, the
 * sections come in the order people use them, and Swagger UI's Authorize button is
 * explained.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiDescriptionTest {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head");

	@Autowired
	private MockMvcTester mvc;

	@Test
	void everyOperationDocumentsItsErrorsAsProblems() throws Exception {
		JsonNode api = description();
		List<String> operations = new ArrayList<>();
		api.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (!METHODS.contains(method.getKey())) {
				return;
			}
			String name = method.getKey().toUpperCase() + " " + path.getKey();
			operations.add(name);
			JsonNode responses = method.getValue().get("responses");
			assertThat(responses.has("401")).as(name + " documents 401").isTrue();
			assertThat(responses.has("403")).as(name + " documents 403").isTrue();
			responses.properties()
				.stream()
				.filter((response) -> response.getKey().matches("[45]\\d\\d"))
				.forEach((error) -> assertThat(
						error.getValue().at("/content/application~1problem+json/schema/$ref").asString())
					.as(name + " " + error.getKey())
					.isEqualTo("#/components/schemas/Problem"));
			if (method.getValue().has("requestBody")) {
				assertThat(responses.propertyNames()).as(name).contains("400", "413", "415", "422");
			}
			if (path.getKey().contains("{")) {
				assertThat(responses.has("404")).as(name + " documents 404").isTrue();
			}
		}));
		assertThat(operations).hasSizeGreaterThan(37).contains("POST /api/v1/render", "DELETE /api/v1/users/{name}");
		assertThat(api.at("/paths/~1api~1v1~1users~1{name}/delete/responses/409/description").asString())
			.as("a status the description names")
			.startsWith("Conflict");
		assertThat(api.at("/components/schemas/Problem/properties").propertyNames()).contains("type", "title", "status",
				"detail", "errors");
	}

	@Test
	void theSectionsComeEverydayFirstAndAdminLast() throws Exception {
		List<String> tags = description().get("tags").valueStream().map((tag) -> tag.get("name").asString()).toList();

		assertThat(tags).containsExactly("Render", "Validate", "Templates", "Deployments", "Clusters", "Account",
				"Users", "Audit");
	}

	@Test
	void theAuthorizeButtonIsExplained() throws Exception {
		JsonNode api = description();

		assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(api.at("/info/description").asString()).contains("Authorize", "/profile");
	}

	@Test
	void theBrowsersSessionWithItsCsrfHeaderIsExplained() throws Exception {
		JsonNode api = description();

		assertThat(api.at("/info/description").asString()).contains("Signed in to the portal in this browser");
		assertThat(api.at("/components/securitySchemes/bearer/description").asString()).contains("session cookie",
				"X-CSRF-TOKEN header", "403");
	}

	private JsonNode description() throws Exception {
		String json = this.mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();
		return JsonMapper.shared().readTree(json);
	}

}
