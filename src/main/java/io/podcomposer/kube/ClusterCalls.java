package io.podcomposer.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.common.KubernetesType;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.openapi.models.V1StatusCause;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.DeleteOptions;
import io.kubernetes.client.util.generic.options.ListOptions;
import io.kubernetes.client.util.generic.options.PatchOptions;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls a deploy makes to one cluster: server-side apply, get, delete and list of the
 * kinds the portal composes, namespaces, events and pod logs. Answers come back as
 * Jackson trees, so that client-java's Gson models stay in here. Every failure is a
 * {@link ClusterCallException} quoting the cluster.
 */
public final class ClusterCalls {

	/** The field manager of every server-side apply the portal makes. */
	public static final String FIELD_MANAGER = "pod-composer";

	private final KubeConnection connection;

	private final ApiClient client;

	/**
	 * @param client built from the connection, perhaps for an earlier call
	 * ({@link KubeClients})
	 */
	public ClusterCalls(KubeConnection connection, ApiClient client) {
		this.connection = connection;
		this.client = client;
	}

	/** The namespace, or empty when the cluster has none of that name. */
	public Optional<JsonNode> namespace(String name) {
		return found(call(() -> dynamic("", "v1", "namespaces").get(name)), "Namespace");
	}

	/**
	 * Every namespace we may list, with its labels (the deploy form shows their Pod
	 * Security levels).
	 */
	public List<JsonNode> namespaces() {
		return items(succeeded(call(() -> dynamic("", "v1", "namespaces").list())), "NamespaceList");
	}

	/**
	 * Server-side apply of the object into the namespace, as {@link #FIELD_MANAGER}; with
	 * {@code dryRun} the cluster runs every check, admission included, and stores
	 * nothing. Both ask for strict field validation ({@link StrictFieldValidation}).
	 * @return the object as the cluster stored it, or would have
	 */
	public JsonNode apply(WorkloadKind kind, String namespace, JsonNode object, boolean dryRun, boolean force) {
		PatchOptions options = new PatchOptions().fieldManager(FIELD_MANAGER).force(force);
		if (dryRun) {
			options.dryRun("All");
		}
		V1Patch patch = new V1Patch(JsonMapper.shared().writeValueAsString(object));
		String name = object.path("metadata").path("name").asString();
		return object(
				succeeded(
						call(() -> api(kind).patch(namespace, name, V1Patch.PATCH_FORMAT_APPLY_YAML, patch, options))),
				kind.kindName());
	}

	/** The live object, or empty when there is none. */
	public Optional<JsonNode> get(WorkloadKind kind, String namespace, String name) {
		return found(call(() -> api(kind).get(namespace, name)), kind.kindName());
	}

	/**
	 * Deletes the object and, in the background, what it owns (a workload's pods).
	 * @return false when there was nothing to delete
	 */
	public boolean delete(WorkloadKind kind, String namespace, String name) {
		DeleteOptions options = new DeleteOptions();
		options.setPropagationPolicy("Background");
		// a success answers the object, or a Status when the server deletes in the
		// background
		return succeededWith2xx(call(() -> api(kind).delete(namespace, name, options)));
	}

	/** The objects of this kind in the namespace that match the label selector. */
	public List<JsonNode> list(WorkloadKind kind, String namespace, String labelSelector) {
		return items(succeeded(call(() -> api(kind).list(namespace, new ListOptions().labelSelector(labelSelector)))),
				kind.kindName() + "List");
	}

	/** The events of the namespace about the object of this kind and name. */
	public List<JsonNode> events(String namespace, String kind, String name) {
		String selector = "involvedObject.kind=" + kind + ",involvedObject.name=" + name;
		return items(
				succeeded(call(
						() -> dynamic("", "v1", "events").list(namespace, new ListOptions().fieldSelector(selector)))),
				"EventList");
	}

	/** The last lines of a container's log. */
	public String logs(String namespace, String pod, String container, int tailLines) {
		try {
			return new CoreV1Api(this.client).readNamespacedPodLog(pod, namespace)
				.container(container)
				.tailLines(tailLines)
				.execute();
		}
		catch (ApiException ex) {
			if (ex.getCode() == 0) {
				throw transportFailure(ex.getCause() != null ? ex.getCause() : ex);
			}
			throw new ClusterCallException(ex.getCode(), false, null, ClusterFailure.describe(ex, this.connection),
					List.of());
		}
	}

	private DynamicKubernetesApi api(WorkloadKind kind) {
		String apiVersion = kind.apiVersion();
		int slash = apiVersion.indexOf('/');
		String group = (slash < 0) ? "" : apiVersion.substring(0, slash);
		return dynamic(group, apiVersion.substring(slash + 1), kind.resource());
	}

	private DynamicKubernetesApi dynamic(String group, String version, String resource) {
		return new DynamicKubernetesApi(group, version, resource, this.client);
	}

	/**
	 * Makes the call, and turns a failed answer or a failed connection into a
	 * {@link ClusterCallException}. A 404 answer is passed back: whether it is a failure
	 * is the caller's to say.
	 */
	private <T extends KubernetesType> KubernetesApiResponse<T> call(Supplier<KubernetesApiResponse<T>> call) {
		KubernetesApiResponse<T> response;
		try {
			response = call.get();
		}
		catch (RuntimeException ex) {
			throw transportFailure(ex);
		}
		if (succeededWith2xx(response) || response.getHttpStatusCode() == 404 && isNotFound(response.getStatus())) {
			return response;
		}
		throw refused(response.getHttpStatusCode(), response.getStatus());
	}

	/**
	 * A success, as a Kubernetes API server answers it: the client takes any answer
	 * without a Status for one.
	 */
	private static boolean succeededWith2xx(KubernetesApiResponse<?> response) {
		return response.isSuccess() && response.getHttpStatusCode() / 100 == 2;
	}

	/** The answer when it is a success; a "not found" is a failure here. */
	private static <T extends KubernetesType> KubernetesApiResponse<T> succeeded(KubernetesApiResponse<T> response) {
		if (!succeededWith2xx(response)) {
			throw refused(response.getHttpStatusCode(), response.getStatus());
		}
		return response;
	}

	/**
	 * A 404 that says the object is not there, not that the whole resource or namespace
	 * is unknown.
	 */
	private static boolean isNotFound(V1Status status) {
		return status != null && "NotFound".equals(status.getReason());
	}

	private ClusterCallException transportFailure(Throwable cause) {
		return new ClusterCallException(0, ClusterFailure.isTimeout(cause), null,
				ClusterFailure.transportFailure(cause, this.connection), List.of());
	}

	private static ClusterCallException refused(int code, V1Status given) {
		// only a Status is the cluster's word: any other body is not quoted
		V1Status status = (given != null && ClusterFailure.isStatus(given.getKind())) ? given : null;
		if (status == null || status.getMessage() == null) {
			return new ClusterCallException(code, false, null, ClusterFailure.notKubernetes(code, null), List.of());
		}
		String said = status.getMessage();
		List<ClusterCallException.FieldConflict> conflicts = new ArrayList<>();
		if (status.getDetails() != null && status.getDetails().getCauses() != null) {
			for (V1StatusCause cause : status.getDetails().getCauses()) {
				if ("FieldManagerConflict".equals(cause.getReason())) {
					conflicts
						.add(new ClusterCallException.FieldConflict(manager(cause.getMessage()), cause.getField()));
				}
			}
		}
		// the API server answers an undeclared field in an apply with a 500
		// (kubernetes/kubernetes#122480):
		// the object is at fault, not the cluster, so it counts as the 400 it should have
		// been
		int refusedCode = (code >= 500 && ClusterFailure.refusesFields(said)) ? 400 : code;
		return new ClusterCallException(refusedCode, false, status.getReason(), ClusterFailure.describe(code, said),
				conflicts);
	}

	/** The manager's name out of {@code conflict with "kubectl" using v1}. */
	private static String manager(String message) {
		if (message == null) {
			return "";
		}
		int open = message.indexOf('"');
		int close = message.indexOf('"', open + 1);
		return (open >= 0 && close > open) ? message.substring(open + 1, close) : message;
	}

	/** The object, or empty for a "not found". */
	private Optional<JsonNode> found(KubernetesApiResponse<DynamicKubernetesObject> response, String kind) {
		return succeededWith2xx(response) ? Optional.of(object(response, kind)) : Optional.empty();
	}

	/**
	 * The object answered, when it is of the kind asked for: a server that answers
	 * anything else is no Kubernetes API server, and what it said is not passed on.
	 */
	private JsonNode object(KubernetesApiResponse<DynamicKubernetesObject> response, String kind) {
		DynamicKubernetesObject object = response.getObject();
		if (object == null || !kind.equals(kindOf(object.getRaw()))) {
			throw notKubernetes();
		}
		return tree(object.getRaw());
	}

	/** The items of the list answered, when it is the kind of list asked for. */
	private List<JsonNode> items(KubernetesApiResponse<DynamicKubernetesListObject> response, String listKind) {
		DynamicKubernetesListObject list = response.getObject();
		if (list == null || !listKind.equals(kindOf(list.getRaw())) || list.getItems() == null) {
			throw notKubernetes();
		}
		return list.getItems().stream().map((item) -> tree(item.getRaw())).toList();
	}

	/** The {@code kind} of an answer; null without one. */
	private static String kindOf(JsonObject raw) {
		JsonElement kind = (raw == null) ? null : raw.get("kind");
		return (kind != null && kind.isJsonPrimitive()) ? kind.getAsString() : null;
	}

	private ClusterCallException notKubernetes() {
		return new ClusterCallException(0, false, null, ClusterFailure.notKubernetes(this.connection), List.of());
	}

	private static JsonNode tree(JsonObject raw) {
		return JsonMapper.shared().readTree(raw.toString());
	}

}
