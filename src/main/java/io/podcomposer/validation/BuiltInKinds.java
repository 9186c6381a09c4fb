package io.podcomposer.validation;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kubernetes.client.common.KubernetesObject;

/**
 * The built-in kinds of the Kubernetes release client-java was generated from, by
 * apiVersion and kind, each with its model class.
 * <p>
 * Read from the client's API classes, not from its {@code ModelMapper}: that one tells a
 * model's group only by a class name prefix most models lack ({@code V1Deployment}), so
 * it takes any group for them, and a custom resource {@code example.com/v1 Deployment}
 * would pass for an apps/v1 one. Each API class serves one group and version
 * ({@code AppsV1Api}) and takes each kind it creates as the body of
 * {@code create[Namespaced]<Kind>}; subresources ({@code createNamespacedPodBinding}
 * taking a {@code V1Binding}) are left out by the kind not matching the method's name.
 */
final class BuiltInKinds {

	/**
	 * The Kubernetes release the models were generated from: client-java 27.0.0 from
	 * release-1.36 (see docs/VALIDATION.md for moving to the next).
	 */
	static final String KUBERNETES_VERSION = "1.36";

	static final String MODELS_PACKAGE = "io.kubernetes.client.openapi.models.";

	private static final String APIS_PACKAGE = "io.kubernetes.client.openapi.apis.";

	/**
	 * An API class's name prefix and the group it serves; the version follows the prefix.
	 */
	private static final Map<String, String> GROUPS = Map.ofEntries(Map.entry("Core", ""),
			Map.entry("Admissionregistration", "admissionregistration.k8s.io"),
			Map.entry("Apiextensions", "apiextensions.k8s.io"), Map.entry("Apiregistration", "apiregistration.k8s.io"),
			Map.entry("Apps", "apps"), Map.entry("Authentication", "authentication.k8s.io"),
			Map.entry("Authorization", "authorization.k8s.io"), Map.entry("Autoscaling", "autoscaling"),
			Map.entry("Batch", "batch"), Map.entry("Certificates", "certificates.k8s.io"),
			Map.entry("Coordination", "coordination.k8s.io"), Map.entry("Discovery", "discovery.k8s.io"),
			Map.entry("Events", "events.k8s.io"), Map.entry("FlowcontrolApiserver", "flowcontrol.apiserver.k8s.io"),
			Map.entry("InternalApiserver", "internal.apiserver.k8s.io"), Map.entry("Networking", "networking.k8s.io"),
			Map.entry("Node", "node.k8s.io"), Map.entry("Policy", "policy"),
			Map.entry("RbacAuthorization", "rbac.authorization.k8s.io"), Map.entry("Resource", "resource.k8s.io"),
			Map.entry("Scheduling", "scheduling.k8s.io"), Map.entry("Storage", "storage.k8s.io"),
			Map.entry("Storagemigration", "storagemigration.k8s.io"));

	private static final String[] VERSIONS = { "V1", "V2", "V1beta1", "V1beta2", "V1beta3", "V2beta1", "V2beta2",
			"V1alpha1", "V1alpha2", "V1alpha3", "V2alpha1" };

	/** A model class name: an optional group prefix, the version, the kind. */
	private static final Pattern MODEL_NAME = Pattern
		.compile("^(?:[A-Z][a-z]+)*?(V[0-9]+(?:(?:alpha|beta)[0-9]+)?)([A-Z].*)$");

	private static final Pattern CREATE = Pattern.compile("^create(?:Namespaced)?([A-Z].*)$");

	/**
	 * Built on first use: loading the API classes takes a moment the portal's start need
	 * not wait for.
	 */
	private static final class Holder {

		static final Map<String, Class<?>> BY_API_VERSION_AND_KIND = read();

	}

	private BuiltInKinds() {
	}

	/**
	 * The model class of a built-in kind, or null for any other (a custom resource, a
	 * typo).
	 */
	static Class<?> modelClass(String apiVersion, String kind) {
		return Holder.BY_API_VERSION_AND_KIND.get(apiVersion + " " + kind);
	}

	/**
	 * Whether the apiVersion names a group the API server serves itself
	 * ({@code apps/v1beta1}, {@code v1}): a kind it does not know there is no custom
	 * resource but a mistake.
	 */
	static boolean isBuiltInGroup(String apiVersion) {
		int slash = apiVersion.indexOf('/');
		return (slash < 0) ? !apiVersion.isEmpty() : GROUPS.containsValue(apiVersion.substring(0, slash));
	}

	/** Every kind, for tests. */
	static Map<String, Class<?>> all() {
		return Holder.BY_API_VERSION_AND_KIND;
	}

	/**
	 * A model class name's Go package (its version, lower-case) and kind:
	 * {@code V1Deployment} gives {@code v1} and {@code Deployment}; null for a name of no
	 * version.
	 */
	static String[] versionAndKind(String simpleName) {
		Matcher matcher = MODEL_NAME.matcher(simpleName);
		if (!matcher.matches()) {
			return null;
		}
		return new String[] { matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2) };
	}

	private static Map<String, Class<?>> read() {
		Map<String, Class<?>> kinds = new HashMap<>();
		GROUPS.forEach((prefix, group) -> {
			for (String version : VERSIONS) {
				Class<?> api = apiClass(prefix + version + "Api");
				if (api == null) {
					continue;
				}
				String apiVersion = (group.isEmpty() ? "" : group + "/") + version.toLowerCase(Locale.ROOT);
				for (Method method : api.getMethods()) {
					Matcher create = CREATE.matcher(method.getName());
					Class<?>[] parameters = method.getParameterTypes();
					if (!create.matches() || parameters.length == 0) {
						continue;
					}
					Class<?> body = parameters[parameters.length - 1];
					String[] versionAndKind = versionAndKind(body.getSimpleName());
					if (KubernetesObject.class.isAssignableFrom(body) && versionAndKind != null
							&& versionAndKind[1].equals(create.group(1))) {
						kinds.put(apiVersion + " " + versionAndKind[1], body);
					}
				}
			}
		});
		return Map.copyOf(kinds);
	}

	private static Class<?> apiClass(String name) {
		try {
			return Class.forName(APIS_PACKAGE + name, false, BuiltInKinds.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

}
