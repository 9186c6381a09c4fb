package io.podcomposer.templates;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.AlsoOnPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.podcomposer.TestAdmin;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.security.AccountService;
import io.podcomposer.security.Role;

import static io.podcomposer.templates.TemplateTests.JSON;
import static io.podcomposer.templates.TemplateTests.bearer;
import static io.podcomposer.templates.TemplateTests.json;
import static io.podcomposer.templates.TemplateTests.pod;
import static io.podcomposer.templates.TemplateTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Import, export and restore through the REST API, with the real security and database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AlsoOnPostgres
class TemplateImportApiTest {

	/**
	 * A Deployment and a CronJob as a cluster or a person may write them: keys in no
	 * usual order at every level, fields no form knows, nulls, empty maps and lists,
	 * quoted scalars that would read as something else, a block string and a status.
	 */
	private static final String RICH = """
			spec:
			  template:
			    spec:
			      volumes: [{name: cache, emptyDir: {}}]
			      containers:
			      - volumeMounts: [{mountPath: /cache, name: cache}]
			        image: nginx:1.27
			        futureField: {deep: [1, 2.5, true, null, "yes", "0o17"]}
			        name: web
			        env: [{value: "on", name: MODE}, {name: EMPTY, value: ""}]
			        args: []
			      schedulerName: null
			    metadata:
			      labels: {app: %1$s}
			      annotations:
			        note: |
			          two
			          lines
			  selector: {matchLabels: {app: %1$s}}
			  replicas: 2
			  strategy: {}
			status: {replicas: 2, conditions: [{type: Available, status: "True"}]}
			metadata:
			  resourceVersion: "12345"
			  name: %1$s
			  uid: 1b4e28ba-2fa1-11d2-883f-0016d3cca427
			  creationTimestamp: 2026-01-01T10:00:00Z
			kind: Deployment
			apiVersion: apps/v1
			---
			kind: CronJob
			metadata: {name: %1$s-nightly, labels: {app: %1$s}}
			apiVersion: batch/v1
			spec:
			  jobTemplate:
			    spec:
			      template:
			        spec:
			          restartPolicy: OnFailure
			          containers: [{name: job, image: busybox, command: [sh, -c, "echo $(date)"]}]
			      backoffLimit: 2
			  schedule: "0 3 * * *"
			  timeZone: Etc/UTC
			  concurrencyPolicy: Forbid
			---
			""";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountService accounts;

	private String editor;

	private String viewer;

	@BeforeAll
	void createUsers() {
		this.editor = bearer(this.accounts, Role.EDITOR);
		this.viewer = bearer(this.accounts, Role.VIEWER);
	}

	@Test
	void importsEveryDocumentOfAFileAsATemplateNamedAfterIt() throws Exception {
		String name = unique("multi");
		MockHttpServletResponse answer = importYaml(pod(name) + "---\n" + pod(name + "-b") + "---\n", null);

		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
		JsonNode result = json(answer);
		assertThat(names(result.get("items"))).containsExactly(name, name + "-b");
		assertThat(result.get("skipped")).isEmpty();
		assertThat(result.get("renamed")).isEmpty();
		JsonNode read = json(call(get("/api/v1/templates/" + result.at("/items/0/id").asLong()), this.viewer));
		assertThat(read.get("name").asString()).isEqualTo(name);
		assertThat(read.get("revision").asInt()).isEqualTo(1);
		assertThat(read.at("/manifest/metadata/name").asString()).isEqualTo(name);

		// one audit entry for the import, naming what it made
		JsonNode audit = json(
				call(get("/api/v1/audit").param("action", "TEMPLATE_IMPORT").param("size", "200"), TestAdmin.BEARER));
		assertThat(audit.get("items")).anySatisfy((entry) -> {
			assertThat(entry.get("target").asString()).isEqualTo(name + ", " + name + "-b");
			assertThat(entry.get("detail").asString()).isEqualTo("created 2, skipped 0, renamed 0");
			assertThat(entry.get("actor").asString()).startsWith("tpl-editor-");
		});
	}

	@Test
	void importsTheItemsOfAList() throws Exception {
		String name = unique("list");
		String list = """
				apiVersion: v1
				kind: List
				items:
				- %s
				- apiVersion: batch/v1
				  kind: Job
				  metadata: {name: %s-job}
				  spec: {template: {spec: {restartPolicy: Never, containers: [{name: j, image: busybox}]}}}
				""".formatted(ManifestReader.readYaml(pod(name)).toString(), name);

		MockHttpServletResponse answer = importYaml(list, null);

		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
		JsonNode items = json(answer).get("items");
		assertThat(names(items)).containsExactly(name, name + "-job");
		assertThat(items.get(1).at("/manifest/kind").asString()).isEqualTo("Job");
	}

	@Test
	void acceptsAJsonBody() throws Exception {
		String name = unique("json");
		String list = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [" + ManifestReader.readYaml(pod(name))
				+ "]}";

		MockHttpServletResponse answer = call(
				post("/api/v1/templates/import").contentType(MediaType.APPLICATION_JSON).content(list), this.editor);

		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
		assertThat(names(json(answer).get("items"))).containsExactly(name);
	}

	@Test
	void aTakenNameGetsASuffixAsDoesANameAnEarlierDocumentTook() throws Exception {
		String name = unique("taken");
		assertThat(importYaml(pod(name), null).getStatus()).isEqualTo(201);

		JsonNode result = json(importYaml(pod(name) + "---\n" + pod(name) + "---\n" + pod(name + "-2"), null));

		assertThat(names(result.get("items"))).containsExactly(name + "-2", name + "-3", name + "-2-2");
		assertThat(result.get("renamed")).hasSize(3);
		assertThat(result.at("/renamed/0/from").asString()).isEqualTo(name);
		assertThat(result.at("/renamed/0/to").asString()).isEqualTo(name + "-2");
		assertThat(result.at("/renamed/2/from").asString()).isEqualTo(name + "-2");
		// the manifest keeps its own name: only the template's is suffixed
		assertThat(result.at("/items/1/manifest/metadata/name").asString()).isEqualTo(name);
	}

	@Test
	void aSuffixKeepsALongNameWithinTheLimit() {
		String longName = "n".repeat(253);

		assertThat(TemplateImport.suffixed(longName, 1)).isEqualTo(longName);
		assertThat(TemplateImport.suffixed(longName, 12)).hasSize(253).endsWith("n-12");
	}

	@Test
	void addsTheTagToEveryImportedTemplate() throws Exception {
		String name = unique("tagged");
		String tag = unique("tag");

		JsonNode items = json(importYaml(pod(name) + "---\n" + pod(name + "-b"), tag)).get("items");

		assertThat(items).allSatisfy((item) -> assertThat(item.get("tags").get(0).asString()).isEqualTo(tag));
		JsonNode found = json(call(get("/api/v1/templates").param("tag", tag), this.viewer));
		assertThat(found.get("total").asLong()).isEqualTo(2);
		MockHttpServletResponse tooLong = importYaml(pod(unique("long")), "t".repeat(64));
		assertThat(tooLong.getStatus()).isEqualTo(422);
		assertThat(json(tooLong).at("/errors/0/path").asString()).isEqualTo("tag");
	}

	@Test
	void namesEveryUnsupportedDocumentAndSavesNothing() throws Exception {
		String name = unique("none");
		String file = pod(name) + """
				---
				apiVersion: v1
				kind: Service
				metadata: {name: %1$s-svc}
				---
				apiVersion: v1
				kind: ConfigMap
				metadata: {name: %1$s-config}
				---
				just a scalar
				---
				metadata: {name: %1$s-kindless}
				---
				---
				apiVersion: apps/v1
				kind: Pod
				metadata: {name: %1$s-wrong-version}
				---
				%2$s
				---
				""".formatted(name, pod(name + "-last"));

		MockHttpServletResponse refused = importYaml(file, null);

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = json(refused);
		assertThat(problem.get("detail").asString()).startsWith("Nothing was imported.");
		JsonNode errors = problem.get("errors");
		assertThat(errors).extracting((error) -> error.get("path").asString())
			.containsExactly("documents[1]", "documents[2]", "documents[3]", "documents[4]", "documents[5]",
					"documents[6]");
		assertThat(errors.get(0).get("message").asString())
			.isEqualTo("Service \"" + name + "-svc\": kind \"Service\" is not supported; supported kinds are "
					+ "Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob");
		assertThat(errors.get(1).get("message").asString()).startsWith("ConfigMap \"" + name + "-config\": ");
		assertThat(errors.get(2).get("message").asString()).startsWith("the value \"just a scalar\": ");
		assertThat(errors.get(3).get("message").asString())
			.startsWith("an object \"" + name + "-kindless\": kind is missing");
		assertThat(errors.get(4).get("message").asString()).startsWith("an empty document");
		assertThat(errors.get(5).get("message").asString()).contains("apiVersion \"apps/v1\" is not supported");
		assertNothingNamed(name);
	}

	@Test
	void namesAnUnsupportedItemOfAListAndSavesNothing() throws Exception {
		String name = unique("badlist");
		String list = """
				apiVersion: v1
				kind: List
				items:
				- %s
				- {apiVersion: v1, kind: Secret, metadata: {name: %s-secret}}
				- {apiVersion: v1, kind: Pod, metadata: {labels: {a: b}}, spec: {containers: []}}
				""".formatted(ManifestReader.readYaml(pod(name)).toString(), name);

		JsonNode errors = json(importYaml(list, null)).get("errors");

		assertThat(errors).extracting((error) -> error.get("path").asString())
			.containsExactly("items[1]", "items[2].metadata.name");
		assertThat(errors.get(0).get("message").asString()).startsWith("Secret \"" + name + "-secret\"");
		assertNothingNamed(name);
	}

	@Test
	void aMalformedLaterDocumentIsA400WithItsLine() throws Exception {
		MockHttpServletResponse malformed = importYaml(pod(unique("bad")) + "---\nkind: Pod\nmetadata: a: b\n", null);

		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(json(malformed).get("line").asInt()).isEqualTo(11);
	}

	@Test
	void aKeyRepeatedInALaterDocumentIsTheApiServersDuplicateFieldErrorAndNothingIsImported() throws Exception {
		String first = unique("first");
		String second = unique("second");
		String repeated = pod(second).replace("    image: nginx:1.27\n",
				"    image: nginx:1.27\n    image: nginx:1.28\n");

		MockHttpServletResponse refused = importYaml(pod(first) + "---\n" + repeated, null);

		assertThat(refused.getStatus()).isEqualTo(422);
		JsonNode errors = json(refused).get("errors");
		assertThat(errors).extracting((error) -> error.get("path").asString())
			.containsExactly("documents[1].spec.containers[0].image");
		assertThat(errors.get(0).get("message").asString())
			.startsWith("strict decoding error: duplicate field \"spec.containers[0].image\"");
		assertNothingNamed(first);
		assertNothingNamed(second);
	}

	@Test
	void importIsLosslessAndRendersTheSameObject() throws Exception {
		String name = unique("rich");
		String yaml = RICH.formatted(name);
		List<JsonNode> given = ManifestReader.readYamlDocuments(yaml);

		JsonNode items = json(importYaml(yaml, null)).get("items");

		assertThat(names(items)).containsExactly(name, name + "-nightly");
		for (int i = 0; i < given.size(); i++) {
			long id = items.get(i).get("id").asLong();
			JsonNode stored = json(call(get("/api/v1/templates/" + id), this.viewer)).get("manifest");
			// the same tree, key order included
			assertThat(stored.toString()).isEqualTo(given.get(i).toString());
			JsonNode rendered = json(
					call(get("/api/v1/templates/" + id + "/render").accept(MediaType.APPLICATION_JSON), this.viewer));
			// rendering leaves out nulls, which mean "not set" to Kubernetes; every other
			// field is there
			assertThat(rendered).isEqualTo(withoutNulls(given.get(i)));
		}
		assertThat(items.get(0).at("/manifest/spec/template/spec/containers/0/futureField/deep/4").asString())
			.isEqualTo("yes");
	}

	@Test
	void placeholdersBecomeRequiredParameters() throws Exception {
		String name = unique("params");
		String yaml = """
				apiVersion: v1
				kind: Pod
				metadata: {name: %s, labels: {team: "${TEAM}"}}
				spec:
				  containers:
				  - {name: web, image: "nginx:${IMAGE_TAG}", args: ["$${LITERAL}", "${TEAM}-x"]}
				""".formatted(name);

		JsonNode template = json(importYaml(yaml, null)).at("/items/0");

		assertThat(template.get("parameters")).extracting((parameter) -> parameter.get("name").asString())
			.containsExactly("TEAM", "IMAGE_TAG");
		assertThat(template.get("parameters")).allSatisfy((parameter) -> {
			assertThat(parameter.get("required").asBoolean()).isTrue();
			assertThat(parameter.has("default")).isFalse();
		});
		long id = template.get("id").asLong();
		assertThat(call(get("/api/v1/templates/" + id + "/render"), this.viewer).getStatus()).isEqualTo(422);
		MockHttpServletResponse rendered = call(get("/api/v1/templates/" + id + "/render").param("values.TEAM", "shop")
			.param("values.IMAGE_TAG", "1.29"), this.viewer);
		assertThat(rendered.getContentAsString()).contains("team: shop", "image: nginx:1.29", "${LITERAL}", "shop-x");
	}

	@Test
	void exportsTheWholeLibraryOrOneTagAsAnAttachment() throws Exception {
		String tag = unique("exp");
		long first = create(unique("exp-a"), "first one", tag, "nginx:1");
		long second = create(unique("exp-b"), null, tag, "nginx:2");
		long other = create(unique("exp-c"), "not tagged", unique("other"), "nginx:3");

		MockHttpServletResponse yaml = call(get("/api/v1/templates/export").param("tag", tag), this.viewer);

		assertThat(yaml.getStatus()).isEqualTo(200);
		assertThat(yaml.getContentType()).startsWith("application/yaml");
		assertThat(yaml.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.startsWith("attachment; filename=\"templates-" + tag + "-")
			.endsWith(".yaml\"");
		JsonNode library = ManifestReader.readYaml(yaml.getContentAsString());
		assertThat(library.get("apiVersion").asString()).isEqualTo("podcomposer.io/v1");
		assertThat(library.get("kind").asString()).isEqualTo("TemplateLibrary");
		assertThat(library.get("tag").asString()).isEqualTo(tag);
		assertThat(library.get("exportedAt").asString()).isNotBlank();
		assertThat(library.get("templates")).hasSize(2);
		JsonNode entry = library.at("/templates/0");
		JsonNode template = json(call(get("/api/v1/templates/" + first), this.viewer));
		assertThat(List.copyOf(entry.propertyNames())).containsExactly("name", "description", "tags", "parameters",
				"manifest", "revision", "createdAt", "createdBy", "updatedAt", "updatedBy");
		for (String field : List.of("name", "description", "tags", "parameters", "manifest", "revision", "createdBy",
				"updatedBy")) {
			assertThat(entry.get(field)).as(field).isEqualTo(template.get(field));
		}
		assertThat(entry.get("createdAt").asString()).isEqualTo(template.get("createdAt").asString());
		assertThat(library.at("/templates/1/description").isNull()).isTrue();

		MockHttpServletResponse all = call(get("/api/v1/templates/export").accept(MediaType.APPLICATION_JSON),
				this.viewer);
		assertThat(all.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		assertThat(all.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.matches("attachment; filename=\"templates-\\d{8}\\.json\"");
		JsonNode whole = json(all);
		assertThat(whole.has("tag")).isFalse();
		List<String> exported = names(whole.get("templates"));
		assertThat(exported).contains(name(first), name(second), name(other));
		assertThat(exported).hasSize((int) json(call(get("/api/v1/templates"), this.viewer)).get("total").asLong());

		JsonNode empty = ManifestReader
			.readYaml(call(get("/api/v1/templates/export").param("tag", unique("no-such-tag")), this.viewer)
				.getContentAsString());
		assertThat(empty.get("templates")).isEmpty();
	}

	@Test
	void anExportReadsTheLibraryPageByPage() throws Exception {
		String tag = unique("pages");
		String name = unique("many");
		StringBuilder file = new StringBuilder();
		int count = LibraryExport.PAGE_SIZE + 3;
		for (int i = 0; i < count; i++) {
			file.append(pod(name + "-" + i)).append("---\n");
		}
		assertThat(importYaml(file.toString(), tag).getStatus()).isEqualTo(201);

		JsonNode library = json(call(
				get("/api/v1/templates/export").param("tag", tag).accept(MediaType.APPLICATION_JSON), this.viewer));

		List<String> expected = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			expected.add(name + "-" + i);
		}
		assertThat(names(library.get("templates"))).containsExactlyElementsOf(expected);
	}

	@Test
	void exportDeleteImportRestoresTheTemplates() throws Exception {
		String tag = unique("restore");
		long first = create(unique("res-a"), "first", tag, "nginx:1");
		long second = create(unique("res-b"), null, tag, "nginx:2");
		JsonNode before = json(call(get("/api/v1/templates/" + first), this.viewer));
		JsonNode secondBefore = json(call(get("/api/v1/templates/" + second), this.viewer));
		String file = export(tag);
		call(delete("/api/v1/templates/" + first), this.editor);
		call(delete("/api/v1/templates/" + second), this.editor);

		MockHttpServletResponse restored = importYaml(file, null);

		assertThat(restored.getStatus()).as(restored.getContentAsString()).isEqualTo(201);
		JsonNode result = json(restored);
		assertThat(names(result.get("items"))).containsExactly(before.get("name").asString(),
				secondBefore.get("name").asString());
		assertThat(result.get("skipped")).isEmpty();
		assertThat(result.get("renamed")).isEmpty();
		JsonNode after = json(call(get("/api/v1/templates/" + result.at("/items/0/id").asLong()), this.viewer));
		for (String field : List.of("name", "description", "tags", "parameters", "manifest")) {
			assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
		}
		JsonNode revision = json(
				call(get("/api/v1/templates/" + after.get("id").asLong() + "/revisions"), this.viewer));
		assertThat(revision.at("/0/message").asString())
			.isEqualTo("restored from a library export, where it was at revision 1");
	}

	@Test
	void importingAnExportAgainSkipsWhatIsUnchangedAndRenamesWhatChanged() throws Exception {
		String tag = unique("again");
		String changedName = unique("again-a");
		long changed = create(changedName, "will change", tag, "nginx:1");
		String keptName = unique("again-b");
		create(keptName, "stays", tag, "nginx:2");
		String file = export(tag);

		MockHttpServletResponse unchanged = importJson(toJson(file));

		assertThat(unchanged.getStatus()).isEqualTo(200);
		JsonNode skipped = json(unchanged);
		assertThat(skipped.get("items")).isEmpty();
		assertThat(skipped.get("skipped")).extracting((entry) -> entry.get("name").asString())
			.containsExactly(changedName, keptName);
		assertThat(skipped.at("/skipped/0/reason").asString())
			.isEqualTo("identical to the existing template \"" + changedName + "\"");

		ObjectNode edit = (ObjectNode) json(call(get("/api/v1/templates/" + changed), this.viewer));
		((ObjectNode) edit.at("/manifest/spec/containers/0")).put("image", "nginx:9");
		assertThat(call(put("/api/v1/templates/" + changed).header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(edit.toString()), this.editor).getStatus()).isEqualTo(200);

		MockHttpServletResponse renamed = importYaml(file, null);

		assertThat(renamed.getStatus()).isEqualTo(201);
		JsonNode result = json(renamed);
		assertThat(names(result.get("items"))).containsExactly(changedName + "-2");
		assertThat(result.at("/items/0/manifest/spec/containers/0/image").asString()).isEqualTo("nginx:1");
		assertThat(result.at("/renamed/0/from").asString()).isEqualTo(changedName);
		assertThat(result.at("/renamed/0/to").asString()).isEqualTo(changedName + "-2");
		assertThat(result.get("skipped")).extracting((entry) -> entry.get("name").asString()).containsExactly(keptName);

		// a third time, the renamed copy is there unchanged: nothing more is made
		JsonNode third = json(importYaml(file, null));
		assertThat(third.get("items")).isEmpty();
		assertThat(third.at("/skipped/0/reason").asString())
			.isEqualTo("identical to the existing template \"" + changedName + "-2\"");
	}

	@Test
	void refusesALibraryMixedWithManifests() throws Exception {
		String tag = unique("mixed");
		create(unique("mixed"), "x", tag, "nginx");
		String library = export(tag);

		MockHttpServletResponse refused = importYaml(pod(unique("mixed-pod")) + "---\n" + library, null);

		assertThat(refused.getStatus()).isEqualTo(422);
		JsonNode error = json(refused).at("/errors/0");
		assertThat(error.get("path").asString()).isEqualTo("documents[1]");
		assertThat(error.get("message").asString()).contains("must be the only document");
	}

	@Test
	void namesInvalidLibraryEntriesAndSavesNothing() throws Exception {
		String name = unique("badlib");
		String library = """
				apiVersion: podcomposer.io/v1
				kind: TemplateLibrary
				templates:
				- name: %1$s-good
				  manifest: %2$s
				- name: %1$s-bad
				  parameters: [{name: lower}]
				  manifest: %2$s
				- name: %1$s-svc
				  manifest: {apiVersion: v1, kind: Service}
				- description: no name
				  manifest: %2$s
				""".formatted(name, ManifestReader.readYaml(pod(name)).toString());

		MockHttpServletResponse refused = importYaml(library, null);

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(json(refused).get("errors")).extracting((error) -> error.get("path").asString())
			.containsExactly("templates[1].parameters[0].name", "templates[2].manifest", "templates[3].name");
		assertNothingNamed(name);

		MockHttpServletResponse wrongVersion = importYaml(library.replace("podcomposer.io/v1", "podcomposer.io/v9"),
				null);
		assertThat(json(wrongVersion).at("/errors/0/path").asString()).isEqualTo("apiVersion");
	}

	@Test
	void aViewerExportsButDoesNotImport() throws Exception {
		assertThat(call(post("/api/v1/templates/import").contentType("application/yaml").content(pod(unique("ro"))),
				this.viewer)
			.getStatus()).isEqualTo(403);
		assertThat(call(get("/api/v1/templates/export").param("tag", unique("ro")), this.viewer).getStatus())
			.isEqualTo(200);
	}

	private void assertNothingNamed(String prefix) throws Exception {
		assertThat(json(call(get("/api/v1/templates").param("q", prefix), this.viewer)).get("total").asLong()).isZero();
	}

	private long create(String name, String description, String tag, String image) throws Exception {
		ObjectNode document = JSON.createObjectNode().put("name", name).put("description", description);
		document.putArray("tags").add(tag);
		document.putArray("parameters").addObject().put("name", "IMAGE_TAG").put("default", "1.27");
		document.set("manifest", JSON.readTree("""
				{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "annotations": {"x": null}},
				 "spec": {"containers": [{"name": "web", "image": "%s"}]}}""".formatted(image)));
		MockHttpServletResponse created = call(
				post("/api/v1/templates").contentType(MediaType.APPLICATION_JSON).content(document.toString()),
				this.editor);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return json(created).get("id").asLong();
	}

	private String name(long id) throws Exception {
		return json(call(get("/api/v1/templates/" + id), this.viewer)).get("name").asString();
	}

	private String export(String tag) throws Exception {
		MockHttpServletResponse export = call(get("/api/v1/templates/export").param("tag", tag), this.viewer);
		assertThat(export.getStatus()).isEqualTo(200);
		return export.getContentAsString();
	}

	private MockHttpServletResponse importYaml(String yaml, String tag) throws Exception {
		MockHttpServletRequestBuilder request = post("/api/v1/templates/import").contentType("application/yaml")
			.content(yaml);
		if (tag != null) {
			request.param("tag", tag);
		}
		return call(request, this.editor);
	}

	private MockHttpServletResponse importJson(String json) throws Exception {
		return call(post("/api/v1/templates/import").contentType(MediaType.APPLICATION_JSON).content(json),
				this.editor);
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String bearer) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer)).andReturn().getResponse();
	}

	private static String toJson(String yaml) {
		return ManifestReader.readYaml(yaml).toString();
	}

	/** The tree without null fields and items, as rendering writes it. */
	private static JsonNode withoutNulls(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = JSON.createObjectNode();
			node.properties().forEach((field) -> {
				if (!field.getValue().isNull()) {
					copy.set(field.getKey(), withoutNulls(field.getValue()));
				}
			});
			return copy;
		}
		if (node.isArray()) {
			var copy = JSON.createArrayNode();
			node.values().forEach((item) -> {
				if (!item.isNull()) {
					copy.add(withoutNulls(item));
				}
			});
			return copy;
		}
		return node;
	}

	private static List<String> names(JsonNode items) {
		List<String> names = new ArrayList<>();
		items.forEach((item) -> names.add(item.get("name").asString()));
		return names;
	}

}
