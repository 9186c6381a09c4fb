package io.podcomposer.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import io.podcomposer.security.AccountService;
import io.podcomposer.security.Role;

import static io.podcomposer.templates.TemplateTests.JSON;
import static io.podcomposer.templates.TemplateTests.bearer;
import static io.podcomposer.templates.TemplateTests.json;
import static io.podcomposer.templates.TemplateTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The templates API through the whole application, with its real security and database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AlsoOnPostgres
class TemplateApiTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountService accounts;

	@Autowired
	private TemplateRevisionRepository revisions;

	private String editor;

	private String viewer;

	@BeforeAll
	void createUsers() {
		this.editor = bearer(this.accounts, Role.EDITOR);
		this.viewer = bearer(this.accounts, Role.VIEWER);
	}

	@Test
	void createsAndReadsATemplateWithItsETag() throws Exception {
		String name = unique("web");
		MockHttpServletResponse created = call(post("/api/v1/templates").contentType(MediaType.APPLICATION_JSON)
			.content(document(name, "nginx:${IMAGE_TAG}", "logging")), this.editor);

		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(created.getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
		JsonNode body = json(created);
		assertThat(created.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/templates/" + body.get("id").asLong());
		assertThat(body.get("revision").asInt()).isEqualTo(1);
		assertThat(body.get("updatedBy").asString()).startsWith("tpl-editor-");

		MockHttpServletResponse read = call(get(created.getHeader(HttpHeaders.LOCATION)), this.viewer);
		assertThat(read.getStatus()).isEqualTo(200);
		assertThat(read.getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
		JsonNode template = json(read);
		assertThat(template.get("name").asString()).isEqualTo(name);
		assertThat(template.get("tags").get(0).asString()).isEqualTo("logging");
		assertThat(template.get("parameters").get(0).get("default").asString()).isEqualTo("1.27");
		assertThat(template.at("/manifest/spec/containers/0/image").asString()).isEqualTo("nginx:${IMAGE_TAG}");
	}

	@Test
	void acceptsAYamlBody() throws Exception {
		String name = unique("yaml");
		MockHttpServletResponse created = call(post("/api/v1/templates").contentType("application/yaml").content("""
				name: %s
				manifest:
				  apiVersion: v1
				  kind: Pod
				  metadata: {name: web}
				  spec:
				    containers: [{name: web, image: nginx}]
				""".formatted(name)), this.editor);

		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(json(created).get("name").asString()).isEqualTo(name);
	}

	/**
	 * A field given twice is refused with the API server's strict decoding words at its
	 * place, in a YAML or a JSON body, on create and on update, and nothing is saved: the
	 * reader would keep only the last value, and the template is the object kept whole.
	 */
	@Test
	void aFieldGivenTwiceIsRefusedAndNothingIsSaved() throws Exception {
		String name = unique("twice");
		MockHttpServletResponse yaml = call(post("/api/v1/templates").contentType("application/yaml").content("""
				name: %s
				manifest:
				  apiVersion: v1
				  kind: Pod
				  metadata: {name: web}
				  spec:
				    containers:
				    - name: web
				      image: nginx:1.27
				      image: nginx:1.28
				""".formatted(name)), this.editor);
		assertThat(yaml.getStatus()).isEqualTo(422);
		JsonNode error = json(yaml).get("errors").get(0);
		assertThat(error.get("path").asString()).isEqualTo("manifest.spec.containers[0].image");
		assertThat(error.get("message").asString())
			.startsWith("strict decoding error: duplicate field \"spec.containers[0].image\"");
		assertThat(json(call(get("/api/v1/templates").param("q", name), this.viewer)).get("total").asInt()).isZero();

		long id = create(name, "first", "nginx:1", "t");
		MockHttpServletResponse json = update(id, "\"1\"", document(name, "nginx:2", "t").replaceFirst("\\{",
				"{\"description\": \"a\", \"description\": \"b\", "));
		assertThat(json.getStatus()).isEqualTo(422);
		assertThat(json(json).get("errors").get(0).get("path").asString()).isEqualTo("description");
		JsonNode current = json(call(get("/api/v1/templates/" + id), this.viewer));
		assertThat(current.get("revision").asInt()).isEqualTo(1);
		assertThat(current.get("description").asString()).isEqualTo("first");
	}

	@Test
	void keepsAManifestWholeWithFieldsNoFormKnows() throws Exception {
		String manifest = """
				{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "odd", "annotations": {"x": null}},
				 "spec": {"containers": [{"name": "web", "image": "nginx", "futureField": {"deep": [1, 2.5, true]}}],
				          "zzz": "last", "aaa": "first"},
				 "status": {"phase": "Pending"}}""";
		JsonNode created = json(call(post("/api/v1/templates").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + unique("odd") + "\", \"manifest\": " + manifest + "}"), this.editor));

		JsonNode read = json(call(get("/api/v1/templates/" + created.get("id").asLong()), this.viewer));
		assertThat(read.get("manifest")).isEqualTo(JSON.readTree(manifest));
	}

	@Test
	void listsNewestFirstAndSearchesNameDescriptionAndTagsIgnoringCase() throws Exception {
		String marker = "srch" + UUID.randomUUID().toString().substring(0, 8);
		long byName = create(marker + "-one", "plain", "nginx", "alpha");
		long byDescription = create(unique("two"), "About " + marker.toUpperCase(), "nginx", "beta");
		long byTag = create(unique("three"), "plain", "nginx", marker);

		JsonNode all = json(call(get("/api/v1/templates").param("q", marker.toUpperCase()), this.viewer));
		assertThat(ids(all)).containsExactly(byTag, byDescription, byName);
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(all.get("items").get(0).has("manifest")).isFalse();

		JsonNode tagged = json(call(get("/api/v1/templates").param("q", marker).param("tag", "beta"), this.viewer));
		assertThat(ids(tagged)).containsExactly(byDescription);

		JsonNode second = json(
				call(get("/api/v1/templates").param("q", marker).param("page", "1").param("size", "2"), this.viewer));
		assertThat(ids(second)).containsExactly(byName);
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("size").asInt()).isEqualTo(2);
		assertThat(second.get("total").asLong()).isEqualTo(3);

		JsonNode byNameOrder = json(
				call(get("/api/v1/templates").param("q", marker).param("sort", "name"), this.viewer));
		assertThat(ids(byNameOrder)).containsExactly(byName, byTag, byDescription);
		assertThat(call(get("/api/v1/templates").param("sort", "size"), this.viewer).getStatus()).isEqualTo(400);
	}

	@Test
	void aListedTemplateShowsItsKindAndPodSecurityLevel() throws Exception {
		String marker = unique("level");
		create(marker, "plain", "nginx", "alpha");
		JsonNode item = json(call(get("/api/v1/templates").param("q", marker), this.viewer)).get("items").get(0);
		assertThat(item.get("kind").asString()).isEqualTo("Pod");
		// no security context at all: baseline holds, restricted does not
		assertThat(item.get("podSecurityLevel").asString()).isEqualTo("baseline");
	}

	@Test
	void aSearchOfSeveralWordsFindsTheTemplatesWithEachOfThemInAnyOrder() throws Exception {
		String marker = unique("words");
		long shared = create(marker + "-shared-volume", "Two containers share a volume", "busybox", "storage");
		create(marker + "-shared-memory", "Two containers share memory", "busybox", "ipc");

		JsonNode found = json(call(get("/api/v1/templates").param("q", "shared vol " + marker), this.viewer));
		assertThat(ids(found)).containsExactly(shared);
		assertThat(found.get("total").asLong()).isEqualTo(1);
		JsonNode acrossFields = json(
				call(get("/api/v1/templates").param("q", "STORAGE  " + marker + " containers"), this.viewer));
		assertThat(ids(acrossFields)).containsExactly(shared);
		assertThat(call(get("/api/v1/templates").param("q", "a b c d e f g h i j k l m n o p q r s t u"), this.viewer)
			.getStatus()).isEqualTo(400);
	}

	@Test
	void aSearchForLikeWildcardsFindsThemLiterally() throws Exception {
		JsonNode found = json(call(get("/api/v1/templates").param("q", "%_no-such_%"), this.viewer));
		assertThat(found.get("total").asLong()).isZero();
	}

	@Test
	void changesNeedTheCurrentRevisionInIfMatch() throws Exception {
		String name = unique("etag");
		long id = create(name, "first", "nginx:1", "t");

		MockHttpServletResponse without = call(put("/api/v1/templates/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(document(name, "nginx:2", "t")), this.editor);
		assertThat(without.getStatus()).isEqualTo(428);
		assertThat(without.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);

		MockHttpServletResponse saved = update(id, "\"1\"", document(name, "nginx:2", "t"));
		assertThat(saved.getStatus()).isEqualTo(200);
		assertThat(saved.getHeader(HttpHeaders.ETAG)).isEqualTo("\"2\"");

		MockHttpServletResponse stale = update(id, "\"1\"", document(name, "nginx:3", "t"));
		assertThat(stale.getStatus()).isEqualTo(412);
		JsonNode current = json(call(get("/api/v1/templates/" + id), this.viewer));
		assertThat(current.get("revision").asInt()).isEqualTo(2);
		assertThat(current.at("/manifest/spec/containers/0/image").asString()).isEqualTo("nginx:2");
	}

	/**
	 * Sixteen saves based on the same revision at once, several times over: one wins, and
	 * every other is told 412, never a 500 of a lock that the database gave up waiting
	 * for.
	 */
	@Test
	void ofConcurrentWritersOfTheSameRevisionExactlyOneWins() throws Exception {
		int writers = 16;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			for (int trial = 0; trial < 5; trial++) {
				String name = unique("race");
				long id = create(name, "race", "nginx:0", "t");
				CountDownLatch start = new CountDownLatch(1);
				List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
				for (int i = 0; i < writers; i++) {
					String body = document(name, "nginx:" + (i + 1), "t");
					Callable<MockHttpServletResponse> write = () -> {
						start.await();
						return update(id, "\"1\"", body);
					};
					answers.add(pool.submit(write));
				}
				start.countDown();
				List<String> statuses = new ArrayList<>();
				for (Future<MockHttpServletResponse> answer : answers) {
					MockHttpServletResponse response = answer.get();
					statuses.add(response.getStatus()
							+ ((response.getStatus() == 200) ? "" : " " + response.getContentAsString()));
				}
				assertThat(statuses).as("trial %d", trial).filteredOn((status) -> status.startsWith("200")).hasSize(1);
				assertThat(statuses).as("trial %d", trial)
					.filteredOn((status) -> status.startsWith("412"))
					.hasSize(writers - 1);
				assertThat(this.revisions.summaries(id)).extracting(TemplateViews.RevisionSummary::revision)
					.containsExactly(2, 1);
			}
		}
		finally {
			// no interrupt: one in the middle of a database write would close the
			// database
			pool.shutdown();
		}
	}

	@Test
	void keepsEveryRevisionAndDiffsTwo() throws Exception {
		String name = unique("revs");
		long id = create(name, "r", "nginx:1", "t");
		update(id, "\"1\"", document(name, "nginx:2", "t"));
		update(id, "\"2\"", document(name, "nginx:3", "t"));

		JsonNode list = json(call(get("/api/v1/templates/" + id + "/revisions"), this.viewer));
		assertThat(list).extracting((revision) -> revision.get("revision").asInt()).containsExactly(3, 2, 1);
		JsonNode first = json(call(get("/api/v1/templates/" + id + "/revisions/1"), this.viewer));
		assertThat(first.at("/manifest/spec/containers/0/image").asString()).isEqualTo("nginx:1");
		assertThat(call(get("/api/v1/templates/" + id + "/revisions/9"), this.viewer).getStatus()).isEqualTo(404);

		MockHttpServletResponse diff = call(
				get("/api/v1/templates/" + id + "/diff").param("from", "1").param("to", "3"), this.viewer);
		assertThat(diff.getStatus()).isEqualTo(200);
		assertThat(diff.getContentType()).startsWith(MediaType.TEXT_PLAIN_VALUE);
		// the updates sent no description, so revision 3 has none
		assertThat(diff.getContentAsString()).startsWith("--- revision 1 description\n+++ revision 3 description\n@@ ")
			.contains("\n-r\n--- revision 1\n+++ revision 3\n@@ ")
			.contains("\n-    image: nginx:1\n+    image: nginx:3\n");
	}

	@Test
	void aRevisionThatChangesOnlyTheDescriptionKeepsItAndDiffsIt() throws Exception {
		String name = unique("described");
		long id = create(name, "Serves the shop", "nginx:1", "t");
		ObjectNode changed = (ObjectNode) JSON.readTree(document(name, "nginx:1", "t"));
		changed.put("description", "Serves the shop\nand the cart");
		assertThat(update(id, "\"1\"", changed.toString()).getStatus()).isEqualTo(200);

		JsonNode second = json(call(get("/api/v1/templates/" + id + "/revisions/2"), this.viewer));
		assertThat(second.get("description").asString()).isEqualTo("Serves the shop\nand the cart");
		JsonNode first = json(call(get("/api/v1/templates/" + id + "/revisions/1"), this.viewer));
		assertThat(first.get("description").asString()).isEqualTo("Serves the shop");
		assertThat(call(get("/api/v1/templates/" + id + "/diff").param("from", "1").param("to", "2"), this.viewer)
			.getContentAsString()).isEqualTo("""
					--- revision 1 description
					+++ revision 2 description
					@@ -1 +1,2 @@
					 Serves the shop
					+and the cart
					""");
	}

	@Test
	void aRevisionThatChangesOnlyTheTagsKeepsThemAndDiffsThem() throws Exception {
		String name = unique("tagged");
		long id = create(name, "Serves the shop", "nginx:1", "logging");
		ObjectNode changed = (ObjectNode) JSON.readTree(document(name, "nginx:1", "sidecar"));
		changed.put("description", "Serves the shop");
		changed.putArray("tags").add("web").add("sidecar");
		MockHttpServletResponse saved = update(id, "\"1\"", changed.toString());
		assertThat(saved.getStatus()).isEqualTo(200);
		assertThat(saved.getHeader(HttpHeaders.ETAG)).isEqualTo("\"2\"");

		JsonNode first = json(call(get("/api/v1/templates/" + id + "/revisions/1"), this.viewer));
		assertThat(first.get("tags")).extracting(JsonNode::asString).containsExactly("logging");
		JsonNode second = json(call(get("/api/v1/templates/" + id + "/revisions/2"), this.viewer));
		assertThat(second.get("tags")).extracting(JsonNode::asString).containsExactly("sidecar", "web");
		JsonNode list = json(call(get("/api/v1/templates/" + id + "/revisions"), this.viewer));
		assertThat(list).extracting((revision) -> revision.get("tags").toString())
			.containsExactly("[\"sidecar\",\"web\"]", "[\"logging\"]");
		assertThat(call(get("/api/v1/templates/" + id + "/diff").param("from", "1").param("to", "2"), this.viewer)
			.getContentAsString()).isEqualTo("""
					--- revision 1 tags
					+++ revision 2 tags
					@@ -1 +1,2 @@
					-logging
					+sidecar
					+web
					""");
		// a search by tag goes by the current tags, not those of older revisions
		assertThat(ids(json(call(get("/api/v1/templates").param("tag", "web"), this.viewer)))).contains(id);
		assertThat(ids(json(call(get("/api/v1/templates").param("tag", "logging"), this.viewer)))).doesNotContain(id);
	}

	@Test
	void aSaveThatChangesNothingMakesNoRevision() throws Exception {
		String name = unique("same");
		long id = create(name, "Serves the shop", "nginx:1", "t");
		ObjectNode same = (ObjectNode) JSON.readTree(document(name, "nginx:1", "t"));
		same.put("description", "Serves the shop").put("message", "Saved again");

		MockHttpServletResponse saved = update(id, "\"1\"", same.toString());

		assertThat(saved.getStatus()).isEqualTo(200);
		assertThat(saved.getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
		assertThat(json(saved).get("revision").asInt()).isEqualTo(1);
		assertThat(this.revisions.summaries(id)).hasSize(1);
		assertThat(
				update(id, "\"1\"", same.put("description", "Serves the cart").toString()).getHeader(HttpHeaders.ETAG))
			.isEqualTo("\"2\"");
	}

	/**
	 * Restoring keeps the template's tags, as it keeps its name and description (the
	 * operation's documentation says so); a restore that would change nothing else makes
	 * no revision.
	 */
	@Test
	void restoringARevisionKeepsTheCurrentTagsAndMakesNoEmptyRevision() throws Exception {
		String name = unique("restoretags");
		long id = create(name, "r", "nginx:1", "old");
		ObjectNode retagged = (ObjectNode) JSON.readTree(document(name, "nginx:1", "new"));
		retagged.put("description", "r");
		update(id, "\"1\"", retagged.toString());
		update(id, "\"2\"",
				retagged.deepCopy()
					.put("description", "r")
					.set("manifest", JSON.readTree(document(name, "nginx:3", "new")).get("manifest"))
					.toString());

		MockHttpServletResponse restored = call(
				post("/api/v1/templates/" + id + "/revisions/1/restore").header(HttpHeaders.IF_MATCH, "\"3\""),
				this.editor);

		assertThat(restored.getHeader(HttpHeaders.ETAG)).isEqualTo("\"4\"");
		JsonNode fourth = json(call(get("/api/v1/templates/" + id + "/revisions/4"), this.viewer));
		assertThat(fourth.at("/manifest/spec/containers/0/image").asString()).isEqualTo("nginx:1");
		assertThat(fourth.get("tags")).extracting(JsonNode::asString).containsExactly("new");
		MockHttpServletResponse again = call(
				post("/api/v1/templates/" + id + "/revisions/2/restore").header(HttpHeaders.IF_MATCH, "\"4\""),
				this.editor);
		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(again.getHeader(HttpHeaders.ETAG)).isEqualTo("\"4\"");
		assertThat(this.revisions.summaries(id)).hasSize(4);
	}

	@Test
	void restoresARevisionAsANewOneWhenIfMatchNamesTheCurrentRevision() throws Exception {
		String name = unique("restore");
		long id = create(name, "r", "nginx:1", "t");
		update(id, "\"1\"", document(name, "nginx:2", "t"));
		String restore = "/api/v1/templates/" + id + "/revisions/1/restore";

		MockHttpServletResponse without = call(post(restore), this.editor);
		assertThat(without.getStatus()).isEqualTo(428);
		assertThat(without.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(call(post(restore).header(HttpHeaders.IF_MATCH, "\"1\""), this.editor).getStatus()).isEqualTo(412);
		assertThat(call(post(restore).header(HttpHeaders.IF_MATCH, "\"2\""), this.viewer).getStatus()).isEqualTo(403);
		assertThat(this.revisions.summaries(id)).hasSize(2);

		MockHttpServletResponse restored = call(post(restore).header(HttpHeaders.IF_MATCH, "\"2\""), this.editor);
		assertThat(restored.getStatus()).isEqualTo(200);
		assertThat(restored.getHeader(HttpHeaders.ETAG)).isEqualTo("\"3\"");
		JsonNode body = json(restored);
		assertThat(body.get("revision").asInt()).isEqualTo(3);
		assertThat(body.at("/manifest/spec/containers/0/image").asString()).isEqualTo("nginx:1");
		assertThat(body.get("tags").get(0).asString()).isEqualTo("t");
		JsonNode third = json(call(get("/api/v1/templates/" + id + "/revisions/3"), this.viewer));
		assertThat(third.get("message").asString()).isEqualTo("Restored revision 1");

		assertThat(call(post("/api/v1/templates/" + id + "/revisions/9/restore").header(HttpHeaders.IF_MATCH, "\"3\""),
				this.editor)
			.getStatus()).isEqualTo(404);
	}

	@Test
	void rendersWithValuesAndDefaultsAndNamesMissingOnes() throws Exception {
		String name = unique("render");
		String body = """
				{"name": "%s", "parameters": [{"name": "IMAGE_TAG", "default": "1.27"}, {"name": "APP", "required": true}],
				 "manifest": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "${APP}", "labels": {"app": "web"}},
				   "spec": {"containers": [{"name": "web", "image": "nginx:${IMAGE_TAG}"}]}}}"""
			.formatted(name);
		long id = json(
				call(post("/api/v1/templates").contentType(MediaType.APPLICATION_JSON).content(body), this.editor))
			.get("id")
			.asLong();

		MockHttpServletResponse yaml = call(get("/api/v1/templates/" + id + "/render").param("values.APP", "shop"),
				this.viewer);
		assertThat(yaml.getStatus()).isEqualTo(200);
		assertThat(yaml.getContentType()).startsWith("application/yaml");
		assertThat(yaml.getContentAsString()).contains("name: shop", "image: nginx:1.27");

		MockHttpServletResponse converted = call(post("/api/v1/templates/" + id + "/render").param("kind", "Deployment")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content("{\"values\": {\"APP\": \"shop\", \"IMAGE_TAG\": \"1.29\"}}"), this.viewer);
		assertThat(converted.getStatus()).isEqualTo(200);
		JsonNode deployment = json(converted);
		assertThat(deployment.get("kind").asString()).isEqualTo("Deployment");
		assertThat(deployment.at("/spec/template/spec/containers/0/image").asString()).isEqualTo("nginx:1.29");

		MockHttpServletResponse missing = call(get("/api/v1/templates/" + id + "/render"), this.viewer);
		assertThat(missing.getStatus()).isEqualTo(422);
		assertThat(missing.getContentAsString()).contains("APP");
	}

	@Test
	void refusesInvalidDocuments() throws Exception {
		String pod = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}, \"spec\": {}}";
		assertThat(createStatus("{\"manifest\": " + pod + "}")).isEqualTo(422);
		assertThat(createStatus("{\"name\": \"" + "n".repeat(254) + "\", \"manifest\": " + pod + "}")).isEqualTo(422);
		assertThat(createStatus("{\"name\": \"" + unique("bad") + "\", \"tags\": [\"" + "t".repeat(64)
				+ "\"], \"manifest\": " + pod + "}"))
			.isEqualTo(422);
		assertThat(createStatus("{\"name\": \"" + unique("bad") + "\", \"description\": \"" + "d".repeat(2001)
				+ "\", \"manifest\": " + pod + "}"))
			.isEqualTo(422);
		// PostgreSQL cannot store U+0000: refused on both databases, not a 500 on one
		assertThat(createStatus("{\"name\": \"" + unique("bad") + "\", \"description\": \"a\\u0000b\", "
				+ "\"manifest\": " + pod + "}"))
			.isEqualTo(422);
		assertThat(createStatus("{\"name\": \"" + unique("bad") + "\", \"parameters\": [{\"name\": \"lower\"}], "
				+ "\"manifest\": " + pod + "}"))
			.isEqualTo(422);
		assertThat(createStatus("{\"name\": \"" + unique("bad") + "\", \"parameters\": [{\"name\": \"A\"}, "
				+ "{\"name\": \"A\"}], \"manifest\": " + pod + "}"))
			.isEqualTo(422);
		assertThat(createStatus("{\"name\": \"" + unique("bad") + "\", \"manifest\": {\"apiVersion\": \"v1\", "
				+ "\"kind\": \"Service\"}}"))
			.isEqualTo(422);

		MockHttpServletResponse malformed = call(
				post("/api/v1/templates").contentType(MediaType.APPLICATION_JSON).content("{\n  \"name\": ,\n}"),
				this.editor);
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(malformed.getContentAsString()).contains("line");

		MockHttpServletResponse large = call(post("/api/v1/templates").contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + "x".repeat(1024 * 1024 + 1) + "\"}"), this.editor);
		assertThat(large.getStatus()).isEqualTo(413);
	}

	@Test
	void aNameIsTakenOnce() throws Exception {
		String name = unique("twice");
		create(name, "one", "nginx", "t");
		assertThat(createStatus(document(name, "nginx", "t"))).isEqualTo(409);
	}

	@Test
	void deletesATemplateAndAnswers404ForUnknownIds() throws Exception {
		long id = create(unique("gone"), "gone", "nginx", "t");

		assertThat(call(delete("/api/v1/templates/" + id), this.editor).getStatus()).isEqualTo(204);
		assertThat(call(get("/api/v1/templates/" + id), this.viewer).getStatus()).isEqualTo(404);
		assertThat(call(delete("/api/v1/templates/" + id), this.editor).getStatus()).isEqualTo(404);
		assertThat(this.revisions.summaries(id)).isEmpty();
	}

	@Test
	void aViewerReadsButDoesNotWrite() throws Exception {
		String name = unique("ro");
		long id = create(name, "ro", "nginx", "t");

		assertThat(call(post("/api/v1/templates").contentType(MediaType.APPLICATION_JSON)
			.content(document(unique("ro"), "nginx", "t")), this.viewer).getStatus()).isEqualTo(403);
		assertThat(call(put("/api/v1/templates/" + id).header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(document(name, "nginx:2", "t")), this.viewer).getStatus()).isEqualTo(403);
		assertThat(call(delete("/api/v1/templates/" + id), this.viewer).getStatus()).isEqualTo(403);
		assertThat(call(get("/api/v1/templates/" + id), this.viewer).getStatus()).isEqualTo(200);
		assertThat(call(get("/api/v1/templates/" + id), TestAdmin.BEARER).getStatus()).isEqualTo(200);
	}

	private long create(String name, String description, String image, String tag) throws Exception {
		ObjectNode document = (ObjectNode) JSON.readTree(document(name, image, tag));
		document.put("description", description);
		MockHttpServletResponse created = call(
				post("/api/v1/templates").contentType(MediaType.APPLICATION_JSON).content(document.toString()),
				this.editor);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return json(created).get("id").asLong();
	}

	private MockHttpServletResponse update(long id, String ifMatch, String body) throws Exception {
		return call(put("/api/v1/templates/" + id).header(HttpHeaders.IF_MATCH, ifMatch)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body), this.editor);
	}

	private int createStatus(String body) throws Exception {
		return call(post("/api/v1/templates").contentType(MediaType.APPLICATION_JSON).content(body), this.editor)
			.getStatus();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String bearer) throws Exception {
		return this.mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer)).andReturn().getResponse();
	}

	private static String document(String name, String image, String tag) {
		return """
				{"name": "%s", "tags": ["%s"],
				 "parameters": [{"name": "IMAGE_TAG", "description": "the nginx tag", "default": "1.27"}],
				 "manifest": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
				   "spec": {"containers": [{"name": "web", "image": "%s"}]}}}""".formatted(name, tag, image);
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asLong()));
		return ids;
	}

}
