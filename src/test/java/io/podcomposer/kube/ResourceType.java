package io.podcomposer.kube;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A resource the fake API server serves, with what discovery says of it. */
record ResourceType(String group, String version, String plural, String kind, boolean namespaced,
		List<String> shortNames, List<String> subresources) {

	static final ResourceType NAMESPACES = new ResourceType("", "v1", "namespaces", "Namespace", false, List.of("ns"),
			List.of("status"));

	static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true, List.of("po"),
			List.of("log", "status"));

	static final ResourceType EVENTS = new ResourceType("", "v1", "events", "Event", true, List.of("ev"), List.of());

	static final ResourceType DEPLOYMENTS = new ResourceType("apps", "v1", "deployments", "Deployment", true,
			List.of("deploy"), List.of("scale", "status"));

	static final ResourceType REPLICASETS = new ResourceType("apps", "v1", "replicasets", "ReplicaSet", true,
			List.of("rs"), List.of("scale", "status"));

	static final ResourceType STATEFULSETS = new ResourceType("apps", "v1", "statefulsets", "StatefulSet", true,
			List.of("sts"), List.of("scale", "status"));

	static final ResourceType DAEMONSETS = new ResourceType("apps", "v1", "daemonsets", "DaemonSet", true,
			List.of("ds"), List.of("status"));

	static final ResourceType JOBS = new ResourceType("batch", "v1", "jobs", "Job", true, List.of(), List.of("status"));

	static final ResourceType CRONJOBS = new ResourceType("batch", "v1", "cronjobs", "CronJob", true, List.of("cj"),
			List.of("status"));

	static final List<ResourceType> ALL = List.of(NAMESPACES, PODS, EVENTS, DEPLOYMENTS, REPLICASETS, STATEFULSETS,
			DAEMONSETS, JOBS, CRONJOBS);

	private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
			"update", "watch");

	String apiVersion() {
		return group.isEmpty() ? version : group + "/" + version;
	}

	/** How error messages name the resource: {@code pods}, {@code deployments.apps}. */
	String qualifiedPlural() {
		return group.isEmpty() ? plural : plural + "." + group;
	}

	/** How validation messages name the kind: {@code Pod}, {@code Deployment.apps}. */
	String qualifiedKind() {
		return group.isEmpty() ? kind : kind + "." + group;
	}

	boolean isWorkload() {
		return !group.isEmpty();
	}

	static Optional<ResourceType> of(String group, String version, String plural) {
		return ALL.stream()
			.filter(type -> type.group.equals(group) && type.version.equals(version) && type.plural.equals(plural))
			.findFirst();
	}

	static Optional<ResourceType> ofKind(String apiVersion, String kind) {
		return ALL.stream().filter(type -> type.apiVersion().equals(apiVersion) && type.kind.equals(kind)).findFirst();
	}

	/** The {@code APIResourceList} discovery answers for one group version. */
	static ObjectNode resourceList(String groupVersion) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode list = nodes.objectNode().put("kind", "APIResourceList").put("apiVersion", "v1");
		list.put("groupVersion", groupVersion);
		ArrayNode resources = list.putArray("resources");
		for (ResourceType type : ALL) {
			if (!type.apiVersion().equals(groupVersion)) {
				continue;
			}
			ObjectNode resource = resources.addObject()
				.put("name", type.plural)
				.put("singularName", type.kind.toLowerCase())
				.put("namespaced", type.namespaced)
				.put("kind", type.kind);
			VERBS.forEach(resource.putArray("verbs")::add);
			if (!type.shortNames.isEmpty()) {
				type.shortNames.forEach(resource.putArray("shortNames")::add);
			}
			if (type.isWorkload()) {
				resource.putArray("categories").add("all");
			}
			for (String subresource : type.subresources) {
				ObjectNode sub = resources.addObject()
					.put("name", type.plural + "/" + subresource)
					.put("singularName", "")
					.put("namespaced", type.namespaced)
					.put("kind", subresource.equals("scale") ? "Scale" : subresource.equals("log") ? "Pod" : type.kind);
				if (subresource.equals("scale")) {
					sub.put("group", "autoscaling").put("version", "v1");
				}
				ArrayNode verbs = sub.putArray("verbs").add("get");
				if (!subresource.equals("log")) {
					verbs.add("patch").add("update");
				}
			}
		}
		return list;
	}

	/** The {@code APIGroupList} of {@code /apis}. */
	static ObjectNode groupList() {
		ObjectNode groups = JsonNodeFactory.instance.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
		ArrayNode array = groups.putArray("groups");
		ALL.stream().map(ResourceType::group).filter(group -> !group.isEmpty()).distinct().forEach(group -> {
			ObjectNode entry = array.addObject().put("name", group);
			entry.putArray("versions").addObject().put("groupVersion", group + "/v1").put("version", "v1");
			entry.putObject("preferredVersion").put("groupVersion", group + "/v1").put("version", "v1");
		});
		return groups;
	}
}
