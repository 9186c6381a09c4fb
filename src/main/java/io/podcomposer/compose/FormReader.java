package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.podcomposer.compose.ComposeForm.ContainerForm;
import io.podcomposer.compose.ComposeForm.EnvForm;
import io.podcomposer.compose.ComposeForm.EnvFromForm;
import io.podcomposer.compose.ComposeForm.KeyValue;
import io.podcomposer.compose.ComposeForm.MountForm;
import io.podcomposer.compose.ComposeForm.PortForm;
import io.podcomposer.compose.ComposeForm.ProbeForm;
import io.podcomposer.compose.ComposeForm.TolerationForm;
import io.podcomposer.compose.ComposeForm.VolumeForm;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.TreeEdits.text;

/** Draws the form from a manifest: the inverse of {@link FormApplier}. */
final class FormReader {

	static final List<String> PROBE_HANDLERS = List.of("httpGet", "tcpSocket", "exec", "grpc");

	static final List<String> ENV_SOURCES = List.of("configMapKeyRef", "secretKeyRef", "fieldRef", "resourceFieldRef",
			"fileKeyRef");

	/** Volume types with inputs of their own; every other source is edited as YAML. */
	static final List<String> FORM_VOLUME_TYPES = List.of("emptyDir", "configMap", "secret", "persistentVolumeClaim",
			"hostPath");

	static final List<String> VOLUME_TYPES = List.of("emptyDir", "configMap", "secret", "persistentVolumeClaim",
			"hostPath", "downwardAPI", "projected");

	private FormReader() {
	}

	static ComposeForm read(Manifest manifest) {
		ComposeForm form = new ComposeForm();
		JsonNode root = manifest.root();
		form.kind = manifest.kind().kindName();
		form.name = text(root.path("metadata").path("name"));
		form.namespace = text(root.path("metadata").path("namespace"));
		form.labels = keyValues(manifest.podMetadata().path("labels"));
		form.annotations = keyValues(manifest.podMetadata().path("annotations"));
		if (!manifest.kind().isPod()) {
			readWorkload(root.path("spec"), manifest, form.workload);
		}
		JsonNode spec = manifest.podSpec();
		readPod(spec, form.pod);
		form.initContainers = containers(spec.path("initContainers"));
		form.containers = containers(spec.path("containers"));
		spec.path("volumes").values().forEach((volume) -> form.volumes.add(volume(volume)));
		return form;
	}

	private static void readWorkload(JsonNode spec, Manifest manifest, ComposeForm.WorkloadForm workload) {
		workload.replicas = text(spec.path("replicas"));
		workload.serviceName = text(spec.path("serviceName"));
		workload.schedule = text(spec.path("schedule"));
		workload.concurrencyPolicy = text(spec.path("concurrencyPolicy"));
		JsonNode job = manifest.kind() == WorkloadKind.CRON_JOB
				? spec.path("jobTemplate").path("spec") : spec;
		workload.completions = text(job.path("completions"));
		workload.parallelism = text(job.path("parallelism"));
		workload.backoffLimit = text(job.path("backoffLimit"));
		workload.ttlSecondsAfterFinished = text(job.path("ttlSecondsAfterFinished"));
	}

	private static void readPod(JsonNode spec, ComposeForm.PodForm pod) {
		pod.restartPolicy = text(spec.path("restartPolicy"));
		pod.shareProcessNamespace = spec.path("shareProcessNamespace").asBoolean(false);
		pod.hostIPC = spec.path("hostIPC").asBoolean(false);
		pod.hostPID = spec.path("hostPID").asBoolean(false);
		pod.hostNetwork = spec.path("hostNetwork").asBoolean(false);
		pod.dnsPolicy = text(spec.path("dnsPolicy"));
		pod.serviceAccountName = text(spec.path("serviceAccountName"));
		pod.automountServiceAccountToken = text(spec.path("automountServiceAccountToken"));
		pod.terminationGracePeriodSeconds = text(spec.path("terminationGracePeriodSeconds"));
		pod.nodeSelector = keyValues(spec.path("nodeSelector"));
		spec.path("tolerations").values().forEach((item) -> {
			TolerationForm toleration = new TolerationForm();
			toleration.key = text(item.path("key"));
			toleration.operator = text(item.path("operator"));
			toleration.value = text(item.path("value"));
			toleration.effect = text(item.path("effect"));
			toleration.tolerationSeconds = text(item.path("tolerationSeconds"));
			pod.tolerations.add(toleration);
		});
		pod.imagePullSecrets = spec.path("imagePullSecrets").values().stream()
			.map((secret) -> text(secret.path("name"))).collect(Collectors.joining(", "));
		pod.priorityClassName = text(spec.path("priorityClassName"));
		JsonNode security = spec.path("securityContext");
		pod.runAsUser = text(security.path("runAsUser"));
		pod.runAsGroup = text(security.path("runAsGroup"));
		pod.fsGroup = text(security.path("fsGroup"));
		pod.runAsNonRoot = text(security.path("runAsNonRoot"));
		pod.seccompProfile = text(security.path("seccompProfile").path("type"));
		pod.seccompLocalhostProfile = text(security.path("seccompProfile").path("localhostProfile"));
		pod.otherYaml = otherYaml(spec, KnownFields.POD_SPEC);
	}

	private static List<ContainerForm> containers(JsonNode list) {
		List<ContainerForm> containers = new ArrayList<>();
		list.values().forEach((item) -> containers.add(container(item)));
		return containers;
	}

	static ContainerForm container(JsonNode node) {
		ContainerForm container = new ContainerForm();
		container.name = text(node.path("name"));
		container.image = text(node.path("image"));
		container.imagePullPolicy = text(node.path("imagePullPolicy"));
		container.commandYaml = StringListText.needsYaml(node.path("command"));
		container.command = StringListText.write(node.path("command"));
		container.argsYaml = StringListText.needsYaml(node.path("args"));
		container.args = StringListText.write(node.path("args"));
		container.workingDir = text(node.path("workingDir"));
		node.path("ports").values().forEach((item) -> {
			PortForm port = new PortForm();
			port.name = text(item.path("name"));
			port.containerPort = text(item.path("containerPort"));
			port.protocol = text(item.path("protocol"));
			port.hostPort = text(item.path("hostPort"));
			container.ports.add(port);
		});
		node.path("env").values().forEach((item) -> container.env.add(env(item)));
		node.path("envFrom").values().forEach((item) -> {
			EnvFromForm envFrom = new EnvFromForm();
			envFrom.source = item.has("secretRef") ? "secretRef" : "configMapRef";
			envFrom.name = text(item.path(envFrom.source).path("name"));
			envFrom.prefix = text(item.path("prefix"));
			container.envFrom.add(envFrom);
		});
		JsonNode resources = node.path("resources");
		container.requestsCpu = text(resources.path("requests").path("cpu"));
		container.requestsMemory = text(resources.path("requests").path("memory"));
		container.requestsEphemeralStorage = text(resources.path("requests").path("ephemeral-storage"));
		container.limitsCpu = text(resources.path("limits").path("cpu"));
		container.limitsMemory = text(resources.path("limits").path("memory"));
		container.limitsEphemeralStorage = text(resources.path("limits").path("ephemeral-storage"));
		container.livenessProbe = probe(node.path("livenessProbe"));
		container.readinessProbe = probe(node.path("readinessProbe"));
		container.startupProbe = probe(node.path("startupProbe"));
		node.path("volumeMounts").values().forEach((item) -> {
			MountForm mount = new MountForm();
			mount.name = text(item.path("name"));
			mount.mountPath = text(item.path("mountPath"));
			mount.subPath = text(item.path("subPath"));
			mount.readOnly = item.path("readOnly").asBoolean(false);
			container.volumeMounts.add(mount);
		});
		JsonNode security = node.path("securityContext");
		container.runAsUser = text(security.path("runAsUser"));
		container.runAsGroup = text(security.path("runAsGroup"));
		container.runAsNonRoot = text(security.path("runAsNonRoot"));
		container.privileged = text(security.path("privileged"));
		container.allowPrivilegeEscalation = text(security.path("allowPrivilegeEscalation"));
		container.readOnlyRootFilesystem = text(security.path("readOnlyRootFilesystem"));
		container.capabilitiesAdd = String.join(", ", TreeEdits.textsOf(security.path("capabilities").path("add")));
		container.capabilitiesDrop = String.join(", ", TreeEdits.textsOf(security.path("capabilities").path("drop")));
		container.stdin = node.path("stdin").asBoolean(false);
		container.tty = node.path("tty").asBoolean(false);
		container.restartPolicy = text(node.path("restartPolicy"));
		container.otherYaml = otherYaml(node, KnownFields.CONTAINER);
		return container;
	}

	private static EnvForm env(JsonNode item) {
		EnvForm env = new EnvForm();
		env.name = text(item.path("name"));
		JsonNode valueFrom = item.path("valueFrom");
		String source = ENV_SOURCES.stream().filter(valueFrom::has).findFirst().orElse("value");
		env.source = source;
		JsonNode ref = valueFrom.path(source);
		switch (source) {
			case "configMapKeyRef", "secretKeyRef" -> {
				env.refName = text(ref.path("name"));
				env.refKey = text(ref.path("key"));
			}
			case "fieldRef" -> env.fieldPath = text(ref.path("fieldPath"));
			case "resourceFieldRef" -> {
				env.refName = text(ref.path("containerName"));
				env.resource = text(ref.path("resource"));
			}
			case "fileKeyRef" -> {
				env.refName = text(ref.path("volumeName"));
				env.filePath = text(ref.path("path"));
				env.refKey = text(ref.path("key"));
			}
			default -> env.value = text(item.path("value"));
		}
		return env;
	}

	private static ProbeForm probe(JsonNode node) {
		ProbeForm probe = new ProbeForm();
		probe.handler = "none";
		if (!node.isObject()) {
			return probe;
		}
		probe.handler = PROBE_HANDLERS.stream().filter(node::has).findFirst().orElse("none");
		JsonNode handler = node.path(probe.handler);
		probe.path = text(handler.path("path"));
		probe.port = text(handler.path("port"));
		probe.scheme = text(handler.path("scheme"));
		probe.commandYaml = StringListText.needsYaml(handler.path("command"));
		probe.command = StringListText.write(handler.path("command"));
		probe.grpcService = text(handler.path("service"));
		probe.initialDelaySeconds = text(node.path("initialDelaySeconds"));
		probe.periodSeconds = text(node.path("periodSeconds"));
		probe.timeoutSeconds = text(node.path("timeoutSeconds"));
		probe.successThreshold = text(node.path("successThreshold"));
		probe.failureThreshold = text(node.path("failureThreshold"));
		return probe;
	}

	private static VolumeForm volume(JsonNode node) {
		VolumeForm volume = new VolumeForm();
		volume.name = text(node.path("name"));
		volume.type = volumeType(node);
		JsonNode source = node.path(volume.type);
		switch (volume.type) {
			case "emptyDir" -> {
				volume.medium = text(source.path("medium"));
				volume.sizeLimit = text(source.path("sizeLimit"));
			}
			case "configMap", "secret" -> {
				volume.sourceName = text(source.path("configMap".equals(volume.type) ? "name" : "secretName"));
				volume.items = source.path("items").values().stream()
					.map((item) -> text(item.path("key")) + "=" + text(item.path("path")))
					.collect(Collectors.joining("\n"));
			}
			case "persistentVolumeClaim" -> {
				volume.sourceName = text(source.path("claimName"));
				volume.readOnly = source.path("readOnly").asBoolean(false);
			}
			case "hostPath" -> {
				volume.path = text(source.path("path"));
				volume.hostPathType = text(source.path("type"));
			}
			default -> volume.sourceYaml = source.isObject() && !source.isEmpty()
					? ManifestWriter.toYaml(source) : "";
		}
		return volume;
	}

	/** The volume's source field: the first key besides its name, or emptyDir for a volume with none. */
	static String volumeType(JsonNode volume) {
		return volume.propertyNames().stream().filter((key) -> !"name".equals(key)).findFirst().orElse("emptyDir");
	}

	private static List<KeyValue> keyValues(JsonNode map) {
		List<KeyValue> rows = new ArrayList<>();
		if (map.isObject()) {
			map.properties().forEach((entry) -> rows.add(new KeyValue(entry.getKey(), text(entry.getValue()))));
		}
		return rows;
	}

	/** The fields of {@code object} the form has no inputs for, as YAML; empty when there are none. */
	private static String otherYaml(JsonNode object, Set<String> known) {
		ObjectNode other = JsonNodeFactory.instance.objectNode();
		if (object.isObject()) {
			object.properties().stream().filter((entry) -> !known.contains(entry.getKey()))
				.forEach((entry) -> other.set(entry.getKey(), entry.getValue()));
		}
		return other.isEmpty() ? "" : ManifestWriter.toYaml(other);
	}

}
