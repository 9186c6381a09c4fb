package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * The fields the form has inputs for, level by level. Every other field is kept as it came and
 * listed as "kept from YAML"; those of the pod spec, the workload spec and each container can
 * be edited as YAML in place.
 */
final class KnownFields {

	static final Set<String> ROOT = Set.of("apiVersion", "kind", "metadata", "spec");

	static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations");

	static final Set<String> TEMPLATE_METADATA = Set.of("labels", "annotations");

	static final Set<String> WORKLOAD_SPEC = Set.of("replicas", "serviceName", "schedule", "concurrencyPolicy",
			"completions", "parallelism", "backoffLimit", "ttlSecondsAfterFinished", "selector", "template",
			"jobTemplate");

	static final Set<String> POD_SPEC = Set.of("containers", "initContainers", "volumes", "restartPolicy",
			"shareProcessNamespace", "hostIPC", "hostPID", "hostNetwork", "dnsPolicy", "serviceAccountName",
			"automountServiceAccountToken", "terminationGracePeriodSeconds", "nodeSelector", "tolerations",
			"imagePullSecrets", "priorityClassName", "securityContext");

	static final Set<String> POD_SECURITY_CONTEXT = Set.of("runAsUser", "runAsGroup", "fsGroup", "runAsNonRoot",
			"seccompProfile");

	static final Set<String> CONTAINER = Set.of("name", "image", "imagePullPolicy", "command", "args", "workingDir",
			"ports", "env", "envFrom", "resources", "livenessProbe", "readinessProbe", "startupProbe",
			"volumeMounts", "securityContext", "stdin", "tty", "restartPolicy");

	static final Set<String> CONTAINER_SECURITY_CONTEXT = Set.of("runAsUser", "runAsGroup", "runAsNonRoot",
			"privileged", "allowPrivilegeEscalation", "readOnlyRootFilesystem", "capabilities");

	private KnownFields() {
	}

	/**
	 * Paths of the fields the form keeps without showing an input for them, as in
	 * {@code affinity} or {@code containers[0].lifecycle} (relative to the pod spec) and
	 * {@code spec.strategy} or {@code metadata.finalizers} (relative to the object).
	 */
	static List<String> keptPaths(Manifest manifest) {
		List<String> kept = new ArrayList<>();
		JsonNode root = manifest.root();
		unknown(root, ROOT, "", kept);
		unknown(root.path("metadata"), METADATA, "metadata.", kept);
		if (!manifest.kind().isPod()) {
			unknown(manifest.podTemplate().path("metadata"), TEMPLATE_METADATA, "template metadata.", kept);
			unknown(root.path("spec"), WORKLOAD_SPEC, "spec.", kept);
			if (manifest.kind() == WorkloadKind.CRON_JOB) {
				unknown(root.path("spec").path("jobTemplate").path("spec"), WORKLOAD_SPEC, "jobTemplate.spec.", kept);
			}
		}
		JsonNode podSpec = manifest.podSpec();
		unknown(podSpec, POD_SPEC, "", kept);
		unknown(podSpec.path("securityContext"), POD_SECURITY_CONTEXT, "securityContext.", kept);
		for (String list : List.of("initContainers", "containers")) {
			JsonNode containers = podSpec.path(list);
			for (int i = 0; i < containers.size(); i++) {
				String prefix = list + "[" + i + "].";
				// path, not get: a mapping typed where the list belongs has a size but no items by index
				unknown(containers.path(i), CONTAINER, prefix, kept);
				unknown(containers.path(i).path("securityContext"), CONTAINER_SECURITY_CONTEXT,
						prefix + "securityContext.", kept);
			}
		}
		return kept;
	}

	private static void unknown(JsonNode object, Set<String> known, String prefix, List<String> kept) {
		if (object.isObject()) {
			object.propertyNames().stream().filter((key) -> !known.contains(key)).forEach((key) -> kept.add(prefix + key));
		}
	}

}
