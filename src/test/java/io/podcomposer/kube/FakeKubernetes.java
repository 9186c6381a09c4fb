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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * A Kubernetes API server for tests, in the test JVM on a loopback port. It speaks the wire
 * protocol of the calls the portal makes: HTTPS with its own {@link TestCa}; bearer tokens,
 * basic auth or client certificates; {@code /version} and discovery, namespaces with labels,
 * and pods by server-side apply (dry run honoured), get, list by label selector and delete. A
 * simulated kubelet moves applied pods to Running with a pod IP, or leaves them in
 * ImagePullBackOff, and a namespace enforcing Pod Security "baseline" refuses what the admission
 * controller refuses. Faults can be switched on: down, slow, 500. Every request is logged for
 * tests to assert on.
 */
public final class FakeKubernetes implements AutoCloseable {

	public static final String GIT_VERSION = "v1.34.1-fake";

	public static final String SERVICE_ACCOUNT = "system:serviceaccount:ci:deployer";

	/** Images from this registry host cannot be pulled: their pods wait in ImagePullBackOff. */
	public static final String MISSING_IMAGE_HOST = "registry.invalid";

	/** The user basic auth accepts, with the bearer token as password. */
	public static final String BASIC_USER = "admin";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String APPLY_YAML = "application/apply-patch+yaml";

	private static final Pattern NAMESPACE = Pattern.compile("/api/v1/namespaces/([^/]+)");

	private static final Pattern PODS = Pattern.compile("/api/v1/namespaces/([^/]+)/pods");

	private static final Pattern POD = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)");

	private final TestCa ca = new TestCa("fake-kubernetes-ca");

	private final String token;

	private final HttpsServer server;

	private final ExecutorService workers = Executors.newCachedThreadPool();

	private final ScheduledExecutorService kubelet = Executors.newSingleThreadScheduledExecutor();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Map<String, ObjectNode> namespaces = new ConcurrentHashMap<>();

	private final Map<String, ObjectNode> pods = new ConcurrentHashMap<>();

	private final AtomicLong resourceVersion = new AtomicLong(1000);

	private final AtomicLong podIps = new AtomicLong(1);

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

	public String url() {
		return "https://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The CA certificate that signed the server's, as PEM text. */
	public String caPem() {
		return ca.certificatePem();
	}

	public KubeConnection connection(Duration timeout) {
		return new KubeConnection(url(), caPem(), false, new KubeConnection.Credentials.BearerToken(token), timeout);
	}

	/**
	 * A second token, of the service account {@link #SERVICE_ACCOUNT}, that RBAC lets do all but
	 * list namespaces, as many deploy accounts are.
	 */
	public void allowServiceAccountToken(String token) {
		this.serviceAccountToken = token;
	}

	/** A client certificate for the given user, signed by the server's CA. */
	public TestCa.ClientCertificate clientCertificate(String user) {
		return ca.issueClientCertificate(user);
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(requests);
	}

	public void createNamespace(String name, Map<String, String> labels) {
		ObjectNode namespace = NODES.objectNode().put("apiVersion", "v1").put("kind", "Namespace");
		ObjectNode metadata = namespace.putObject("metadata").put("name", name);
		ObjectNode allLabels = metadata.putObject("labels").put("kubernetes.io/metadata.name", name);
		labels.forEach(allLabels::put);
		stamp(metadata, null);
		namespace.putObject("spec").putArray("finalizers").add("kubernetes");
		namespace.putObject("status").put("phase", "Active");
		namespaces.put(name, namespace);
	}

	public Optional<JsonNode> pod(String namespace, String name) {
		return Optional.ofNullable(pods.get(namespace + "/" + name)).map(JsonNode::deepCopy);
	}

	/** Stops accepting connections, as a cluster that went away. */
	public void goDown() {
		server.stop(0);
	}

	/** Every answer waits this long first, as an overloaded cluster. */
	public void beSlow(Duration slowness) {
		this.slowness = slowness;
	}

	/** Every request fails with 500, as a broken API server. */
	public void failWith500(boolean failing) {
		this.failing = failing;
	}

	@Override
	public void close() {
		server.stop(0);
		kubelet.shutdownNow();
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
					Thread.sleep(slowness.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			Answer answer;
			if (failing) {
				answer = status(500, "InternalError", "Internal error occurred: etcdserver: request timed out");
			}
			else if (!authenticated(exchange)) {
				answer = status(401, "Unauthorized", "Unauthorized");
			}
			else if (isServiceAccount(exchange) && method.equals("GET") && uri.getPath().equals("/api/v1/namespaces")) {
				answer = status(403, "Forbidden", "namespaces is forbidden: User \"" + SERVICE_ACCOUNT
						+ "\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope");
			}
			else {
				answer = route(method, uri.getPath(), query, contentType, body);
			}
			byte[] bytes = JsonMapper.shared().writeValueAsBytes(answer.body());
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.code(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	/**
	 * The bearer token, basic auth as {@link #BASIC_USER} with the token as password, or a client
	 * certificate the CA signed (the TLS handshake has checked it).
	 */
	private boolean authenticated(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String basic = Base64.getEncoder().encodeToString((BASIC_USER + ":" + token).getBytes(StandardCharsets.UTF_8));
		if (("Bearer " + token).equals(authorization) || ("Basic " + basic).equals(authorization)
				|| isServiceAccount(exchange)) {
			return true;
		}
		try {
			return authorization == null && ((HttpsExchange) exchange).getSSLSession().getPeerCertificates().length > 0;
		}
		catch (SSLPeerUnverifiedException ex) {
			return false;
		}
	}

	private boolean isServiceAccount(HttpExchange exchange) {
		String account = serviceAccountToken;
		return account != null && ("Bearer " + account).equals(exchange.getRequestHeaders().getFirst("Authorization"));
	}

	private Answer route(String method, String requestPath, Map<String, String> query, String contentType,
			String body) {
		// client-java asks for "/version/"
		String path = requestPath.length() > 1 && requestPath.endsWith("/")
				? requestPath.substring(0, requestPath.length() - 1) : requestPath;
		Matcher match;
		if (path.equals("/version") && method.equals("GET")) {
			return ok(version());
		}
		if (path.equals("/api") && method.equals("GET")) {
			ObjectNode versions = NODES.objectNode().put("kind", "APIVersions");
			versions.putArray("versions").add("v1");
			versions.putArray("serverAddressByClientCIDRs")
				.addObject()
				.put("clientCIDR", "0.0.0.0/0")
				.put("serverAddress", server.getAddress().getHostString() + ":" + server.getAddress().getPort());
			return ok(versions);
		}
		if (path.equals("/apis") && method.equals("GET")) {
			ObjectNode groups = NODES.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
			ObjectNode apps = groups.putArray("groups").addObject().put("name", "apps");
			apps.putArray("versions").addObject().put("groupVersion", "apps/v1").put("version", "v1");
			apps.putObject("preferredVersion").put("groupVersion", "apps/v1").put("version", "v1");
			return ok(groups);
		}
		if (path.equals("/api/v1/namespaces")) {
			return switch (method) {
				case "GET" -> ok(list("NamespaceList", namespaces.values().stream().toList(), query));
				case "POST" -> createNamespace(body);
				default -> methodNotAllowed();
			};
		}
		if ((match = NAMESPACE.matcher(path)).matches() && method.equals("GET")) {
			ObjectNode namespace = namespaces.get(match.group(1));
			return namespace == null ? notFound("namespaces", match.group(1)) : ok(namespace);
		}
		if ((match = PODS.matcher(path)).matches() && method.equals("GET")) {
			String namespace = match.group(1);
			if (!namespaces.containsKey(namespace)) {
				return notFound("namespaces", namespace);
			}
			List<ObjectNode> inNamespace = pods.values()
				.stream()
				.filter(pod -> pod.path("metadata").path("namespace").asString().equals(namespace))
				.toList();
			return ok(list("PodList", inNamespace, query));
		}
		if ((match = POD.matcher(path)).matches()) {
			String namespace = match.group(1);
			String name = match.group(2);
			if (!namespaces.containsKey(namespace)) {
				return notFound("namespaces", namespace);
			}
			String key = namespace + "/" + name;
			return switch (method) {
				case "GET" -> pods.containsKey(key) ? ok(pods.get(key)) : notFound("pods", name);
				case "DELETE" -> {
					ObjectNode removed = pods.remove(key);
					yield removed == null ? notFound("pods", name) : ok(removed);
				}
				case "PATCH" -> apply(namespace, name, query, contentType, body);
				default -> methodNotAllowed();
			};
		}
		return status(404, "NotFound", "the server could not find the requested resource");
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
			return status(422, "Invalid", "Namespace \"\" is invalid: metadata.name: Required value: name or generateName is required");
		}
		synchronized (namespaces) {
			if (namespaces.containsKey(name)) {
				return status(409, "AlreadyExists", "namespaces \"" + name + "\" already exists");
			}
			Map<String, String> labels = new LinkedHashMap<>();
			given.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
			createNamespace(name, labels);
			return new Answer(201, namespaces.get(name));
		}
	}

	/** Server-side apply of a pod: creates or updates, and with dryRun=All stores nothing. */
	private synchronized Answer apply(String namespace, String name, Map<String, String> query, String contentType,
			String body) {
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
		if (!(applied instanceof ObjectNode pod) || !"Pod".equals(pod.path("kind").asString(""))
				|| !"v1".equals(pod.path("apiVersion").asString(""))) {
			return status(400, "BadRequest", "the body of the request must be a v1 Pod");
		}
		String givenName = pod.path("metadata").path("name").asString("");
		if (!givenName.equals(name)) {
			return status(400, "BadRequest",
					"the name of the object (" + givenName + ") does not match the name on the URL (" + name + ")");
		}
		String givenNamespace = pod.path("metadata").path("namespace").asString(namespace);
		if (!givenNamespace.equals(namespace)) {
			return status(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request");
		}
		Optional<String> refusal = PodSecurityBaseline.refusal(namespaces.get(namespace), pod);
		if (refusal.isPresent()) {
			return status(403, "Forbidden", "pods \"" + name + "\" is forbidden: " + refusal.get());
		}
		String key = namespace + "/" + name;
		ObjectNode existing = pods.get(key);
		ObjectNode stored = pod.deepCopy();
		ObjectNode metadata = (ObjectNode) stored.get("metadata");
		metadata.put("namespace", namespace);
		stamp(metadata, existing == null ? null : (ObjectNode) existing.get("metadata"));
		metadata.putArray("managedFields")
			.addObject()
			.put("manager", fieldManager)
			.put("operation", "Apply")
			.put("apiVersion", "v1")
			.put("time", now())
			.put("fieldsType", "FieldsV1")
			.putObject("fieldsV1");
		if (existing != null && existing.has("status")) {
			stored.set("status", existing.get("status").deepCopy());
		}
		else {
			stored.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort");
		}
		if (!"All".equals(query.get("dryRun"))) {
			pods.put(key, stored);
			if (existing == null) {
				kubelet.schedule(() -> run(key, metadata.get("uid").asString()), 100, TimeUnit.MILLISECONDS);
			}
		}
		return new Answer(existing == null ? 201 : 200, stored);
	}

	/**
	 * The simulated kubelet: the pod is scheduled and gets an IP; its containers run, unless an
	 * image names a registry host ending in {@link #MISSING_IMAGE_HOST}, which cannot be pulled.
	 */
	private synchronized void run(String key, String uid) {
		ObjectNode current = pods.get(key);
		if (current == null || !current.path("metadata").path("uid").asString().equals(uid)) {
			return;
		}
		// a copy, replaced whole: a reader may be writing the stored one out right now
		ObjectNode pod = current.deepCopy();
		String started = now();
		((ObjectNode) pod.get("spec")).put("nodeName", "fake-node-1");
		ObjectNode status = pod.putObject("status")
			.put("hostIP", "10.0.0.1")
			.put("podIP", "10.244.0." + podIps.incrementAndGet())
			.put("startTime", started)
			.put("qosClass", "BestEffort");
		ArrayNode containers = status.putArray("containerStatuses");
		boolean allRunning = true;
		for (JsonNode container : pod.path("spec").path("containers")) {
			String image = container.path("image").asString();
			boolean pulled = !image.contains(MISSING_IMAGE_HOST + "/");
			allRunning &= pulled;
			ObjectNode containerStatus = containers.addObject()
				.put("name", container.path("name").asString())
				.put("image", image)
				.put("imageID", "")
				.put("ready", pulled)
				.put("started", pulled)
				.put("restartCount", 0);
			if (pulled) {
				containerStatus.put("containerID", "fake://" + UUID.randomUUID());
				containerStatus.putObject("state").putObject("running").put("startedAt", started);
			}
			else {
				containerStatus.putObject("state")
					.putObject("waiting")
					.put("reason", "ImagePullBackOff")
					.put("message", "Back-off pulling image \"" + image + "\"");
			}
		}
		status.put("phase", allRunning ? "Running" : "Pending");
		ArrayNode conditions = status.putArray("conditions");
		for (String type : List.of("PodScheduled", "Initialized", "ContainersReady", "Ready")) {
			boolean met = allRunning || type.equals("PodScheduled") || type.equals("Initialized");
			conditions.addObject().put("type", type).put("status", met ? "True" : "False").put("lastTransitionTime", started);
		}
		pod.withObject("/metadata").put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
		pods.put(key, pod);
	}

	private ObjectNode list(String kind, List<ObjectNode> items, Map<String, String> query) {
		LabelSelector selector = LabelSelector.parse(query.getOrDefault("labelSelector", ""));
		ObjectNode list = NODES.objectNode().put("apiVersion", "v1").put("kind", kind);
		list.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion.get()));
		ArrayNode array = list.putArray("items");
		items.stream()
			.filter(item -> selector.matches(item.path("metadata").path("labels")))
			.sorted((a, b) -> a.path("metadata").path("name").asString().compareTo(b.path("metadata").path("name").asString()))
			.forEach(array::add);
		return list;
	}

	private void stamp(ObjectNode metadata, ObjectNode previous) {
		metadata.put("uid", previous == null ? UUID.randomUUID().toString() : previous.path("uid").asString());
		metadata.put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
		metadata.put("creationTimestamp", previous == null ? now() : previous.path("creationTimestamp").asString());
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

	private static String now() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
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

	private static Answer notFound(String resource, String name) {
		return status(404, "NotFound", resource + " \"" + name + "\" not found");
	}

	private static Answer methodNotAllowed() {
		return status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
	}

	/** A Kubernetes {@code Status}, as the API server answers every failure. */
	private static Answer status(int code, String reason, String message) {
		ObjectNode status = NODES.objectNode().put("kind", "Status").put("apiVersion", "v1");
		status.putObject("metadata");
		status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
		return new Answer(code, status);
	}

	/** One request as the server saw it; {@code query} is decoded. */
	public record RecordedRequest(String method, String path, Map<String, String> query, String contentType,
			String body) {
	}

	private record Answer(int code, ObjectNode body) {
	}

	/** The equality-based label selectors: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a}, {@code !a}. */
	private record LabelSelector(List<String[]> requirements) {

		static LabelSelector parse(String text) {
			List<String[]> requirements = new ArrayList<>();
			for (String part : text.split(",")) {
				String requirement = part.strip();
				if (requirement.isEmpty()) {
					continue;
				}
				String[] split;
				if (requirement.contains("!=")) {
					split = new String[] { "!=", requirement.substring(0, requirement.indexOf("!=")).strip(),
							requirement.substring(requirement.indexOf("!=") + 2).strip() };
				}
				else if (requirement.contains("=")) {
					String[] sides = requirement.split("==?", 2);
					split = new String[] { "=", sides[0].strip(), sides[1].strip() };
				}
				else if (requirement.startsWith("!")) {
					split = new String[] { "!", requirement.substring(1).strip(), null };
				}
				else {
					split = new String[] { "exists", requirement, null };
				}
				requirements.add(split);
			}
			return new LabelSelector(requirements);
		}

		boolean matches(JsonNode labels) {
			for (String[] requirement : requirements) {
				JsonNode value = labels.path(requirement[1]);
				boolean ok = switch (requirement[0]) {
					case "=" -> value.isString() && value.asString().equals(requirement[2]);
					case "!=" -> !value.isString() || !value.asString().equals(requirement[2]);
					case "!" -> value.isMissingNode();
					default -> !value.isMissingNode();
				};
				if (!ok) {
					return false;
				}
			}
			return true;
		}
	}
}
