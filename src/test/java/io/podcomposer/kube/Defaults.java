package io.podcomposer.kube;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The defaults the API server fills into what it stores, as far as the portal reads them
 * back.
 */
final class Defaults {

	private Defaults() {
	}

	/**
	 * Defaults of an object of the given type; the pod template of a workload gets the
	 * pod defaults.
	 */
	static void apply(ResourceType type, ObjectNode object) {
		ObjectNode spec = object.withObject("/spec");
		if (type.equals(ResourceType.PODS)) {
			podSpec(spec, true);
			return;
		}
		if (type.equals(ResourceType.DEPLOYMENTS) || type.equals(ResourceType.REPLICASETS)
				|| type.equals(ResourceType.STATEFULSETS)) {
			if (!spec.has("replicas")) {
				spec.put("replicas", 1);
			}
		}
		if (type.equals(ResourceType.DEPLOYMENTS)) {
			putIfAbsent(spec, "revisionHistoryLimit", 10);
			putIfAbsent(spec, "progressDeadlineSeconds", 600);
		}
		if (type.equals(ResourceType.JOBS)) {
			putIfAbsent(spec, "parallelism", 1);
			putIfAbsent(spec, "completions", 1);
			putIfAbsent(spec, "backoffLimit", 6);
		}
		JsonNode podSpec = type.equals(ResourceType.CRONJOBS) ? spec.at("/jobTemplate/spec/template/spec")
				: spec.at("/template/spec");
		if (podSpec instanceof ObjectNode templateSpec) {
			// a Job's pods must say how they restart: the API server refuses the default
			boolean job = type.equals(ResourceType.JOBS) || type.equals(ResourceType.CRONJOBS);
			podSpec(templateSpec, !job);
		}
	}

	static void pod(ObjectNode pod) {
		podSpec(pod.withObject("/spec"), true);
	}

	private static void podSpec(ObjectNode spec, boolean restartAlways) {
		if (restartAlways && !spec.has("restartPolicy")) {
			spec.put("restartPolicy", "Always");
		}
		putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
		if (!spec.has("dnsPolicy")) {
			spec.put("dnsPolicy", "ClusterFirst");
		}
		if (!spec.has("schedulerName")) {
			spec.put("schedulerName", "default-scheduler");
		}
		for (String field : new String[] { "initContainers", "containers" }) {
			for (JsonNode container : spec.path(field)) {
				if (container instanceof ObjectNode c && !c.has("imagePullPolicy")) {
					String image = c.path("image").asString("");
					boolean latest = image.endsWith(":latest")
							|| !image.substring(image.lastIndexOf('/') + 1).contains(":");
					c.put("imagePullPolicy", latest && !image.contains("@") ? "Always" : "IfNotPresent");
					c.put("terminationMessagePath", "/dev/termination-log");
					c.put("terminationMessagePolicy", "File");
				}
			}
		}
	}

	private static void putIfAbsent(ObjectNode node, String field, int value) {
		if (!node.has(field)) {
			node.put(field, value);
		}
	}

}
