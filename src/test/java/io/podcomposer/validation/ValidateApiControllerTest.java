package io.podcomposer.validation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.isA;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ValidateApiController.class)
@Import({ ApiExceptionHandler.class, WorkMeters.class, SimpleMeterRegistry.class })
class ValidateApiControllerTest {

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	/**
	 * Meets every hint and the restricted level, so its answer is empty whatever rules
	 * and checks run.
	 */
	private static final String RESTRICTED_POD = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: web
			spec:
			  automountServiceAccountToken: false
			  securityContext:
			    runAsNonRoot: true
			    seccompProfile: {type: RuntimeDefault}
			  containers:
			  - name: web
			    image: nginx:1.27
			    resources:
			      requests: {cpu: 100m, memory: 64Mi}
			      limits: {memory: 128Mi}
			    readinessProbe:
			      httpGet: {path: /healthz, port: 8080}
			    securityContext:
			      allowPrivilegeEscalation: false
			      readOnlyRootFilesystem: true
			      capabilities: {drop: [ALL]}
			""";

	private static final String POD_JSON = """
			{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
			 "spec": {"containers": [{"name": "web", "image": "nginx:latest"}]}}
			""";

	@Autowired
	private MockMvc mvc;

	@Test
	void aCleanPodGetsTheDocumentedShapeWithNothingInIt() throws Exception {
		validate(YAML, RESTRICTED_POD).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(content().json("""
					{"valid": true, "errors": [], "warnings": [],
					 "podSecurity": {"level": "restricted", "violations": []}}""", JsonCompareMode.STRICT));
	}

	@Test
	void warningsCarryPathMessageAndRuleAndNeverMakeItInvalid() throws Exception {
		String body = validate(MediaType.APPLICATION_JSON, POD_JSON).andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.warnings[*].rule", hasItem("image-tag")))
			.andExpect(
					jsonPath("$.warnings[?(@.rule == 'image-tag')].path").value(contains("spec.containers[0].image")))
			.andExpect(jsonPath("$.warnings[?(@.rule == 'image-tag')].message")
				.value(contains("image \"nginx:latest\" uses :latest: pin a version or a digest")))
			.andExpect(jsonPath("$.warnings[*].path", everyItem(startsWith("spec."))))
			.andExpect(jsonPath("$.podSecurity.level").isString())
			.andExpect(jsonPath("$.podSecurity.violations").isArray())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// each finding is exactly {path, message, rule}, as API.md writes it
		assertThat(body).doesNotContain("\"severity\"", "\"field\"");
		assertThat(body.split("\\{\"path\"", -1)).hasSizeGreaterThan(2);
	}

	@Test
	void acceptsEveryYamlMediaType() throws Exception {
		for (String type : List.of("application/yaml", "application/x-yaml", "text/yaml")) {
			validate(MediaType.parseMediaType(type), RESTRICTED_POD).andExpect(status().isOk())
				.andExpect(jsonPath("$.valid").value(true));
		}
	}

	@Test
	void aWorkloadIsJudgedByItsPodTemplate() throws Exception {
		String cronJob = """
				apiVersion: batch/v1
				kind: CronJob
				metadata: {name: nightly}
				spec:
				  schedule: "0 3 * * *"
				  jobTemplate:
				    spec:
				      template:
				        spec:
				          restartPolicy: OnFailure
				          containers:
				          - {name: backup, image: "backup"}
				""";

		validate(YAML, cronJob).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[?(@.rule == 'image-tag')].path")
				.value(contains("spec.jobTemplate.spec.template.spec.containers[0].image")))
			.andExpect(jsonPath("$.warnings[*].rule").value(not(hasItem("missing-readiness-probe"))));
	}

	@Test
	void fieldsOfTheWrongTypeStillGetAnAnswer() throws Exception {
		for (String spec : List.of("containers: nginx", "containers: [nginx, 42, [x]]", "volumes: {a: b}",
				"securityContext: strict", "containers: [{name: {a: b}, ports: 80, resources: [1]}]")) {
			validate(YAML, "apiVersion: v1\nkind: Pod\nmetadata: {name: odd}\nspec:\n  " + spec + "\n")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.valid", isA(Boolean.class)))
				.andExpect(jsonPath("$.errors").isArray())
				.andExpect(jsonPath("$.warnings").isArray());
		}
		validate(YAML, "apiVersion: v1\nkind: Pod\nmetadata: [web]\nspec: nginx\n").andExpect(status().isOk());
	}

	@Test
	void malformedYamlIs400WithLineAndColumn() throws Exception {
		expectProblem(validate(YAML, "apiVersion: v1\nkind: Pod\nspec: x: y\n"), 400)
			.andExpect(jsonPath("$.detail").value("line 3, column 8: mapping values are not allowed here"))
			.andExpect(jsonPath("$.line").value(3))
			.andExpect(jsonPath("$.column").value(8));
	}

	@Test
	void malformedJsonIs400WithLineAndColumn() throws Exception {
		expectProblem(validate(MediaType.APPLICATION_JSON, "{\"kind\": \"Pod\",\n  \"spec\": }"), 400)
			.andExpect(jsonPath("$.detail", startsWith("line 2, column 11: ")))
			.andExpect(jsonPath("$.line").value(2));
	}

	@Test
	void anObjectAloneThatNamesNoKindIs422() throws Exception {
		expectProblem(validate(YAML, "apiVersion: v1\nmetadata: {name: web}\n"), 422)
			.andExpect(jsonPath("$.detail", startsWith("kind is missing")));
		expectProblem(validate(YAML, "- kind: Pod\n"), 422);
		expectProblem(validate(MediaType.APPLICATION_JSON, "\"Pod\""), 422);
	}

	@Test
	void aServiceAloneGetsTheSchemaCheckInTheOneManifestShape() throws Exception {
		validate(YAML, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n")
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"valid": true, "errors": [], "warnings": []}""", JsonCompareMode.STRICT));
		validate(YAML, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: \"80\"}]}\n")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.errors[0].path").value("spec.ports[0].port"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32"));
		validate(YAML, "apiVersion: apps/v1\nkind: Pod\nmetadata: {name: web}\n").andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.errors[0].message")
				.value("no matches for kind \"Pod\" in version \"apps/v1\"; use v1"));
	}

	@Test
	void aCustomResourceAloneIsNotCheckedNorRefused() throws Exception {
		validate(YAML, "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.errors", hasSize(0)))
			.andExpect(jsonPath("$.warnings[0].rule").value("kind"))
			.andExpect(jsonPath("$.warnings[0].message", startsWith("not checked: ")))
			.andExpect(jsonPath("$.podSecurity").doesNotExist());
	}

	@Test
	void severalDocumentsOrAListGetAReportPerObject() throws Exception {
		String file = """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web}
				spec:
				  selector: {matchLabels: {app: web}}
				  template:
				    metadata: {labels: {app: web}}
				    spec:
				      containers: [{name: web, image: nginx:1.27, imagePullPolicyy: Always}]
				---
				apiVersion: v1
				kind: Service
				metadata: {name: web}
				spec: {selector: {app: web}, ports: [{port: 80}]}
				---
				apiVersion: v1
				kind: ConfigMap
				metadata: {name: web}
				data: {mode: fast}
				---
				apiVersion: example.com/v1
				kind: Widget
				metadata: {name: w}
				""";
		validate(YAML, file).andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.documents[*].index").value(contains(0, 1, 2, 3)))
			.andExpect(jsonPath("$.documents[*].kind").value(contains("Deployment", "Service", "ConfigMap", "Widget")))
			.andExpect(jsonPath("$.documents[*].name").value(contains("web", "web", "web", "w")))
			.andExpect(jsonPath("$.documents[*].valid").value(contains(false, true, true, true)))
			.andExpect(jsonPath("$.documents[*].checked").value(contains(true, true, true, false)))
			.andExpect(jsonPath("$.documents[0].errors[0].message")
				.value("strict decoding error: unknown field \"spec.template.spec.containers[0].imagePullPolicyy\"; "
						+ "did you mean \"imagePullPolicy\"?"))
			.andExpect(jsonPath("$.documents[0].podSecurity.level").isString())
			.andExpect(jsonPath("$.documents[1].podSecurity").doesNotExist());
		validate(MediaType.APPLICATION_JSON, """
				{"apiVersion": "v1", "kind": "List", "items": [
				 {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},
				 {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "b"}, "data": {"k": "not base64!"}}]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.documents[*].path").value(contains("items[0]", "items[1]")))
			.andExpect(jsonPath("$.documents[1].errors[0].message").value("illegal base64 data at input byte 3"));
	}

	@Test
	void moreObjectsThanTheLimitAre413() throws Exception {
		String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n";
		expectProblem(validate(YAML, configMap.repeat(FileValidator.MAX_OBJECTS + 1)), 413)
			.andExpect(jsonPath("$.detail", containsString("more than 500 objects")));
	}

	@Test
	void emptyAndBinaryBodiesAre400() throws Exception {
		for (String empty : List.of("", "   \n", "# only a comment\n")) {
			expectProblem(validate(YAML, empty), 400).andExpect(jsonPath("$.detail").value("the document is empty"));
		}
		expectProblem(validate(MediaType.APPLICATION_JSON, ""), 400);
		byte[] binary = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, (byte) 0xff, (byte) 0xfe };
		expectProblem(validate(YAML, binary), 400).andExpect(jsonPath("$.detail").value("the body is not UTF-8 text"));
		expectProblem(validate(MediaType.APPLICATION_JSON, binary), 400);
		// valid UTF-8 that is no text
		expectProblem(validate(YAML, "kind: Pod\u0000\u0001\n".getBytes(StandardCharsets.UTF_8)), 400);
		expectProblem(validate(MediaType.APPLICATION_JSON, "{\"kind\": \u0000}".getBytes(StandardCharsets.UTF_8)), 400);
	}

	@Test
	void hostileDocumentsAre4xxInSecondsAndTheServerGoesOn() throws Exception {
		validate(YAML, RESTRICTED_POD).andExpect(status().isOk());
		StringBuilder laughs = new StringBuilder(
				"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char name = 'b'; name <= 'j'; name++) {
			char previous = (char) (name - 1);
			laughs.append(name).append(": &").append(name).append(" [");
			laughs.append(String.join(",", Collections.nCopies(9, "*" + previous))).append("]\n");
		}
		expectProblem(validate(YAML, laughs.toString()), 413)
			.andExpect(jsonPath("$.detail").value(containsString("expands to more than 1048576 characters")));
		List<String> yamls = List.of("[".repeat(10_000) + "]".repeat(10_000),
				"a:\n" + "  ".repeat(1) + "b: " + "{x: ".repeat(500) + "1" + "}".repeat(500) + "\n",
				"apiVersion: v1\nkind: Pod\nmetadata: !!python/object:os.system {name: x}\n",
				"apiVersion: v1\nkind: Pod\nmetadata: !custom {name: x}\n",
				"apiVersion: v1\nkind: Pod\nmetadata: {name: !!binary aGVsbG8=}\n",
				"apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: !!set {a, b}\n");
		for (String yaml : yamls) {
			long started = System.nanoTime();
			expectProblem(validate(YAML, yaml), 400);
			// unguarded, these run for minutes or exhaust the heap; 5 s leaves room for a
			// loaded machine
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as(yaml.substring(0, 30))
				.isLessThan(Duration.ofSeconds(5));
		}
		long started = System.nanoTime();
		expectProblem(validate(MediaType.APPLICATION_JSON, "[".repeat(100_000) + "]".repeat(100_000)), 400)
			.andExpect(jsonPath("$.detail").value("the document nests lists and maps more than 64 levels deep"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

		validate(YAML, RESTRICTED_POD).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
	}

	@Test
	void aPodOfThousandsOfContainersIsAnsweredInFull() throws Exception {
		StringBuilder containers = new StringBuilder();
		StringBuilder volumes = new StringBuilder();
		for (int i = 0; i < 2000; i++) {
			containers.append((i == 0) ? "" : ",")
				.append("{\"name\": \"c")
				.append(i)
				.append("\", \"image\": \"nginx\", \"ports\": [{\"containerPort\": 8080}], \"volumeMounts\": ")
				.append("[{\"name\": \"data\", \"mountPath\": \"/data\"}, {\"name\": \"v")
				.append(i)
				.append("\", \"mountPath\": \"/v\"}]}");
			volumes.append((i == 0) ? "" : ",").append("{\"name\": \"v").append(i).append("\", \"emptyDir\": {}}");
		}
		String pod = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"big\"}, "
				+ "\"spec\": {\"containers\": [" + containers + "], \"volumes\": [" + volumes + "]}}";
		validate(MediaType.APPLICATION_JSON, POD_JSON).andExpect(status().isOk());

		// how fast is for the benchmarks; here, that every finding is still counted and
		// summed up
		validate(MediaType.APPLICATION_JSON, pod).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[?(@.rule == 'duplicate-port')]", hasSize(1999)))
			.andExpect(jsonPath("$.warnings[?(@.rule == 'shared-writable-volume')].message").value(contains(
					"volume \"data\" is mounted read-write by container \"c0\", container \"c1\", container \"c2\" "
							+ "and 1997 more: set readOnly on the mounts of the containers that only read it")));
	}

	@Test
	void aBodyOverOneMebibyteIs413() throws Exception {
		byte[] body = new byte[RequestBodyLimit.MAX_BYTES + 1];
		Arrays.fill(body, (byte) ' ');

		expectProblem(validate(YAML, body), 413);
	}

	@Test
	void anUnsupportedContentTypeIs415AndAnAnswerOtherThanJson406() throws Exception {
		expectProblem(validate(MediaType.TEXT_PLAIN, RESTRICTED_POD), 415);
		expectProblem(this.mvc.perform(post("/api/v1/validate").contentType(YAML).accept(YAML).content(RESTRICTED_POD)),
				406);
	}

	private ResultActions validate(MediaType type, String body) throws Exception {
		return validate(type, body.getBytes(StandardCharsets.UTF_8));
	}

	private ResultActions validate(MediaType type, byte[] body) throws Exception {
		return this.mvc.perform(post("/api/v1/validate").contentType(type).content(body));
	}

	private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.title").isString())
			.andExpect(jsonPath("$.detail").isString());
	}

}
