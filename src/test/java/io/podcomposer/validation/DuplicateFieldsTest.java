package io.podcomposer.validation;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podcomposer.system.ApiExceptionHandler;
import io.podcomposer.system.WorkMeters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A field given twice in one mapping of the YAML: kubectl reads the text, the API
 * server's strict decoding refuses it. So validate answers 200 with the API server's
 * error at the field, where it answered 400 "duplicate key".
 */
@WebMvcTest(ValidateApiController.class)
@Import({ ApiExceptionHandler.class, WorkMeters.class, SimpleMeterRegistry.class })
class DuplicateFieldsTest {

	private static final String DEPLOYMENT = RuleTesting.deployment("""
			containers:
			- name: web
			  image: nginx:1.27
			  imagePullPolicy: IfNotPresent
			  imagePullPolicy: IfNotPresent
			""") + "  replicas: 2\n";

	@Autowired
	private MockMvc mvc;

	@Test
	void eachRepeatedFieldIsTheApiServersStrictDecodingErrorAtItsPath() {
		assertThat(RuleTesting.errors(DEPLOYMENT)).filteredOn((finding) -> finding.rule().equals("duplicate-field"))
			.extracting(Finding::path, Finding::message)
			.containsExactly(tuple("spec.template.spec.containers[0].imagePullPolicy",
					"strict decoding error: duplicate field \"spec.template.spec.containers[0].imagePullPolicy\""),
					tuple("spec.replicas", "strict decoding error: duplicate field \"spec.replicas\""));
	}

	@Test
	void theSameManifestWithoutRepeatsHasNoSuchError() {
		String once = DEPLOYMENT.substring(0, DEPLOYMENT.lastIndexOf("  replicas: 2\n"))
			.replace("        imagePullPolicy: IfNotPresent\n        imagePullPolicy", "        imagePullPolicy");

		assertThat(RuleTesting.errors(once)).extracting(Finding::rule).doesNotContain("duplicate-field");
	}

	@Test
	void validateAnswersOkWithTheFinding() throws Exception {
		this.mvc
			.perform(post("/api/v1/validate").contentType(MediaType.parseMediaType("application/yaml"))
				.content(DEPLOYMENT.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.errors[?(@.rule == 'duplicate-field')].path")
				.value(contains("spec.template.spec.containers[0].imagePullPolicy", "spec.replicas")));
	}

	@Test
	void aJsonBodyWithARepeatedFieldGetsTheSameAnswer() throws Exception {
		String pod = """
				{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "name": "web"},
				 "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}""";

		this.mvc
			.perform(post("/api/v1/validate").contentType(MediaType.APPLICATION_JSON)
				.content(pod.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[?(@.rule == 'duplicate-field')].message")
				.value(contains("strict decoding error: duplicate field \"metadata.name\"")));
	}

	@Test
	void aQuotedApostropheEscapeValidatesInsteadOfBeingRefused() throws Exception {
		String pod = """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  annotations: {note: "it\\'s fine"}
				spec:
				  containers:
				  - {name: web, image: "nginx:1.27"}
				""";

		this.mvc
			.perform(post("/api/v1/validate").contentType(MediaType.parseMediaType("application/yaml"))
				.content(pod.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true));
	}

}
