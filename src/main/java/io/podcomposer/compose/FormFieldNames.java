package io.podcomposer.compose;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podcomposer.compose.FieldPath.Step;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * Where a finding belongs in the form: the name of the input for an API field path, as
 * {@code spec.template.spec.containers[1].name} gives {@code containers[1].name}. A field the
 * form shows in a row or a select of its own gives that input; a field the form keeps as YAML
 * gives its "other fields" text area; anything else gives null, and the finding stays in the
 * preview's summary only.
 */
final class FormFieldNames {

	/** Fields with an input of the same name, prefixed by their part of the form. */
	private static final Set<String> POD_FIELDS = Set.of("restartPolicy", "dnsPolicy", "terminationGracePeriodSeconds",
			"serviceAccountName", "automountServiceAccountToken", "priorityClassName", "shareProcessNamespace",
			"hostIPC", "hostPID", "hostNetwork");

	private static final Set<String> WORKLOAD_FIELDS = Set.of("replicas", "serviceName", "schedule",
			"concurrencyPolicy", "completions", "parallelism", "backoffLimit", "ttlSecondsAfterFinished");

	private static final Set<String> CONTAINER_FIELDS = Set.of("name", "image", "imagePullPolicy", "command", "args",
			"workingDir", "stdin", "tty", "restartPolicy");

	private static final Set<String> CONTAINER_SECURITY_FIELDS = Set.of("runAsUser", "runAsGroup", "runAsNonRoot",
			"privileged", "allowPrivilegeEscalation", "readOnlyRootFilesystem");

	private static final Set<String> PROBE_FIELDS = Set.of("initialDelaySeconds", "periodSeconds", "timeoutSeconds",
			"successThreshold", "failureThreshold");

	/** The resources grid: requests or limits, then the resource. */
	private static final Map<String, String> RESOURCES = Map.of("cpu", "Cpu", "memory", "Memory",
			"ephemeral-storage", "EphemeralStorage");

	/** A probe handler's fields: the form shows one set of inputs for all handlers. */
	private static final Map<String, String> PROBE_HANDLER_FIELDS = Map.of("path", "path", "port", "port",
			"scheme", "scheme", "command", "command", "service", "grpcService");

	/** A volume source's fields, by the input that edits them. */
	private static final Map<String, String> VOLUME_SOURCE_FIELDS = Map.of("medium", "medium", "sizeLimit",
			"sizeLimit", "name", "sourceName", "secretName", "sourceName", "claimName", "sourceName", "items", "items",
			"readOnly", "readOnly", "path", "path", "type", "hostPathType");

	private FormFieldNames() {
	}

	/** The input's name, or null when the form has none for the path. */
	static String of(String apiPath, Manifest manifest) {
		FieldPath path = FieldPath.parse(apiPath);
		WorkloadKind kind = manifest.kind();
		String template = String.join(".", kind.templatePath());
		if (path.startsWith(kind.podSpecPath())) {
			return podField(path.drop(FieldPath.parse(kind.podSpecPath()).size()), manifest.podSpec());
		}
		if (!kind.isPod() && path.startsWith(template + ".metadata")) {
			return metadataField(path.drop(FieldPath.parse(template).size() + 1), manifest);
		}
		if (path.startsWith("metadata")) {
			return metadataField(path.drop(1), manifest);
		}
		if (!kind.isPod() && path.startsWith("spec")) {
			// a CronJob's Job fields sit under jobTemplate.spec, and the form shows them with the rest
			FieldPath spec = path.drop(1);
			FieldPath field = (kind == WorkloadKind.CRON_JOB && spec.startsWith("jobTemplate.spec")) ? spec.drop(2) : spec;
			return (field.size() == 1 && WORKLOAD_FIELDS.contains(field.step(0).text())) ? "workload." + field.step(0).text()
					: null;
		}
		return null;
	}

	private static String metadataField(FieldPath path, Manifest manifest) {
		Step field = path.step(0);
		if (field.isField("name") || field.isField("namespace")) {
			return field.text();
		}
		if (field.isField("labels") || field.isField("annotations")) {
			// the rows are the pod's labels and annotations, in their order
			return keyRow(field.text(), path.step(1), manifest.podMetadata().path(field.text()));
		}
		return null;
	}

	/** The row of a map key, with a problem of the key or its value shown by the value. */
	private static String keyRow(String prefix, Step key, JsonNode map) {
		if (!key.bracketed() || !map.isObject()) {
			return null;
		}
		List<String> keys = map.propertyNames().stream().toList();
		int row = keys.indexOf(key.text());
		return (row < 0) ? null : prefix + "[" + row + "].value";
	}

	private static String podField(FieldPath path, JsonNode spec) {
		Step field = path.step(0);
		String name = field.text();
		if ((field.isField("containers") || field.isField("initContainers")) && path.step(1).index() >= 0) {
			return containerField(name + "[" + path.step(1).index() + "].", path.drop(2));
		}
		if (field.isField("volumes") && path.step(1).index() >= 0) {
			return volumeField("volumes[" + path.step(1).index() + "].", path.drop(2));
		}
		if (POD_FIELDS.contains(name) && !field.bracketed()) {
			return "pod." + name;
		}
		return switch (name) {
			case "nodeSelector" -> keyRow("pod.nodeSelector", path.step(1), spec.path("nodeSelector"));
			case "tolerations" -> (path.step(1).index() >= 0) ? "pod.tolerations[" + path.step(1).index() + "]."
					+ (Set.of("operator", "value", "effect", "tolerationSeconds").contains(path.step(2).text())
							? path.step(2).text() : "key")
					: null;
			case "imagePullSecrets" -> "pod.imagePullSecrets";
			case "securityContext" -> podSecurityField(path.drop(1));
			case "ephemeralContainers" -> null;
			default -> KnownFields.POD_SPEC.contains(name) || name.isEmpty() ? null : "pod.otherYaml";
		};
	}

	private static String podSecurityField(FieldPath path) {
		String name = path.step(0).text();
		// the API server names the spec's shareProcessNamespace as if it were the security context's
		if (Set.of("runAsUser", "runAsGroup", "fsGroup", "runAsNonRoot", "shareProcessNamespace").contains(name)) {
			return "pod." + name;
		}
		if ("seccompProfile".equals(name)) {
			return path.step(1).isField("localhostProfile") ? "pod.seccompLocalhostProfile" : "pod.seccompProfile";
		}
		return null;
	}

	private static String containerField(String prefix, FieldPath path) {
		Step field = path.step(0);
		String name = field.text();
		if (path.size() == 0) {
			return prefix + "name";
		}
		if (CONTAINER_FIELDS.contains(name)) {
			return prefix + name;
		}
		int row = path.step(1).index();
		String sub = path.step(2).text();
		return switch (name) {
			case "ports" -> (row < 0) ? null : prefix + "ports[" + row + "]."
					+ (Set.of("name", "protocol", "hostPort").contains(sub) ? sub : "containerPort");
			case "env" -> (row < 0) ? null : prefix + "env[" + row + "]." + ("value".equals(sub) ? "value" : "name");
			case "envFrom" -> (row < 0) ? null : prefix + "envFrom[" + row + "].name";
			case "volumeMounts" -> (row < 0) ? null : prefix + "volumeMounts[" + row + "]."
					+ (Set.of("name", "subPath", "readOnly").contains(sub) ? sub : "mountPath");
			case "resources" -> prefix + resourcesField(path.drop(1));
			case "livenessProbe", "readinessProbe", "startupProbe" -> prefix + name + "." + probeField(path.drop(1));
			case "securityContext" -> containerSecurityField(prefix, path.drop(1));
			default -> KnownFields.CONTAINER.contains(name) ? null : prefix + "otherYaml";
		};
	}

	/** requests.memory gives requestsMemory; a missing requests or limits, their CPU input. */
	private static String resourcesField(FieldPath path) {
		String list = path.step(0).isField("limits") ? "limits" : "requests";
		return list + RESOURCES.getOrDefault(path.step(1).text(), "Cpu");
	}

	private static String probeField(FieldPath path) {
		String name = path.step(0).text();
		if (PROBE_FIELDS.contains(name)) {
			return name;
		}
		String handlerField = PROBE_HANDLER_FIELDS.get(path.step(1).text());
		return (FormReader.PROBE_HANDLERS.contains(name) && handlerField != null) ? handlerField : "handler";
	}

	private static String containerSecurityField(String prefix, FieldPath path) {
		String name = path.step(0).text();
		if (CONTAINER_SECURITY_FIELDS.contains(name)) {
			return prefix + name;
		}
		if ("capabilities".equals(name)) {
			return prefix + (path.step(1).isField("drop") ? "capabilitiesDrop" : "capabilitiesAdd");
		}
		return null;
	}

	private static String volumeField(String prefix, FieldPath path) {
		String name = path.step(0).text();
		if (path.size() == 0 || "name".equals(name)) {
			return prefix + "name";
		}
		if (!FormReader.FORM_VOLUME_TYPES.contains(name)) {
			return prefix + "sourceYaml";
		}
		// a hostPath volume is about the directory of the node
		String source = "hostPath".equals(name) && path.size() == 1 ? "path" : VOLUME_SOURCE_FIELDS.get(path.step(1).text());
		return prefix + ((source != null) ? source : "type");
	}

}
