package io.podcomposer.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import io.podcomposer.manifest.ExpandedSize;
import io.podcomposer.security.AccountService;
import io.podcomposer.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker would send, over real HTTP to the whole portal, at every endpoint that
 * takes a body: bombs, deep nesting, custom tags, wrong types, huge numbers, oversized
 * and chunked bodies. Every answer is a 4xx problem (or a 2xx), names no Java class and
 * comes within {@link #BOUND}. A bug found from outside gets its case here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
class HostileInputTest {

	/**
	 * Generous: the machine builds other things meanwhile. An answer later than this
	 * fails the case.
	 */
	private static final Duration BOUND = Duration.ofSeconds(20);

	private static final List<String> CLASS_NAMES = List.of("java.", "tools.jackson", "org.springframework",
			"Exception", "org.hibernate", "org.h2", "org.yaml");

	private static final String LONG = "x".repeat(100 * 1024);

	private static final String CLUSTER_TOKEN = "hostile-input-cluster-token";

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static FakeKubernetes cluster;

	private static String viewerBearer;

	private static long templateId;

	private static long clusterId;

	private static String userName;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void prepare(@Autowired AccountService accounts, @Autowired ClusterService clusters,
			@LocalServerPort int port) {
		String viewer = "hostile-viewer-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(viewer, "a-good-test-password", Set.of(Role.VIEWER));
		viewerBearer = "Bearer " + accounts.createToken(viewer, "hostile").token();
		userName = "hostile-user-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(userName, "a-good-test-password", Set.of(Role.VIEWER));
		cluster = FakeKubernetes.start(CLUSTER_TOKEN);
		cluster.createNamespace("team-a", Map.of());
		clusterId = clusters.add(unique("hostile"), FakeKubeconfig.of(cluster, CLUSTER_TOKEN), null).id();
		HttpResponse<String> created = send(port, "POST", "/api/v1/templates", "application/yaml",
				BodyPublishers.ofString(placeholderTemplate(unique("hostile"))), TestAdmin.BEARER);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		templateId = JsonMapper.shared().readTree(created.body()).get("id").asLong();
	}

	@AfterAll
	static void stopCluster() {
		cluster.close();
	}

	/** Every API endpoint that reads a body, with the content type it takes. */
	static List<Endpoint> apiEndpoints() {
		return List.of(new Endpoint("POST", "/api/v1/render", "application/yaml"),
				new Endpoint("POST", "/api/v1/render", "application/json"),
				new Endpoint("POST", "/api/v1/validate", "application/yaml"),
				new Endpoint("POST", "/api/v1/validate", "application/json"),
				new Endpoint("POST", "/api/v1/templates", "application/yaml"),
				new Endpoint("POST", "/api/v1/templates", "application/json"),
				new Endpoint("PUT", "/api/v1/templates/{template}", "application/yaml"),
				new Endpoint("POST", "/api/v1/templates/import", "application/yaml"),
				new Endpoint("POST", "/api/v1/templates/import", "application/json"),
				new Endpoint("POST", "/api/v1/templates/{template}/render", "application/yaml"),
				new Endpoint("POST", "/api/v1/templates/{template}/render", "application/json"),
				new Endpoint("POST", "/api/v1/clusters", "application/json"),
				new Endpoint("POST", "/api/v1/deployments", "application/json"),
				new Endpoint("POST", "/api/v1/deployments/999999999/redeploy", "application/json"),
				new Endpoint("POST", "/api/v1/tokens", "application/json"),
				new Endpoint("POST", "/api/v1/users", "application/json"),
				new Endpoint("PUT", "/api/v1/users/{user}", "application/json"),
				new Endpoint("POST", "/api/v1/users/{user}/tokens", "application/json"));
	}

	/** Every page form that takes a body. */
	static List<String> pageForms() {
		return List.of("/login", "/compose/preview", "/compose/edit", "/compose/yaml", "/compose/download",
				"/compose/open", "/compose/save", "/templates/import", "/templates/save", "/templates/1/deploy",
				"/templates/1/clone", "/clusters", "/admin/users", "/profile/tokens", "/deployments/1/redeploy");
	}

	static Stream<Arguments> hostileBodies() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : apiEndpoints()) {
			hostile().forEach((name, body) -> cases.add(Arguments.of(endpoint, name, body)));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("hostileBodies")
	void hostileBodiesGetA4xxProblemOrA2xxQuickly(Endpoint endpoint, String name, byte[] body) {
		HttpResponse<String> response = send(this.port, endpoint.method(), endpoint.path(), endpoint.contentType(),
				BodyPublishers.ofByteArray(body), TestAdmin.BEARER, "If-Match", "\"1\"");

		assertSafe(response);
	}

	static Stream<Arguments> oversizedBodies() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : apiEndpoints()) {
			cases.add(Arguments.of(endpoint.method(), endpoint.path(), endpoint.contentType(), true));
			cases.add(Arguments.of(endpoint.method(), endpoint.path(), endpoint.contentType(), false));
		}
		for (String form : pageForms()) {
			cases.add(Arguments.of("POST", form, "application/x-www-form-urlencoded", true));
			cases.add(Arguments.of("POST", form, "application/x-www-form-urlencoded", false));
		}
		return cases.stream();
	}

	/**
	 * Anything over 1 MiB, with its length declared or chunked, API or page: a 413
	 * problem.
	 */
	@ParameterizedTest(name = "{0} {1} {2} declared length: {3}")
	@MethodSource("oversizedBodies")
	void bodiesOverOneMebibyteAreRefusedWith413(String method, String path, String contentType, boolean declared) {
		byte[] body = ("{\"name\": \"" + "x".repeat(2 * RequestBodyLimit.MAX_BYTES) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		if (contentType.endsWith("urlencoded")) {
			body = ("name=" + "x".repeat(2 * RequestBodyLimit.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
		}
		byte[] sent = body;
		BodyPublisher publisher = declared ? BodyPublishers.ofByteArray(sent)
				: BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sent));

		HttpResponse<String> response = send(this.port, method, path, contentType, publisher, TestAdmin.BEARER,
				"If-Match", "\"1\"");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertSafe(response);
		// answered before the security filters, with the headers they would have added
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("frame-ancestors 'none'"));
	}

	static Stream<Arguments> queryValues() {
		List<Arguments> cases = new ArrayList<>();
		for (String list : List.of("/api/v1/templates", "/api/v1/deployments", "/api/v1/audit")) {
			for (String query : List.of("page=2147483647", "page=-1", "size=2147483647", "size=0", "size=-5",
					"page=99999999999999999999", "page=abc", "size=1e999999")) {
				cases.add(Arguments.of(list + "?" + query));
			}
		}
		return cases.stream();
	}

	/** Paging values no list can have. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("queryValues")
	void hugeOrWrongPagingValuesGetNo500(String path) {
		HttpResponse<String> response = send(this.port, "GET", path, null, BodyPublishers.noBody(), TestAdmin.BEARER);

		assertSafe(response);
	}

	/** Longer than bcrypt takes (72 bytes). */
	@Test
	void passwordsOverSeventyTwoBytesGetA4xxProblem() {
		String password = "é".repeat(50);
		HttpResponse<String> created = send(
				this.port, "POST", "/api/v1/users", "application/json", BodyPublishers.ofString("{\"name\": \""
						+ unique("longpw") + "\", \"password\": \"" + password + "\", \"roles\": [\"VIEWER\"]}"),
				TestAdmin.BEARER);
		HttpResponse<String> updated = send(this.port, "PUT", "/api/v1/users/" + userName, "application/json",
				BodyPublishers.ofString("{\"password\": \"" + password + "\"}"), TestAdmin.BEARER);

		assertSafe(created);
		assertSafe(updated);
		assertThat(new PageClient(this.port).signIn(TestAdmin.NAME, password).statusCode()).isLessThan(500);
	}

	/**
	 * The amplifications of issue 16 from a VIEWER, several at once: each refused
	 * quickly, and the heap after a collection no larger than before, give or take.
	 */
	@Test
	void amplificationsFromAViewerAreRefusedWithoutGrowingTheHeap() throws Exception {
		List<String> bombs = List.of(scalarAliases(LONG, 1000), scalarAliases("y".repeat(900 * 1024), 1000),
				nestedAliases(), placeholders(LONG, 1000));
		long before = usedHeapAfterGc();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int round = 0; round < 3; round++) {
				for (String bomb : bombs) {
					answers.add(pool.submit(() -> send(this.port, "POST", "/api/v1/render", "application/yaml",
							BodyPublishers.ofString(bomb), viewerBearer)));
				}
			}
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
				assertThat(response.body()).contains(Integer.toString(ExpandedSize.MAX_CHARS));
				assertSafe(response);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(usedHeapAfterGc() - before).as("heap growth in bytes").isLessThan(64L * 1024 * 1024);
	}

	/**
	 * 21 KB of YAML that stood for a manifest too long for the column, on save and
	 * import.
	 */
	@Test
	void aTemplateThatAliasesExpandPastTheLimitIsRefusedWith413() {
		String template = """
				name: %s
				manifest:
				  apiVersion: v1
				  kind: Pod
				  metadata:
				    name: web
				    annotations: {a: &a "%s", %s}
				  spec:
				    containers: [{name: web, image: nginx}]
				""".formatted(unique("aliases"), "z".repeat(20 * 1024), aliasEntries(60));

		for (String path : List.of("/api/v1/templates", "/api/v1/templates/import")) {
			HttpResponse<String> response = send(this.port, "POST", path, "application/yaml",
					BodyPublishers.ofString(template), TestAdmin.BEARER);

			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(413);
			assertSafe(response);
		}
	}

	/**
	 * A manifest under the expansion limit whose JSON is still longer than the column:
	 * each two-character {@code \0} of the YAML is six ({@code \u0000}) as JSON.
	 */
	@Test
	void aTemplateTooLongForTheColumnIsRefusedWith422OnTheApiAndThePage() throws Exception {
		Map<String, String> bodies = Map.of("/api/v1/templates",
				"name: " + unique("escapes") + "\nmanifest:\n" + escapedPod().indent(2), "/api/v1/templates/import",
				escapedPod());
		bodies.forEach((path, body) -> {
			HttpResponse<String> response = send(this.port, "POST", path, "application/yaml",
					BodyPublishers.ofString(body), TestAdmin.BEARER);

			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(422);
			assertThat(response.body()).contains("manifest", "1048576 characters");
			assertSafe(response);
		});
		PageClient page = new PageClient(this.port);
		page.signIn(TestAdmin.NAME, TestAdmin.PASSWORD);
		HttpResponse<String> imported = page.post("/templates/import", Map.of("text", escapedPod(), "tag", ""));

		assertThat(imported.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(imported.body()).text()).contains("1048576 characters");
	}

	/**
	 * The import page and the composer's YAML tab read the same texts, and say what is
	 * wrong.
	 */
	@Test
	void thePagesShowTheLimitInsteadOfFailing() throws Exception {
		PageClient page = new PageClient(this.port);
		page.signIn(TestAdmin.NAME, TestAdmin.PASSWORD);
		String bomb = scalarAliases(LONG, 100);

		HttpResponse<String> imported = page.post("/templates/import", Map.of("text", bomb, "tag", ""));
		HttpResponse<String> yamlTab = page.post("/compose/yaml", Map.of("yaml", bomb));
		// a query is at most a few KiB, but the template uses P a thousand times
		HttpResponse<String> rendered = page
			.get("/templates/" + templateId + "/render?values.P=" + "v".repeat(4 * 1024));

		assertThat(imported.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(imported.body()).text()).contains("more than 1048576 characters");
		assertThat(yamlTab.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(yamlTab.body()).text()).contains("more than 1048576 characters");
		assertThat(rendered.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(rendered.body()).select(".form-problem").text())
			.contains("more than 1048576 characters");
		for (HttpResponse<String> response : List.of(imported, yamlTab, rendered)) {
			assertThat(response.body()).doesNotContain(CLASS_NAMES);
		}
	}

	/**
	 * A template's placeholders filled in past the limit, on render and on deploy (API
	 * and page).
	 */
	@Test
	void placeholderValuesThatWouldPassTheLimitAreRefusedBeforeRenderingOrDeploying() {
		String values = "{\"P\": \"" + LONG + "\"}";
		HttpResponse<String> rendered = send(this.port, "POST", "/api/v1/templates/" + templateId + "/render",
				"application/json", BodyPublishers.ofString("{\"values\": " + values + "}"), viewerBearer);
		HttpResponse<String> deployed = send(this.port, "POST", "/api/v1/deployments", "application/json",
				BodyPublishers.ofString("{\"templateId\": " + templateId + ", \"clusterId\": " + clusterId
						+ ", \"namespace\": \"team-a\", \"values\": " + values + "}"),
				TestAdmin.BEARER);

		PageClient page = new PageClient(this.port);
		page.signIn(TestAdmin.NAME, TestAdmin.PASSWORD);
		HttpResponse<String> deployPage = page.post("/templates/" + templateId + "/deploy",
				Map.of("clusterId", Long.toString(clusterId), "namespace", "team-a", "values.P", LONG));

		for (HttpResponse<String> response : List.of(rendered, deployed, deployPage)) {
			assertThat(response.statusCode()).as(clipped(response.body())).isEqualTo(413);
			assertThat(response.body()).contains("placeholders", Integer.toString(ExpandedSize.MAX_CHARS));
			assertThat(response.body()).doesNotContain(CLASS_NAMES);
		}
		assertSafe(rendered);
		assertSafe(deployed);
		assertThat(cluster.requests()).as("nothing reached the cluster").isEmpty();
	}

	private static void assertSafe(HttpResponse<String> response) {
		String what = response.request().method() + " " + response.request().uri().getPath() + " answered "
				+ response.statusCode() + ": " + clipped(response.body());
		assertThat(response.statusCode()).as(what).isLessThan(500);
		assertThat(response.body()).as(what).doesNotContain(CLASS_NAMES);
		if (response.statusCode() >= 400 && response.request().uri().getPath().startsWith("/api/")) {
			assertThat(response.headers().firstValue("Content-Type")).as(what)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	/** The hostile bodies, by name. */
	private static Map<String, byte[]> hostile() {
		String deepJson = "[".repeat(10_000) + "]".repeat(10_000);
		String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
		String digits = "9".repeat(400);
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("scalar aliases", scalarAliases(LONG, 1000));
		texts.put("billion laughs", """
				a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
				b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
				c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
				d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
				e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
				f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
				g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]
				""");
		texts.put("nested aliases", nestedAliases());
		texts.put("placeholders", placeholders(LONG, 1000));
		texts.put("deep JSON lists", deepJson);
		texts.put("deep JSON objects", deepObjects);
		texts.put("deep YAML", "a:\n" + "- ".repeat(10_000) + "x\n");
		texts.put("java tag", "a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
				+ "[[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n");
		texts.put("custom tag", "name: !foo bar\nmanifest: !Pod {apiVersion: v1}\n");
		texts.put("wrong types", "{\"name\": 5, \"password\": [], \"roles\": \"ADMIN\", \"kubeconfig\": {}, "
				+ "\"manifest\": \"x\", \"values\": [1], \"templateId\": \"x\", \"clusterId\": {}, \"tags\": 7, "
				+ "\"parameters\": {\"a\": 1}, \"latest\": \"yes\", \"apiVersion\": 1, \"kind\": []}");
		texts.put("array", "[]");
		texts.put("string", "\"x\"");
		texts.put("null", "null");
		texts.put("huge numbers", "{\"name\": 1e999999, \"templateId\": " + digits + ", \"clusterId\": -" + digits
				+ ", \"revision\": 1e999999, \"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"n\", "
				+ "\"generation\": 1e999999}, \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"i\", "
				+ "\"ports\": [{\"containerPort\": " + digits + "}]}], \"activeDeadlineSeconds\": -1e999999}}");
		texts.put("huge YAML numbers",
				"apiVersion: v1\nkind: Pod\nmetadata: {name: n, generation: 0x" + "f".repeat(400)
						+ "}\nspec: {containers: [{name: c, image: i, ports: [{containerPort: 1e999999}]}], "
						+ "activeDeadlineSeconds: .inf, priority: " + digits + "}\n");
		texts.put("two JSON documents", "{} {}");
		texts.put("control characters", "{\"name\": \"a\\u0000b\\u001b[31m\", \"kubeconfig\": \"\\u0000\"}");
		texts.put("empty", "");
		Map<String, byte[]> bodies = new LinkedHashMap<>();
		texts.forEach((name, text) -> bodies.put(name, text.getBytes(StandardCharsets.UTF_8)));
		bodies.put("not UTF-8", new byte[] { '{', '"', (byte) 0xff, (byte) 0xfe, '"', '}' });
		return bodies;
	}

	/** A template document whose manifest repeats an alias to {@code value}. */
	private static String scalarAliases(String value, int times) {
		return "parameters: []\nmanifest:\n  apiVersion: v1\n  kind: Pod\n  metadata: {name: web}\n  spec:\n"
				+ "    containers: [{name: web, image: &a \"" + value + "\", args: [" + "*a, ".repeat(times - 1)
				+ "*a]}]\n";
	}

	/**
	 * Anchored lists of aliases, each level ten of the one below: under SnakeYAML's alias
	 * limit.
	 */
	private static String nestedAliases() {
		return """
				a: &a "%s"
				b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
				c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
				d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
				e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
				""".formatted("n".repeat(10 * 1024));
	}

	/**
	 * A render body: one placeholder used {@code times} times, filled with {@code value}.
	 */
	private static String placeholders(String value, int times) {
		return "manifest:\n  apiVersion: v1\n  kind: Pod\n  metadata: {name: web}\n  spec:\n"
				+ "    containers: [{name: web, image: nginx, args: [\"" + "${P}".repeat(times) + "\"]}]\n"
				+ "values: {P: \"" + value + "\"}\n";
	}

	private static String placeholderTemplate(String name) {
		return "name: " + name + "\nparameters: [{name: P, default: x}]\nmanifest:\n  apiVersion: v1\n  kind: Pod\n"
				+ "  metadata: {name: web}\n  spec:\n    containers: [{name: web, image: nginx, args: [\""
				+ "${P}".repeat(1000) + "\"]}]\n";
	}

	private static String escapedPod() {
		return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + unique("escapes") + "\n  annotations: {a: \""
				+ "\\0".repeat(200_000) + "\"}\nspec:\n  containers: [{name: web, image: nginx}]\n";
	}

	private static String aliasEntries(int count) {
		List<String> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add("b" + i + ": *a");
		}
		return String.join(", ", entries);
	}

	private static long usedHeapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String clipped(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

	private static HttpResponse<String> send(int port, String method, String path, String contentType,
			BodyPublisher body, String bearer, String... headers) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port
					+ path.replace("{template}", Long.toString(templateId)).replace("{user}", userName)))
			.timeout(BOUND)
			.header("Authorization", bearer)
			.method(method, body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return HTTP.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An API endpoint that takes a body. */
	record Endpoint(String method, String path, String contentType) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " " + this.contentType;
		}

	}

	/**
	 * A browser without a browser: signs in through the form and sends forms with the
	 * CSRF token.
	 */
	private static final class PageClient {

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();

		private final String base;

		PageClient(int port) {
			this.base = "http://localhost:" + port;
		}

		HttpResponse<String> signIn(String name, String password) {
			String csrf = Jsoup.parse(get("/login").body()).selectFirst("input[name=_csrf]").val();
			return send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(encode(Map.of("username", name, "password", password, "_csrf", csrf)))));
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
		}

		/** A form POST as htmx sends it, the CSRF token in its header. */
		HttpResponse<String> post(String path, Map<String, String> form) {
			Document compose = Jsoup.parse(get("/compose").body());
			return send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header(compose.selectFirst("meta[name=csrf-header]").attr("content"),
						compose.selectFirst("meta[name=csrf-token]").attr("content"))
				.POST(BodyPublishers.ofString(encode(form))));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return this.http.send(request.timeout(BOUND).build(), BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private static String encode(Map<String, String> form) {
			return form.entrySet()
				.stream()
				.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		}

	}

}
