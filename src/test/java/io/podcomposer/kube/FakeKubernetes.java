package io.podcomposer.kube;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Kubernetes API server for tests, in the test JVM on a loopback port. It speaks the
 * wire protocol of the calls the portal makes: HTTPS with its own {@link TestCa}; bearer
 * tokens, basic auth or client certificates; {@code /version} and discovery; namespaces
 * with labels; pods, events and the workloads of {@code apps/v1} and {@code batch/v1} by
 * server-side apply (dry run and field managers honoured), get, list by label or field
 * selector, and delete; pod logs. A simulated scheduler, kubelet and controllers
 * ({@link FakeCluster}) run what is applied and record events. Pod Security "baseline",
 * validation and RBAC denials answer in the API server's words. Faults can be switched
 * on: down, slow, 500. Every request is logged for tests to assert on.
 */
public final class FakeKubernetes implements AutoCloseable {

	public static final String GIT_VERSION = "v1.34.1-fake";

	public static final String SERVICE_ACCOUNT = "system:serviceaccount:ci:deployer";

	/**
	 * Images from this registry host cannot be pulled: their pods wait in
	 * ImagePullBackOff.
	 */
	public static final String MISSING_IMAGE_HOST = "registry.invalid";

	/** The user basic auth accepts, with the bearer token as password. */
	public static final String BASIC_USER = "admin";

	/** The user the bearer token stands for, as RBAC messages name it. */
	public static final String TOKEN_USER = "kubernetes-admin";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String APPLY_YAML = "application/apply-patch+yaml";

	/**
	 * The values {@code fieldValidation} may take; empty is the default, {@code Warn}.
	 */
	private static final Set<String> FIELD_VALIDATIONS = Set.of("", "Ignore", "Warn", "Strict");

	/** HTTP's date, with the day in two digits, which Go's parser insists on. */
	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
			Locale.US);

	private static final Pattern CORE = Pattern
		.compile("/api/v1/(?:namespaces/([^/]+)/)?([a-z]+)(?:/([^/]+))?(?:/([a-z]+))?");

	private static final Pattern GROUP = Pattern
		.compile("/apis/([a-z.]+)/(v1)/(?:namespaces/([^/]+)/)?([a-z]+)(?:/([^/]+))?(?:/([a-z]+))?");

	private final TestCa ca = new TestCa("fake-kubernetes-ca");

	private final String token;

	private final HttpsServer server;

	private final ExecutorService workers = Executors.newCachedThreadPool();

	private final FakeCluster cluster = new FakeCluster();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	/** RBAC denials as {@code verb resource}, for every user. */
	private final Set<String> denials = ConcurrentHashMap.newKeySet();

	private final Map<String, Runnable> afterAnswers = new ConcurrentHashMap<>();

	private volatile String serviceAccountToken;

	private volatile Duration slowness = Duration.ZERO;

	private volatile boolean failing;

	private FakeKubernetes(String token) throws IOException {
		this.token = token;
		this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()) {

			@Override
			public void configure(HttpsParameters parameters) {
				SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
				ssl.setWantClientAuth(true);
				parameters.setSSLParameters(ssl);
			}
		});
		this.server.setExecutor(workers);
		this.server.createContext("/", this::handle);
		for (String name : List.of("default", "kube-system")) {
			createNamespace(name, Map.of());
		}
	}

	/** Starts a server that accepts the given bearer token and nothing else. */
	public static FakeKubernetes start(String token) {
		try {
			FakeKubernetes fake = new FakeKubernetes(token);
			fake.server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the fake Kubernetes API server", ex);
		}
	}

	/** The server's base URL. */
	public String url() {
		return "https://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The CA certificate that signed the server's, as PEM text. */
	public String caPem() {
		return ca.certificatePem();
	}

	/** A connection with the bearer token the server accepts. */
	public KubeConnection connection(Duration timeout) {
		return connection(caPem(), false, new KubeConnection.Credentials.BearerToken(token), timeout);
	}

	/**
	 * A connection to this server with the given trust and credentials, and the longest
	 * timeout.
	 */
	public KubeConnection connection(String certificateAuthority, boolean insecure,
			KubeConnection.Credentials credentials) {
		return connection(certificateAuthority, insecure, credentials, KubeConnection.MAX_TIMEOUT);
	}

	/**
	 * A connection to this server with the given trust and credentials. The server
	 * listens on loopback, so local servers are allowed, as an operator allows a kind
	 * cluster on the host.
	 */
	public KubeConnection connection(String certificateAuthority, boolean insecure,
			KubeConnection.Credentials credentials, Duration timeout) {
		return new KubeConnection(url(), certificateAuthority, insecure, credentials, timeout,
				ServerAddresses.LOCAL_ALLOWED);
	}

	/**
	 * A second token, of the service account {@link #SERVICE_ACCOUNT}, that RBAC lets do
	 * all but list namespaces, as many deploy accounts are.
	 */
	public void allowServiceAccountToken(String token) {
		this.serviceAccountToken = token;
	}

	/** A client certificate for the given user, signed by the server's CA. */
	public TestCa.ClientCertificate clientCertificate(String user) {
		return ca.issueClientCertificate(user);
	}

	/** Every request the server has seen, oldest first. */
	public List<RecordedRequest> requests() {
		return List.copyOf(requests);
	}

	/**
	 * Creates a namespace with these labels besides {@code kubernetes.io/metadata.name}.
	 */
	public void createNamespace(String name, Map<String, String> labels) {
		ObjectNode namespace = NODES.objectNode().put("apiVersion", "v1").put("kind", "Namespace");
		ObjectNode metadata = namespace.putObject("metadata").put("name", name);
		ObjectNode allLabels = metadata.putObject("labels").put("kubernetes.io/metadata.name", name);
		labels.forEach(allLabels::put);
		cluster.stamp(metadata, null);
		namespace.putObject("spec").putArray("finalizers").add("kubernetes");
		namespace.putObject("status").put("phase", "Active");
		cluster.put(ResourceType.NAMESPACES, namespace);
	}

	/** A copy of a stored pod. */
	public Optional<JsonNode> pod(String namespace, String name) {
		return object("v1", "Pod", namespace, name);
	}

	/**
	 * A copy of a stored object of a kind the server serves; the namespace is ignored for
	 * namespaces.
	 */
	public Optional<JsonNode> object(String apiVersion, String kind, String namespace, String name) {
		ResourceType type = ResourceType.ofKind(apiVersion, kind)
			.orElseThrow(() -> new IllegalArgumentException("not served: " + apiVersion + " " + kind));
		synchronized (cluster) {
			return Optional.ofNullable(cluster.get(type, type.namespaced() ? namespace : "", name))
				.map(JsonNode::deepCopy);
		}
	}

	/**
	 * Copies of the pods a workload controls (a Deployment's through its ReplicaSets), by
	 * name.
	 */
	public List<JsonNode> podsOwnedBy(String kind, String namespace, String name) {
		ResourceType type = ResourceType.ALL.stream()
			.filter(candidate -> candidate.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("not served: " + kind));
		synchronized (cluster) {
			return cluster.podsOwnedBy(type, namespace, name).stream().map(pod -> (JsonNode) pod.deepCopy()).toList();
		}
	}

	/** Copies of the events in a namespace, oldest first. */
	public List<JsonNode> events(String namespace) {
		synchronized (cluster) {
			return cluster.list(ResourceType.EVENTS, namespace)
				.stream()
				.sorted(Comparator.comparing((ObjectNode event) -> event.path("eventTime").asString())
					.thenComparing(event -> Long.parseLong(event.at("/metadata/resourceVersion").asString())))
				.map(event -> (JsonNode) event.deepCopy())
				.toList();
		}
	}

	/**
	 * Server-side apply of one object as another field manager (for example
	 * {@code kubectl}), without HTTP; returns the stored object, or throws
	 * {@link IllegalStateException} with the Status message.
	 */
	public JsonNode applyAs(String manager, String namespace, String yaml, boolean force) {
		return writeAs(manager, "Apply", namespace, yaml, force);
	}

	/**
	 * A plain update of one object by another field manager (as {@code kubectl edit} or a
	 * client-side apply make): it takes the fields it changes, without conflicts; returns
	 * the stored object.
	 */
	public JsonNode updateAs(String manager, String namespace, String yaml) {
		return writeAs(manager, "Update", namespace, yaml, true);
	}

	private JsonNode writeAs(String manager, String operation, String namespace, String yaml, boolean force) {
		ObjectNode config = (ObjectNode) ManifestReader.readYaml(yaml);
		ResourceType type = ResourceType.ofKind(config.path("apiVersion").asString(), config.path("kind").asString())
			.orElseThrow(() -> new IllegalArgumentException("not served: " + config.path("kind").asString()));
		synchronized (cluster) {
			Answer answer = store(type, namespace, config.at("/metadata/name").asString(), config,
					new Writer(manager, operation, force), false);
			if (answer.code() >= 300) {
				throw new IllegalStateException(answer.code() + " " + answer.body().path("message").asString());
			}
			return answer.body().deepCopy();
		}
	}

	/**
	 * From now on, every user is refused {@code verb} (get, list, patch, delete, create)
	 * on {@code resource} (a plural such as {@code pods}, {@code deployments},
	 * {@code pods/log}).
	 */
	public void deny(String verb, String resource) {
		denials.add(verb + " " + resource);
	}

	/** Stops accepting connections, as a cluster that went away. */
	public void goDown() {
		server.stop(0);
	}

	/** Every answer waits this long first, as an overloaded cluster. */
	public void beSlow(Duration slowness) {
		this.slowness = slowness;
	}

	/**
	 * Once, right after answering {@code method path} and before the client reads the
	 * answer, makes a change, as another writer working between two of a client's calls.
	 */
	public void afterAnswering(String method, String path, Runnable change) {
		afterAnswers.put(method + " " + path, change);
	}

	/** Every request fails with 500, as a broken API server. */
	public void failWith500(boolean failing) {
		this.failing = failing;
	}

	@Override
	public void close() {
		server.stop(0);
		cluster.close();
		workers.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			String method = exchange.getRequestMethod();
			Map<String, String> query = query(uri.getRawQuery());
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			requests.add(new RecordedRequest(method, uri.getPath(), query, contentType, body));
			if (!slowness.isZero()) {
				try {
					// a slow cluster is what the tests that set it are about: a sleep,
					// not a wait
					Thread.sleep(slowness.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			Optional<String> user = user(exchange);
			Answer answer;
			byte[] bytes;
			synchronized (cluster) {
				if (failing) {
					answer = status(500, "InternalError", "Internal error occurred: etcdserver: request timed out");
				}
				else if (user.isEmpty()) {
					answer = status(401, "Unauthorized", "Unauthorized");
				}
				else {
					answer = route(method, uri.getPath(), query, contentType, body, user.get());
				}
				bytes = answer.text() != null ? answer.text().getBytes(StandardCharsets.UTF_8)
						: JsonMapper.shared().writeValueAsBytes(answer.body());
			}
			Runnable change = afterAnswers.remove(method + " " + uri.getPath());
			if (change != null) {
				change.run();
			}
			exchange.getResponseHeaders()
				.set("Content-Type", answer.text() != null ? "text/plain" : "application/json");
			answer.headers().forEach(exchange.getResponseHeaders()::set);
			for (String warning : answer.warnings()) {
				exchange.getResponseHeaders().add("Warning", "299 - \"" + warning.replace("\"", "\\\"") + "\"");
			}
			exchange.sendResponseHeaders(answer.code(),
					answer.follow() != null ? 0 : bytes.length == 0 ? -1 : bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
				if (answer.follow() != null) {
					out.flush();
					follow(out, answer.follow());
				}
			}
		}
	}

	/**
	 * Streams the lines a followed log gains, until the container stops, the pod is gone,
	 * the client hangs up or ten minutes have passed.
	 */
	private static void follow(OutputStream out, LogFollow follow) throws IOException {
		int sent = follow.sent();
		Instant end = Instant.now().plus(Duration.ofMinutes(10));
		while (Instant.now().isBefore(end)) {
			try {
				// the server side of a followed log, as the kubelet pushes lines: no test
				// waits here
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			Optional<LogTail> tail = follow.tail().get();
			if (tail.isEmpty()) {
				return;
			}
			List<String> lines = tail.get().lines();
			for (; sent < lines.size(); sent++) {
				out.write((lines.get(sent) + "\n").getBytes(StandardCharsets.UTF_8));
			}
			out.flush();
			if (!tail.get().running()) {
				return;
			}
		}
	}

	/**
	 * Who is calling: the bearer token's user, {@link #BASIC_USER} with the token as
	 * password, the service account, or the common name of a client certificate the CA
	 * signed (the TLS handshake has checked it); empty when none of them.
	 */
	private Optional<String> user(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String basic = Base64.getEncoder().encodeToString((BASIC_USER + ":" + token).getBytes(StandardCharsets.UTF_8));
		String account = serviceAccountToken;
		if (("Bearer " + token).equals(authorization)) {
			return Optional.of(TOKEN_USER);
		}
		if (("Basic " + basic).equals(authorization)) {
			return Optional.of(BASIC_USER);
		}
		if (account != null && ("Bearer " + account).equals(authorization)) {
			return Optional.of(SERVICE_ACCOUNT);
		}
		try {
			if (authorization == null) {
				String subject = ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName();
				return Optional.of(subject.replaceFirst("^CN=([^,]+).*$", "$1"));
			}
		}
		catch (SSLPeerUnverifiedException ex) {
			// no certificate either
		}
		return Optional.empty();
	}

	private Answer route(String method, String requestPath, Map<String, String> query, String contentType, String body,
			String user) {
		// client-java asks for "/version/"
		String path = requestPath.length() > 1 && requestPath.endsWith("/")
				? requestPath.substring(0, requestPath.length() - 1) : requestPath;
		if (method.equals("GET")) {
			Optional<ObjectNode> discovery = discovery(path);
			if (discovery.isPresent()) {
				return ok(discovery.get());
			}
			if (path.startsWith(OpenApiV3.ROOT + "/")) {
				return openApiDocument(path.substring(OpenApiV3.ROOT.length() + 1), query.get("hash"));
			}
		}
		Matcher match;
		Request request;
		if ((match = CORE.matcher(path)).matches()) {
			request = new Request(ResourceType.of("", "v1", match.group(2)), match.group(1), match.group(3),
					match.group(4));
		}
		else if ((match = GROUP.matcher(path)).matches()) {
			request = new Request(ResourceType.of(match.group(1), match.group(2), match.group(4)), match.group(3),
					match.group(5), match.group(6));
		}
		else {
			return failure(Statuses.notFound());
		}
		if (request.type().isEmpty() || (request.namespace() != null && !request.type().get().namespaced())
				|| (request.subresource() != null && !request.subresource().equals("log"))) {
			return failure(Statuses.notFound());
		}
		ResourceType type = request.type().get();
		String verb = switch (method) {
			case "GET" -> request.name() == null ? "list" : "get";
			case "POST" -> "create";
			case "PATCH" -> "patch";
			case "DELETE" -> "delete";
			default -> null;
		};
		if (verb == null || (request.subresource() != null && !verb.equals("get"))) {
			return failure(Statuses.methodNotAllowed());
		}
		String resource = type.plural() + (request.subresource() == null ? "" : "/" + request.subresource());
		if (denials.contains(verb + " " + resource)
				|| (user.equals(SERVICE_ACCOUNT) && verb.equals("list") && type.equals(ResourceType.NAMESPACES))) {
			return failure(Statuses.forbidden(user, verb, type, resource, request.namespace(), request.name()));
		}
		String namespace = request.namespace();
		String name = request.name();
		return switch (verb) {
			case "list" -> ok(list(type, namespace, query));
			case "create" ->
				type.equals(ResourceType.NAMESPACES) ? createNamespace(body) : failure(Statuses.methodNotAllowed());
			case "get" -> {
				ObjectNode found = cluster.get(type, type.namespaced() ? namespace : "", name);
				if (found == null) {
					yield failure(Statuses.notFound(type, name));
				}
				yield request.subresource() == null ? ok(found) : log(found, query);
			}
			case "delete" -> type.namespaced() ? delete(type, namespace, name) : failure(Statuses.methodNotAllowed());
			default -> type.equals(ResourceType.PODS) || type.isWorkload()
					? apply(type, namespace, name, query, contentType, body) : failure(Statuses.methodNotAllowed());
		};
	}

	private Optional<ObjectNode> discovery(String path) {
		if (path.equals("/version")) {
			return Optional.of(version());
		}
		if (path.equals("/api")) {
			ObjectNode versions = NODES.objectNode().put("kind", "APIVersions");
			versions.putArray("versions").add("v1");
			versions.putArray("serverAddressByClientCIDRs")
				.addObject()
				.put("clientCIDR", "0.0.0.0/0")
				.put("serverAddress", server.getAddress().getHostString() + ":" + server.getAddress().getPort());
			return Optional.of(versions);
		}
		if (path.equals("/apis")) {
			return Optional.of(ResourceType.groupList());
		}
		if (path.equals(OpenApiV3.ROOT)) {
			return Optional.of(OpenApiV3.discovery());
		}
		if (path.equals("/api/v1")) {
			return Optional.of(ResourceType.resourceList("v1"));
		}
		for (JsonNode group : ResourceType.groupList().path("groups")) {
			String groupVersion = group.at("/preferredVersion/groupVersion").asString();
			if (path.equals("/apis/" + groupVersion)) {
				return Optional.of(ResourceType.resourceList(groupVersion));
			}
			if (path.equals("/apis/" + group.path("name").asString())) {
				ObjectNode apiGroup = ((ObjectNode) group.deepCopy()).put("kind", "APIGroup").put("apiVersion", "v1");
				return Optional.of(apiGroup);
			}
		}
		return Optional.empty();
	}

	/**
	 * A group version's OpenAPI document. Under the hash of its content it never changes,
	 * so it may be cached for good (kubectl keeps it on disk); under another hash it has
	 * moved there.
	 */
	private static Answer openApiDocument(String path, String hash) {
		Optional<byte[]> document = OpenApiV3.document(path);
		if (document.isEmpty()) {
			return failure(Statuses.notFound());
		}
		String current = OpenApiV3.hash(document.get());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("ETag", "\"" + current + "\"");
		if (hash == null) {
			headers.put("Cache-Control", "no-cache, private");
		}
		else if (hash.equals(current)) {
			headers.put("Cache-Control", "public, immutable");
			headers.put("Expires", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC).plusYears(1)));
		}
		else {
			headers.put("Location", OpenApiV3.ROOT + "/" + path + "?hash=" + current);
			return new Answer(301, null, "", List.of(), null, headers);
		}
		return new Answer(200, null, new String(document.get(), StandardCharsets.UTF_8), List.of(), null, headers);
	}

	private ObjectNode list(ResourceType type, String namespace, Map<String, String> query) {
		LabelSelector labels = LabelSelector.parse(query.getOrDefault("labelSelector", ""));
		FieldSelector fields = FieldSelector.parse(query.getOrDefault("fieldSelector", ""));
		ObjectNode list = NODES.objectNode().put("apiVersion", type.apiVersion()).put("kind", type.kind() + "List");
		list.putObject("metadata").put("resourceVersion", cluster.currentResourceVersion());
		ArrayNode array = list.putArray("items");
		cluster.list(type, namespace)
			.stream()
			.filter(item -> labels.matches(item.path("metadata").path("labels")) && fields.matches(item))
			.forEach(array::add);
		return list;
	}

	private Answer delete(ResourceType type, String namespace, String name) {
		ObjectNode removed = cluster.deleteForClient(type, namespace, name);
		if (removed == null) {
			return failure(Statuses.notFound(type, name));
		}
		if (type.equals(ResourceType.PODS)) {
			return ok(removed);
		}
		// gone at once, no finalizer to wait for: the API server answers a Status, not
		// the object
		ObjectNode success = NODES.objectNode().put("kind", "Status").put("apiVersion", "v1");
		success.putObject("metadata");
		success.put("status", "Success");
		ObjectNode details = success.putObject("details").put("name", name);
		if (!type.group().isEmpty()) {
			details.put("group", type.group());
		}
		details.put("kind", type.plural()).put("uid", removed.at("/metadata/uid").asString());
		return ok(success);
	}

	private Answer createNamespace(String body) {
		JsonNode given;
		try {
			given = ManifestReader.readJson(body);
		}
		catch (ManifestParseException ex) {
			return status(400, "BadRequest", "the body of the request could not be read: " + ex.getMessage());
		}
		String name = given.path("metadata").path("name").asString("");
		if (name.isEmpty()) {
			return status(422, "Invalid",
					"Namespace \"\" is invalid: metadata.name: Required value: name or generateName is required");
		}
		if (cluster.get(ResourceType.NAMESPACES, "", name) != null) {
			return status(409, "AlreadyExists", "namespaces \"" + name + "\" already exists");
		}
		Map<String, String> labels = new LinkedHashMap<>();
		given.path("metadata")
			.path("labels")
			.properties()
			.forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
		createNamespace(name, labels);
		return new Answer(201, cluster.get(ResourceType.NAMESPACES, "", name));
	}

	/** Server-side apply over HTTP: the request's checks, then {@link #store}. */
	private Answer apply(ResourceType type, String namespace, String name, Map<String, String> query,
			String contentType, String body) {
		if (contentType == null || !contentType.startsWith(APPLY_YAML)) {
			return status(415, "UnsupportedMediaType",
					"the body of the request was in an unknown format - accepted media types include: "
							+ "application/json-patch+json, application/merge-patch+json, " + APPLY_YAML);
		}
		String fieldManager = query.get("fieldManager");
		if (fieldManager == null || fieldManager.isBlank()) {
			return status(422, "Invalid",
					"PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
		}
		JsonNode applied;
		try {
			applied = ManifestReader.readYaml(body);
		}
		catch (ManifestParseException ex) {
			return status(400, "BadRequest", "error decoding YAML: " + ex.getMessage());
		}
		if (!(applied instanceof ObjectNode config)) {
			return status(400, "BadRequest", "error decoding YAML: the body is not an object");
		}
		String apiVersion = config.path("apiVersion").asString("");
		String kind = config.path("kind").asString("");
		if (!apiVersion.equals(type.apiVersion()) || !kind.equals(type.kind())) {
			// the field manager's version check, printing the group/version and kind as
			// Go does
			String groupVersion = apiVersion.contains("/") ? apiVersion : "/" + apiVersion;
			return status(400, "BadRequest", "invalid object type: " + groupVersion + ", Kind=" + kind);
		}
		String fieldValidation = query.getOrDefault("fieldValidation", "");
		if (!FIELD_VALIDATIONS.contains(fieldValidation)) {
			return status(422, "Invalid",
					"PatchOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"" + fieldValidation
							+ "\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
		}
		List<String> undeclared = KnownFields.undeclared(type, config);
		if (!undeclared.isEmpty()) {
			return undeclaredFields(type, namespace, name, undeclared);
		}
		Writer writer = new Writer(fieldManager, "Apply", "true".equals(query.get("force")));
		boolean dryRun = "All".equals(query.get("dryRun"));
		List<String> repeated = fieldValidation.equals("Ignore") ? List.of() : RepeatedKeys.errors(body);
		if (repeated.isEmpty()) {
			return store(type, namespace, name, config, writer, dryRun);
		}
		// the apply itself decodes leniently (the last value wins); the strict decoding
		// comes after it
		if (fieldValidation.equals("Strict")) {
			Answer tried = store(type, namespace, name, config, writer, true);
			return tried.code() >= 300 ? tried
					: status(400, "BadRequest", RepeatedKeys.STRICT_PREFIX + "\n  " + String.join("\n  ", repeated));
		}
		Answer stored = store(type, namespace, name, config, writer, dryRun);
		List<String> warnings = new ArrayList<>(repeated);
		warnings.addAll(stored.warnings());
		return new Answer(stored.code(), stored.body(), stored.text(), warnings, stored.follow(), stored.headers());
	}

	/**
	 * Server-side apply builds a typed object from the patch before any field validation
	 * is asked about, so a field the schema does not declare fails whatever
	 * {@code fieldValidation} says (which for an apply only governs duplicate fields, see
	 * {@link RepeatedKeys}): as the API server does, with a plain error it answers as a
	 * 500 without a reason (kubernetes/kubernetes#122480).
	 */
	private static Answer undeclaredFields(ResourceType type, String namespace, String name, List<String> undeclared) {
		String errors = undeclared.size() == 1 ? undeclared.get(0) + ": field not declared in schema"
				: "errors:\n" + undeclared.stream()
					.map(field -> "  " + field + ": field not declared in schema")
					.collect(Collectors.joining("\n"));
		String groupVersion = type.group().isEmpty() ? "/" + type.version() : type.apiVersion();
		ObjectNode status = Statuses.failure(500, "", "failed to create typed patch object (" + namespace + "/" + name
				+ "; " + groupVersion + ", Kind=" + type.kind() + "): " + errors);
		status.remove("reason");
		return failure(status);
	}

	/**
	 * A write of a checked configuration by a field manager: name and namespace, the
	 * namespace's existence, validation, Pod Security, field ownership; stored unless a
	 * dry run.
	 */
	private Answer store(ResourceType type, String namespace, String name, ObjectNode config, Writer writer,
			boolean dryRun) {
		if (config.at("/metadata/managedFields").isArray()) {
			return status(400, "BadRequest", "metadata.managedFields must be nil");
		}
		String givenName = config.path("metadata").path("name").asString("");
		if (!givenName.equals(name)) {
			return status(400, "BadRequest",
					"the name of the object (" + givenName + ") does not match the name on the URL (" + name + ")");
		}
		String givenNamespace = config.path("metadata").path("namespace").asString(namespace);
		if (!givenNamespace.equals(namespace)) {
			return status(400, "BadRequest",
					"the namespace of the provided object does not match the namespace sent on the request");
		}
		ObjectNode namespaceObject = cluster.get(ResourceType.NAMESPACES, "", namespace);
		if (namespaceObject == null) {
			return failure(Statuses.notFound(ResourceType.NAMESPACES, namespace));
		}
		ObjectNode existing = cluster.get(type, namespace, name);
		ObjectNode applied = config.deepCopy();
		applied.remove("status");
		ManagedFields.Outcome outcome = ManagedFields.write(existing, applied, writer.manager(), writer.operation(),
				writer.force(), FakeCluster.now());
		if (outcome.object() == null) {
			return failure(Statuses.conflict(outcome.conflicts()));
		}
		ObjectNode stored = outcome.object();
		ObjectNode metadata = stored.withObject("/metadata");
		metadata.put("name", name).put("namespace", namespace);
		Defaults.apply(type, stored);
		List<Validation.FieldError> errors = new ArrayList<>(Validation.errors(type, stored));
		if (existing != null) {
			errors.addAll(UpdateValidation.errors(type, existing, stored));
		}
		if (!errors.isEmpty()) {
			return failure(Statuses.invalid(type, name, errors));
		}
		List<String> warnings = new ArrayList<>();
		if (type.equals(ResourceType.PODS)) {
			Optional<String> refusal = PodSecurityBaseline.refusal(namespaceObject, stored);
			if (refusal.isPresent()) {
				return status(403, "Forbidden", "pods \"" + name + "\" is forbidden: " + refusal.get());
			}
		}
		else if (type.isWorkload()) {
			JsonNode template = type.equals(ResourceType.CRONJOBS) ? stored.at("/spec/jobTemplate/spec/template")
					: stored.at("/spec/template");
			PodSecurityBaseline.refusal(namespaceObject, template)
				.ifPresent(refusal -> warnings.add("would " + refusal));
		}
		// apiVersion and kind lead, as the API server writes them
		ObjectNode ordered = NODES.objectNode().put("apiVersion", type.apiVersion()).put("kind", type.kind());
		ordered.setAll(stored);
		stored = ordered;
		cluster.stamp(metadata, existing == null ? null : existing.get("metadata"), !dryRun);
		if (type.isWorkload()) {
			long generation = existing == null ? 1 : existing.at("/metadata/generation").asLong(1);
			boolean specChanged = existing != null && !existing.path("spec").equals(stored.path("spec"));
			metadata.put("generation", specChanged ? generation + 1 : generation);
		}
		if (!stored.has("status")) {
			if (type.equals(ResourceType.PODS)) {
				stored.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort");
			}
			else {
				WorkloadStatus.initial(type, stored.putObject("status"));
			}
		}
		if (!dryRun) {
			cluster.put(type, stored);
			cluster.applied(type, stored);
		}
		return new Answer(existing == null ? 201 : 200, stored, null, warnings, null);
	}

	/**
	 * A pod's log as {@code text/plain}, of the container asked for or its only one; the
	 * last {@code tailLines} when asked.
	 */
	private Answer log(ObjectNode pod, Map<String, String> query) {
		String name = pod.at("/metadata/name").asString();
		List<String> containers = new ArrayList<>();
		pod.at("/spec/containers").forEach(container -> containers.add(container.path("name").asString()));
		String container = query.get("container");
		if (container == null || container.isEmpty()) {
			if (containers.size() != 1) {
				return status(400, "BadRequest", "a container name must be specified for pod " + name
						+ ", choose one of: [" + String.join(" ", containers) + "]");
			}
			container = containers.get(0);
		}
		if (!containers.contains(container)) {
			return status(400, "BadRequest", "container " + container + " is not valid for pod " + name);
		}
		JsonNode state = NODES.missingNode();
		for (JsonNode containerStatus : pod.at("/status/containerStatuses")) {
			if (containerStatus.path("name").asString().equals(container)) {
				state = containerStatus.path("state");
			}
		}
		if (!state.has("running") && !state.has("terminated")) {
			String reason = state.at("/waiting/reason").asString("ContainerCreating");
			return status(400, "BadRequest",
					"container \"" + container + "\" in pod \"" + name + "\" is waiting to start: "
							+ (reason.equals("ImagePullBackOff") || reason.equals("ErrImagePull")
									? "trying and failing to pull image" : reason));
		}
		String image = "";
		for (JsonNode spec : pod.at("/spec/containers")) {
			if (spec.path("name").asString().equals(container)) {
				image = spec.path("image").asString();
			}
		}
		String namespace = pod.at("/metadata/namespace").asString();
		List<String> lines = cluster.log(namespace, name, container, image);
		LogFollow follow = null;
		if ("true".equals(query.get("follow"))) {
			String uid = pod.at("/metadata/uid").asString();
			String followed = container;
			String followedImage = image;
			follow = new LogFollow(() -> tail(namespace, name, uid, followed, followedImage), lines.size());
		}
		if (query.containsKey("tailLines")) {
			int tail;
			try {
				tail = Integer.parseInt(query.get("tailLines"));
			}
			catch (NumberFormatException ex) {
				return status(400, "BadRequest",
						"tailLines: Invalid value: \"" + query.get("tailLines") + "\": must be an integer");
			}
			lines = lines.subList(Math.max(0, lines.size() - tail), lines.size());
		}
		StringBuilder text = new StringBuilder();
		lines.forEach(line -> text.append(line).append('\n'));
		return new Answer(200, null, text.toString(), List.of(), follow);
	}

	/**
	 * A container's log as it is now, and whether it still runs; empty once its pod is
	 * gone.
	 */
	private Optional<LogTail> tail(String namespace, String pod, String uid, String container, String image) {
		synchronized (cluster) {
			ObjectNode current = cluster.get(ResourceType.PODS, namespace, pod);
			if (current == null || !current.at("/metadata/uid").asString().equals(uid)) {
				return Optional.empty();
			}
			boolean running = false;
			for (JsonNode status : current.at("/status/containerStatuses")) {
				running |= status.path("name").asString().equals(container) && status.at("/state/running").isObject();
			}
			return Optional.of(new LogTail(cluster.log(namespace, pod, container, image), running));
		}
	}

	private static ObjectNode version() {
		return NODES.objectNode()
			.put("major", "1")
			.put("minor", "34")
			.put("gitVersion", GIT_VERSION)
			.put("gitCommit", "0000000000000000000000000000000000000000")
			.put("gitTreeState", "clean")
			.put("buildDate", "2026-01-01T00:00:00Z")
			.put("goVersion", "go1.24.0")
			.put("compiler", "gc")
			.put("platform", "linux/amd64");
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return query;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			String key = equals < 0 ? pair : pair.substring(0, equals);
			String value = equals < 0 ? "" : pair.substring(equals + 1);
			query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return query;
	}

	private static Answer ok(ObjectNode body) {
		return new Answer(200, body);
	}

	/** A failure {@code Status}, answered with its code. */
	private static Answer failure(ObjectNode status) {
		return new Answer(status.path("code").asInt(), status);
	}

	private static Answer status(int code, String reason, String message) {
		return failure(Statuses.failure(code, reason, message));
	}

	/** One request as the server saw it; {@code query} is decoded. */
	public record RecordedRequest(String method, String path, Map<String, String> query, String contentType,
			String body) {
	}

	/**
	 * An answer: a JSON body, or {@code text} for a log, then more of it when followed;
	 * with {@code Warning} headers, and other headers that may replace the
	 * {@code Content-Type}.
	 */
	private record Answer(int code, ObjectNode body, String text, List<String> warnings, LogFollow follow,
			Map<String, String> headers) {

		Answer(int code, ObjectNode body) {
			this(code, body, null, List.of(), null);
		}

		Answer(int code, ObjectNode body, String text, List<String> warnings, LogFollow follow) {
			this(code, body, text, warnings, follow, Map.of());
		}
	}

	/** A followed log: how to read it again, and how many of its lines have been sent. */
	private record LogFollow(Supplier<Optional<LogTail>> tail, int sent) {
	}

	private record LogTail(List<String> lines, boolean running) {
	}

	/**
	 * Who writes an object, how ({@code Apply} or {@code Update}), and whether it takes
	 * fields from others.
	 */
	private record Writer(String manager, String operation, boolean force) {
	}

	/**
	 * What a resource path names; the type is empty when the server does not serve it.
	 */
	private record Request(Optional<ResourceType> type, String namespace, String name, String subresource) {
	}

}
