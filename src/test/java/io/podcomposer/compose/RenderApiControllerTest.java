package io.podcomposer.compose;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podcomposer.system.ApiExceptionHandler;
import io.podcomposer.system.RequestBodyLimit;
import io.podcomposer.system.WorkMeters;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.iterableWithSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(RenderApiController.class)
@Import({ ApiExceptionHandler.class, WorkMeters.class, SimpleMeterRegistry.class })
class RenderApiControllerTest {

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private static final String POD_YAML = """
			kind: Pod
			apiVersion: v1
			metadata:
			  labels:
			    app: web
			  name: web
			spec:
			  containers:
			  - image: nginx:1.27
			    name: web
			    env:
			    - name: PORT
			      value: "8080"
			""";

	private static final String POD_JSON = """
			{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "labels": {"app": "web"}},
			 "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}
			""";

	private static final String TEMPLATE_YAML = """
			name: web-with-tag
			parameters:
			- name: IMAGE_TAG
			  description: nginx version
			  default: "1.27"
			- name: REPLICA_NAME
			  required: true
			- name: LOG_LEVEL
			  default: info
			manifest:
			  apiVersion: v1
			  kind: Pod
			  metadata:
			    name: ${REPLICA_NAME}
			  spec:
			    containers:
			    - name: web
			      image: nginx:${IMAGE_TAG}
			      env:
			      - name: LEVEL
			        value: ${LOG_LEVEL}
			      - name: LITERAL
			        value: $${LOG_LEVEL}
			""";

	@Autowired
	private MockMvc mvc;

	@Test
	void yamlInYamlOutByDefault() throws Exception {
		this.mvc.perform(post("/api/v1/render").contentType(YAML).content(POD_YAML))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(YAML))
			.andExpect(content().string("""
					apiVersion: v1
					kind: Pod
					metadata:
					  name: web
					  labels:
					    app: web
					spec:
					  containers:
					  - name: web
					    image: nginx:1.27
					    env:
					    - name: PORT
					      value: '8080'
					"""));
	}

	@Test
	void acceptsEveryYamlMediaTypeAndAnswersInTheOneAsked() throws Exception {
		for (String type : new String[] { "application/x-yaml", "text/yaml" }) {
			this.mvc.perform(post("/api/v1/render").contentType(type).accept(type).content(POD_YAML))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(type))
				.andExpect(content().string(startsWith("apiVersion: v1\nkind: Pod\n")));
		}
	}

	@Test
	void jsonInJsonOut() throws Exception {
		this.mvc
			.perform(post("/api/v1/render").contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.content(POD_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().json(POD_JSON, JsonCompareMode.STRICT));
	}

	@Test
	void yamlInJsonOut() throws Exception {
		this.mvc.perform(post("/api/v1/render").contentType(YAML).accept(MediaType.APPLICATION_JSON).content(POD_YAML))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().string(startsWith("{\n  \"apiVersion\" : \"v1\",\n  \"kind\" : \"Pod\"")))
			.andExpect(jsonPath("$.spec.containers[0].env[0].value").value("8080"));
	}

	@Test
	void followsTheClientsPreferenceByQuality() throws Exception {
		this.mvc
			.perform(post("/api/v1/render").contentType(YAML)
				.header("Accept", "application/yaml;q=0.5, application/json")
				.content(POD_YAML))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
		this.mvc
			.perform(
					post("/api/v1/render").contentType(YAML).header("Accept", "text/html, */*;q=0.1").content(POD_YAML))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(YAML));
	}

	@Test
	void convertsToTheKindAsked() throws Exception {
		this.mvc.perform(post("/api/v1/render").param("kind", "Deployment").contentType(YAML).content(POD_YAML))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Warning"))
			.andExpect(content().string("""
					apiVersion: apps/v1
					kind: Deployment
					metadata:
					  name: web
					  labels:
					    app: web
					spec:
					  replicas: 1
					  selector:
					    matchLabels:
					      app: web
					  template:
					    metadata:
					      labels:
					        app: web
					    spec:
					      containers:
					      - name: web
					        image: nginx:1.27
					        env:
					        - name: PORT
					          value: '8080'
					"""));
	}

	@Test
	void tellsWhatAConversionChangedInWarnings() throws Exception {
		String unlabelled = POD_YAML.replace("  labels:\n    app: web\n", "");

		this.mvc
			.perform(post("/api/v1/render").param("kind", "Job")
				.contentType(YAML)
				.accept(MediaType.APPLICATION_JSON)
				.content(unlabelled))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.spec.template.metadata.labels.app").value("web"))
			.andExpect(jsonPath("$.spec.template.spec.restartPolicy").value("Never"))
			.andExpect(header().stringValues("Warning", iterableWithSize(2)))
			.andExpect(header().string("Warning", startsWith("299 - \"The pod had no labels")));
	}

	@Test
	void keepsWarningsPrintableAsciiSoTheServerSendsThem() throws Exception {
		String unlabelled = POD_YAML.replace("  labels:\n    app: web\n", "")
			.replace("name: web\n", "name: \"w\u00e9b\"\n");

		this.mvc.perform(post("/api/v1/render").param("kind", "Deployment").contentType(YAML).content(unlabelled))
			.andExpect(status().isOk())
			.andExpect(header().string("Warning",
					"299 - \"The pod had no labels, so it gets app: w?b for the selector.\""));
	}

	@Test
	void fillsInValuesAndDefaults() throws Exception {
		String template = TEMPLATE_YAML + "values:\n  REPLICA_NAME: web-1\n  IMAGE_TAG: 1.29\n";

		this.mvc.perform(post("/api/v1/render").contentType(YAML).accept(MediaType.APPLICATION_JSON).content(template))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metadata.name").value("web-1"))
			.andExpect(jsonPath("$.spec.containers[0].image").value("nginx:1.29"))
			.andExpect(jsonPath("$.spec.containers[0].env[0].value").value("info"))
			.andExpect(jsonPath("$.spec.containers[0].env[1].value").value("${LOG_LEVEL}"))
			.andExpect(jsonPath("$.name").doesNotExist())
			.andExpect(jsonPath("$.values").doesNotExist());
	}

	@Test
	void acceptsATemplateInJsonAndConvertsIt() throws Exception {
		String template = """
				{"parameters": [{"name": "TAG", "default": "1.27"}],
				 "manifest": %s,
				 "values": {"TAG": "1.29"}}
				""".formatted(POD_JSON.replace("nginx:1.27", "nginx:${TAG}"));

		this.mvc
			.perform(post("/api/v1/render").param("kind", "CronJob")
				.contentType(MediaType.APPLICATION_JSON)
				.content(template))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(YAML))
			.andExpect(content().string(containsString("kind: CronJob\n")))
			.andExpect(content().string(containsString("        spec:\n          containers:\n          - name: web\n"
					+ "            image: nginx:1.29\n")));
	}

	@Test
	void missingRequiredValuesAreNamed() throws Exception {
		String template = TEMPLATE_YAML.replace("default: \"1.27\"", "required: true");

		expectProblem(this.mvc.perform(post("/api/v1/render").contentType(YAML).content(template)), 422)
			.andExpect(jsonPath("$.detail").value("missing required values: IMAGE_TAG, REPLICA_NAME"))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[0].path").value("values.IMAGE_TAG"))
			.andExpect(jsonPath("$.errors[0].rule").value("required"))
			.andExpect(jsonPath("$.errors[1].path").value("values.REPLICA_NAME"));
	}

	@Test
	void aParameterDeclaredTwiceIsInvalid() throws Exception {
		String template = """
				{"parameters": [{"name": "TAG"}, {"name": "TAG", "default": "1"}], "manifest": %s}
				""".formatted(POD_JSON);

		expectProblem(
				this.mvc.perform(post("/api/v1/render").contentType(MediaType.APPLICATION_JSON).content(template)), 422)
			.andExpect(jsonPath("$.errors[*].path").value(contains("parameters[1].name")))
			.andExpect(jsonPath("$.errors[0].rule").value("unique"));
	}

	@Test
	void invalidTemplateFieldsAreListed() throws Exception {
		String template = """
				{"parameters": [{"name": "image-tag"}, {"name": "OK", "default": {"a": 1}}],
				 "manifest": %s, "values": {"OK": ["x"]}}
				""".formatted(POD_JSON);

		expectProblem(
				this.mvc.perform(post("/api/v1/render").contentType(MediaType.APPLICATION_JSON).content(template)), 422)
			.andExpect(jsonPath("$.errors[*].path")
				.value(contains("parameters[0].name", "parameters[1].default", "values.OK")));
	}

	@Test
	void malformedYamlIs400WithLineAndColumn() throws Exception {
		String malformed = "apiVersion: v1\nkind: Pod\nspec: x: y\n";

		expectProblem(this.mvc.perform(post("/api/v1/render").contentType(YAML).content(malformed)), 400)
			.andExpect(jsonPath("$.detail").value("line 3, column 8: mapping values are not allowed here"))
			.andExpect(jsonPath("$.line").value(3))
			.andExpect(jsonPath("$.column").value(8));
	}

	@Test
	void malformedJsonIs400WithLineAndColumn() throws Exception {
		expectProblem(this.mvc.perform(post("/api/v1/render").contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"Pod\",\n  \"spec\": }")), 400)
			.andExpect(jsonPath("$.detail", startsWith("line 2, column 11: ")));
	}

	@Test
	void aBodyOverOneMebibyteIs413() throws Exception {
		byte[] body = new byte[RequestBodyLimit.MAX_BYTES + 1];
		Arrays.fill(body, (byte) ' ');

		expectProblem(this.mvc.perform(post("/api/v1/render").contentType(YAML).content(body)), 413)
			.andExpect(jsonPath("$.detail", containsString("1 MiB")));
	}

	@Test
	void anUnsupportedContentTypeIs415() throws Exception {
		expectProblem(this.mvc.perform(post("/api/v1/render").contentType(MediaType.TEXT_PLAIN).content(POD_YAML)),
				415);
		expectProblem(this.mvc
			.perform(post("/api/v1/render").header("Content-Type", "application/json;charset=bogus").content(POD_JSON)),
				415);
	}

	@Test
	void anUnknownTargetKindIs422() throws Exception {
		expectProblem(this.mvc.perform(post("/api/v1/render").param("kind", "Foo").contentType(YAML).content(POD_YAML)),
				422)
			.andExpect(jsonPath("$.detail", startsWith("kind \"Foo\" is not supported")));
	}

	@Test
	void anUnsupportedManifestKindIs422() throws Exception {
		String service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n";

		expectProblem(this.mvc.perform(post("/api/v1/render").contentType(YAML).content(service)), 422)
			.andExpect(jsonPath("$.detail", startsWith("kind \"Service\" is not supported")));
		expectProblem(
				this.mvc.perform(post("/api/v1/render").contentType(YAML)
					.content(TEMPLATE_YAML.replace("kind: Pod", "kind: Service") + "values: {REPLICA_NAME: web}\n")),
				422)
			.andExpect(jsonPath("$.detail", startsWith("kind \"Service\" is not supported")));
	}

	@Test
	void anUnacceptableAcceptIs406() throws Exception {
		expectProblem(this.mvc
			.perform(post("/api/v1/render").contentType(YAML).accept(MediaType.TEXT_HTML).content(POD_YAML)), 406);
		expectProblem(
				this.mvc
					.perform(post("/api/v1/render").contentType(YAML).header("Accept", "not a type").content(POD_YAML)),
				406);
	}

	@Test
	void errorsAreProblemJsonWhateverTheClientAccepts() throws Exception {
		expectProblem(this.mvc.perform(post("/api/v1/render").contentType(YAML).accept(YAML).content("kind: [")), 400);
	}

	private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.title").isString());
	}

}
