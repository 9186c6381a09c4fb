package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.podcomposer.compose.ComposeForm.ContainerForm;
import io.podcomposer.compose.ComposeForm.EnvForm;
import io.podcomposer.compose.ComposeForm.EnvFromForm;
import io.podcomposer.compose.ComposeForm.KeyValue;
import io.podcomposer.compose.ComposeForm.MountForm;
import io.podcomposer.compose.ComposeForm.PortForm;
import io.podcomposer.compose.ComposeForm.ProbeForm;
import io.podcomposer.compose.ComposeForm.TolerationForm;
import io.podcomposer.compose.ComposeForm.VolumeForm;
import io.podcomposer.manifest.KindConversion;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.TreeEdits.editObject;
import static io.podcomposer.compose.TreeEdits.itemOrNew;
import static io.podcomposer.compose.TreeEdits.setFlag;
import static io.podcomposer.compose.TreeEdits.setInteger;
import static io.podcomposer.compose.TreeEdits.setString;
import static io.podcomposer.compose.TreeEdits.setStringList;
import static io.podcomposer.compose.TreeEdits.setTriState;

/**
 * Applies what the form sent onto the manifest it was drawn from. The form edits the tree in
 * place: each list item is the item at the same index in the manifest with the form's fields set
 * on it, so every field the form does not show is kept.
 */
final class FormApplier {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** The result: the new manifest, what a kind change did, and inputs that could not be taken. */
	record Applied(Manifest manifest, List<String> notes, List<FormProblem> problems) {
	}

	private final List<FormProblem> problems = new ArrayList<>();

	private FormApplier() {
	}

	static Applied apply(Manifest base, ComposeForm form) {
		return new FormApplier().applyForm(base, form);
	}

	/**
	 * The form was drawn from the base, so it applies to the base in its own kind; a kind change
	 * converts the result, which can then undo what an earlier change did.
	 */
	private Applied applyForm(Manifest base, ComposeForm form) {
		Manifest manifest = base.deepCopy();
		applyMetadata(manifest, form);
		if (!manifest.kind().isPod()) {
			applyWorkload(manifest, form.workload);
		}
		ObjectNode spec = manifest.editPodSpec();
		applyPod(spec, form.pod);
		applyContainers(spec, "initContainers", form.initContainers);
		applyContainers(spec, "containers", form.containers);
		applyVolumes(spec, form.volumes);
		WorkloadKind kind = WorkloadKind.fromKindName(Objects.requireNonNullElse(form.kind, "")).orElse(base.kind());
		if (kind == base.kind()) {
			return new Applied(manifest, List.of(), List.copyOf(this.problems));
		}
		KindConversion.Result converted = manifest.convertTo(kind);
		return new Applied(converted.manifest(), converted.notes(), List.copyOf(this.problems));
	}

	private void applyMetadata(Manifest manifest, ComposeForm form) {
		editObject(manifest.root(), "metadata", (metadata) -> {
			setString(metadata, "name", trimmed(form.name));
			setString(metadata, "namespace", trimmed(form.namespace));
		});
		ObjectNode podMetadataParent = manifest.editPodTemplate();
		editObject(podMetadataParent, "metadata", (metadata) -> {
			boolean labelsChanged = setMap(metadata, "labels", form.labels);
			setMap(metadata, "annotations", form.annotations);
			if (!manifest.kind().isPod()) {
				syncWorkloadLabels(manifest, metadata, labelsChanged);
			}
		});
	}

	/**
	 * A workload's selector and its own labels follow the pod labels; with none, it gets app: name.
	 * A Job needs no selector, so one without labels stays so until its labels are edited.
	 */
	private void syncWorkloadLabels(Manifest manifest, ObjectNode podMetadata, boolean labelsChanged) {
		boolean hasSelector = manifest.kind().requiresRestartAlways();
		boolean noLabels = !podMetadata.path("labels").isObject() || podMetadata.get("labels").isEmpty();
		if (noLabels && (hasSelector || labelsChanged)) {
			String name = manifest.name().isEmpty() ? "app" : manifest.name();
			podMetadata.putObject("labels").put("app", name);
			labelsChanged = true;
		}
		if (!labelsChanged) {
			return;
		}
		ObjectNode labels = (ObjectNode) podMetadata.get("labels");
		editObject(manifest.root(), "metadata", (metadata) -> metadata.set("labels", labels.deepCopy()));
		if (hasSelector) {
			ObjectNode selector = manifest.editWorkloadSpec().path("selector") instanceof ObjectNode existing
					? existing : manifest.editWorkloadSpec().putObject("selector");
			if (!selector.has("matchExpressions")) {
				selector.set("matchLabels", labels.deepCopy());
			}
		}
	}

	private void applyWorkload(Manifest manifest, ComposeForm.WorkloadForm workload) {
		ObjectNode spec = manifest.editWorkloadSpec();
		WorkloadKind kind = manifest.kind();
		if (kind.hasReplicas()) {
			setInteger(spec, "replicas", workload.replicas);
		}
		if (kind == WorkloadKind.STATEFUL_SET) {
			setString(spec, "serviceName", trimmed(workload.serviceName));
		}
		if (kind == WorkloadKind.CRON_JOB) {
			setString(spec, "schedule", trimmed(workload.schedule));
			setString(spec, "concurrencyPolicy", workload.concurrencyPolicy);
		}
		if (kind.isBatch()) {
			ObjectNode job = manifest.editJobSpec();
			setInteger(job, "completions", workload.completions);
			setInteger(job, "parallelism", workload.parallelism);
			setInteger(job, "backoffLimit", workload.backoffLimit);
			setInteger(job, "ttlSecondsAfterFinished", workload.ttlSecondsAfterFinished);
		}
	}

	private void applyPod(ObjectNode spec, ComposeForm.PodForm pod) {
		applyOtherYaml(spec, KnownFields.POD_SPEC, pod.otherYaml, "pod.otherYaml");
		setString(spec, "restartPolicy", pod.restartPolicy);
		setFlag(spec, "shareProcessNamespace", pod.shareProcessNamespace);
		setFlag(spec, "hostIPC", pod.hostIPC);
		setFlag(spec, "hostPID", pod.hostPID);
		setFlag(spec, "hostNetwork", pod.hostNetwork);
		setString(spec, "dnsPolicy", pod.dnsPolicy);
		setString(spec, "serviceAccountName", trimmed(pod.serviceAccountName));
		setTriState(spec, "automountServiceAccountToken", pod.automountServiceAccountToken);
		setInteger(spec, "terminationGracePeriodSeconds", pod.terminationGracePeriodSeconds);
		setMap(spec, "nodeSelector", pod.nodeSelector);
		applyList(spec, "tolerations", pod.tolerations, this::applyToleration);
		applyImagePullSecrets(spec, pod.imagePullSecrets);
		setString(spec, "priorityClassName", trimmed(pod.priorityClassName));
		editObject(spec, "securityContext", (security) -> {
			setInteger(security, "runAsUser", pod.runAsUser);
			setInteger(security, "runAsGroup", pod.runAsGroup);
			setInteger(security, "fsGroup", pod.fsGroup);
			setTriState(security, "runAsNonRoot", pod.runAsNonRoot);
			editObject(security, "seccompProfile", (profile) -> {
				setString(profile, "type", pod.seccompProfile);
				setString(profile, "localhostProfile",
						"Localhost".equals(pod.seccompProfile) ? trimmed(pod.seccompLocalhostProfile) : "");
			});
		});
	}

	private void applyToleration(ObjectNode toleration, TolerationForm form, int index) {
		setString(toleration, "key", trimmed(form.key));
		setString(toleration, "operator", form.operator);
		setString(toleration, "value", "Exists".equals(form.operator) ? "" : form.value);
		setString(toleration, "effect", form.effect);
		setInteger(toleration, "tolerationSeconds", form.tolerationSeconds);
	}

	private void applyImagePullSecrets(ObjectNode spec, String text) {
		if (text == null) {
			return;
		}
		List<String> names = splitNames(text);
		JsonNode current = spec.path("imagePullSecrets");
		List<String> currentNames = current.values().stream().map((item) -> TreeEdits.text(item.path("name"))).toList();
		if (currentNames.equals(names)) {
			return;
		}
		if (names.isEmpty()) {
			spec.remove("imagePullSecrets");
			return;
		}
		ArrayNode secrets = spec.putArray("imagePullSecrets");
		names.forEach((name) -> secrets.addObject().put("name", name));
	}

	private void applyContainers(ObjectNode spec, String list, List<ContainerForm> forms) {
		applyList(spec, list, forms, (container, form, index) -> applyContainer(container, form, list + "[" + index + "]"));
	}

	private void applyContainer(ObjectNode container, ContainerForm form, String field) {
		applyOtherYaml(container, KnownFields.CONTAINER, form.otherYaml, field + ".otherYaml");
		setString(container, "name", trimmed(form.name));
		setString(container, "image", trimmed(form.image));
		setString(container, "imagePullPolicy", form.imagePullPolicy);
		setStringList(container, "command", stringList(form.command, form.commandYaml, field + ".command"));
		setStringList(container, "args", stringList(form.args, form.argsYaml, field + ".args"));
		setString(container, "workingDir", trimmed(form.workingDir));
		applyList(container, "ports", form.ports, this::applyPort);
		applyList(container, "envFrom", form.envFrom, this::applyEnvFrom);
		applyList(container, "env", form.env, this::applyEnv);
		editObject(container, "resources", (resources) -> {
			editObject(resources, "requests", (requests) -> {
				setString(requests, "cpu", trimmed(form.requestsCpu));
				setString(requests, "memory", trimmed(form.requestsMemory));
				setString(requests, "ephemeral-storage", trimmed(form.requestsEphemeralStorage));
			});
			editObject(resources, "limits", (limits) -> {
				setString(limits, "cpu", trimmed(form.limitsCpu));
				setString(limits, "memory", trimmed(form.limitsMemory));
				setString(limits, "ephemeral-storage", trimmed(form.limitsEphemeralStorage));
			});
		});
		applyProbe(container, "livenessProbe", form.livenessProbe, field + ".livenessProbe");
		applyProbe(container, "readinessProbe", form.readinessProbe, field + ".readinessProbe");
		applyProbe(container, "startupProbe", form.startupProbe, field + ".startupProbe");
		applyList(container, "volumeMounts", form.volumeMounts, this::applyMount);
		editObject(container, "securityContext", (security) -> {
			setInteger(security, "runAsUser", form.runAsUser);
			setInteger(security, "runAsGroup", form.runAsGroup);
			setTriState(security, "runAsNonRoot", form.runAsNonRoot);
			setTriState(security, "privileged", form.privileged);
			setTriState(security, "allowPrivilegeEscalation", form.allowPrivilegeEscalation);
			setTriState(security, "readOnlyRootFilesystem", form.readOnlyRootFilesystem);
			editObject(security, "capabilities", (capabilities) -> {
				setStringList(capabilities, "add", capabilityList(form.capabilitiesAdd));
				setStringList(capabilities, "drop", capabilityList(form.capabilitiesDrop));
			});
		});
		setFlag(container, "stdin", form.stdin);
		setFlag(container, "tty", form.tty);
		if (field.startsWith("initContainers")) {
			setString(container, "restartPolicy", form.restartPolicy);
		}
	}

	private void applyPort(ObjectNode port, PortForm form, int index) {
		setString(port, "name", trimmed(form.name));
		setInteger(port, "containerPort", form.containerPort);
		setString(port, "protocol", form.protocol);
		setInteger(port, "hostPort", form.hostPort);
	}

	private void applyEnv(ObjectNode env, EnvForm form, int index) {
		setString(env, "name", trimmed(form.name));
		String source = Objects.requireNonNullElse(form.source, "value");
		if ("value".equals(source)) {
			env.remove("valueFrom");
			setString(env, "value", form.value);
			return;
		}
		env.remove("value");
		editObject(env, "valueFrom", (valueFrom) -> {
			FormReader.ENV_SOURCES.stream().filter((other) -> !other.equals(source)).forEach(valueFrom::remove);
			editObject(valueFrom, source, (ref) -> {
				switch (source) {
					case "configMapKeyRef", "secretKeyRef" -> {
						setString(ref, "name", trimmed(form.refName));
						setString(ref, "key", trimmed(form.refKey));
					}
					case "fieldRef" -> setString(ref, "fieldPath", trimmed(form.fieldPath));
					case "resourceFieldRef" -> {
						setString(ref, "containerName", trimmed(form.refName));
						setString(ref, "resource", trimmed(form.resource));
					}
					case "fileKeyRef" -> {
						setString(ref, "volumeName", trimmed(form.refName));
						setString(ref, "path", trimmed(form.filePath));
						setString(ref, "key", trimmed(form.refKey));
					}
					default -> {
					}
				}
			});
		});
	}

	private void applyEnvFrom(ObjectNode envFrom, EnvFromForm form, int index) {
		String source = "secretRef".equals(form.source) ? "secretRef" : "configMapRef";
		envFrom.remove("secretRef".equals(source) ? "configMapRef" : "secretRef");
		editObject(envFrom, source, (ref) -> setString(ref, "name", trimmed(form.name)));
		setString(envFrom, "prefix", trimmed(form.prefix));
	}

	private void applyProbe(ObjectNode container, String key, ProbeForm form, String field) {
		if (form == null || form.handler == null) {
			return;
		}
		if ("none".equals(form.handler)) {
			container.remove(key);
			return;
		}
		editObject(container, key, (probe) -> {
			FormReader.PROBE_HANDLERS.stream().filter((other) -> !other.equals(form.handler)).forEach(probe::remove);
			editObject(probe, form.handler, (handler) -> {
				switch (form.handler) {
					case "httpGet" -> {
						setString(handler, "path", trimmed(form.path));
						setInteger(handler, "port", form.port);
						setString(handler, "scheme", form.scheme);
					}
					case "tcpSocket" -> setInteger(handler, "port", form.port);
					case "exec" -> setStringList(handler, "command",
							stringList(form.command, form.commandYaml, field + ".command"));
					case "grpc" -> {
						setInteger(handler, "port", form.port);
						setString(handler, "service", trimmed(form.grpcService));
					}
					default -> {
					}
				}
			});
			setInteger(probe, "initialDelaySeconds", form.initialDelaySeconds);
			setInteger(probe, "periodSeconds", form.periodSeconds);
			setInteger(probe, "timeoutSeconds", form.timeoutSeconds);
			setInteger(probe, "successThreshold", form.successThreshold);
			setInteger(probe, "failureThreshold", form.failureThreshold);
		});
	}

	private void applyMount(ObjectNode mount, MountForm form, int index) {
		setString(mount, "name", form.name);
		setString(mount, "mountPath", trimmed(form.mountPath));
		setString(mount, "subPath", trimmed(form.subPath));
		setFlag(mount, "readOnly", form.readOnly);
	}

	/** Applies the volume rows; a volume renamed in the form takes the mounts that named it along. */
	private void applyVolumes(ObjectNode spec, List<VolumeForm> forms) {
		if (forms == null) {
			return;
		}
		Map<String, String> renamed = new LinkedHashMap<>();
		JsonNode before = spec.path("volumes");
		for (int i = 0; i < forms.size() && i < before.size(); i++) {
			VolumeForm form = forms.get(i);
			String oldName = TreeEdits.text(before.get(i).path("name"));
			if (form != null && form.sent() && !oldName.isEmpty() && !oldName.equals(form.name.trim())) {
				renamed.put(oldName, form.name.trim());
			}
		}
		applyList(spec, "volumes", forms, (volume, form, index) -> applyVolume(volume, form, "volumes[" + index + "]"));
		for (String list : List.of("initContainers", "containers")) {
			spec.path(list).values().forEach((container) -> container.path("volumeMounts").values().forEach((mount) -> {
				String newName = renamed.get(TreeEdits.text(mount.path("name")));
				if (newName != null && mount instanceof ObjectNode object) {
					object.put("name", newName);
				}
			}));
		}
	}

	private void applyVolume(ObjectNode volume, VolumeForm form, String field) {
		setString(volume, "name", trimmed(form.name));
		String type = Objects.requireNonNullElse(form.type, "emptyDir");
		String before = FormReader.volumeType(volume);
		if (!before.equals(type)) {
			volume.remove(before);
		}
		if (!FormReader.FORM_VOLUME_TYPES.contains(type)) {
			applySourceYaml(volume, type, form.sourceYaml, field + ".sourceYaml");
			return;
		}
		editObject(volume, type, (source) -> {
			switch (type) {
				case "emptyDir" -> {
					setString(source, "medium", form.medium);
					setString(source, "sizeLimit", trimmed(form.sizeLimit));
				}
				case "configMap", "secret" -> {
					setString(source, "configMap".equals(type) ? "name" : "secretName", trimmed(form.sourceName));
					applyItems(source, form.items, field + ".items");
				}
				case "persistentVolumeClaim" -> {
					setString(source, "claimName", trimmed(form.sourceName));
					setFlag(source, "readOnly", form.readOnly);
				}
				case "hostPath" -> {
					setString(source, "path", trimmed(form.path));
					setString(source, "type", form.hostPathType);
				}
				default -> {
				}
			}
		});
		// An emptyDir with nothing set is still a volume source: keep it as {}.
		if (!volume.has(type)) {
			volume.putObject(type);
		}
	}

	/** Items as {@code key=path} lines; an item keeps its other fields (mode) while its key stays. */
	private void applyItems(ObjectNode source, String text, String field) {
		if (text == null) {
			return;
		}
		Map<String, ObjectNode> byKey = new LinkedHashMap<>();
		source.path("items").values().forEach((item) -> {
			if (item instanceof ObjectNode object) {
				byKey.put(TreeEdits.text(item.path("key")), object);
			}
		});
		ArrayNode items = NODES.arrayNode();
		for (String line : text.split("\r?\n")) {
			if (line.isBlank()) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals <= 0) {
				this.problems.add(new FormProblem(field, "\"" + line.trim() + "\" should read key=path"));
				return;
			}
			String key = line.substring(0, equals).trim();
			ObjectNode item = byKey.containsKey(key) ? byKey.get(key).deepCopy() : NODES.objectNode();
			item.put("key", key);
			setString(item, "path", line.substring(equals + 1).trim());
			items.add(item);
		}
		if (items.isEmpty()) {
			source.remove("items");
		}
		else if (!items.equals(source.get("items"))) {
			source.set("items", items);
		}
	}

	private void applySourceYaml(ObjectNode volume, String type, String yaml, String field) {
		// No text (a type just chosen has no text area yet) keeps the source, or starts a new one.
		if (yaml == null || yaml.isBlank()) {
			if (!volume.has(type)) {
				volume.set(type, VolumeStarters.starter(type));
			}
			return;
		}
		try {
			JsonNode source = ManifestReader.readYaml(yaml);
			if (!source.isObject()) {
				this.problems.add(new FormProblem(field, "the " + type + " source must be a YAML mapping"));
				return;
			}
			if (!source.equals(volume.get(type))) {
				volume.set(type, source);
			}
		}
		catch (ManifestParseException ex) {
			this.problems.add(new FormProblem(field, ex.describe()));
		}
	}

	/** Replaces the fields the form shows no input for with those in the YAML text area. */
	private void applyOtherYaml(ObjectNode object, Set<String> known, String yaml, String field) {
		if (yaml == null) {
			return;
		}
		ObjectNode other;
		try {
			JsonNode parsed = yaml.isBlank() ? NODES.objectNode() : ManifestReader.readYaml(yaml);
			if (!parsed.isObject()) {
				this.problems.add(new FormProblem(field, "expected YAML fields (key: value)"));
				return;
			}
			other = (ObjectNode) parsed;
		}
		catch (ManifestParseException ex) {
			this.problems.add(new FormProblem(field, ex.describe()));
			return;
		}
		List<String> stale = object.propertyNames().stream()
			.filter((key) -> !known.contains(key) && !other.has(key)).toList();
		object.remove(stale);
		other.properties().forEach((entry) -> {
			if (known.contains(entry.getKey())) {
				this.problems.add(new FormProblem(field, entry.getKey() + " has its own input in the form"));
			}
			else if (!entry.getValue().equals(object.get(entry.getKey()))) {
				object.set(entry.getKey(), entry.getValue());
			}
		});
	}

	/** Sets a string map from rows; rows without a key are skipped. Answers whether it changed. */
	private boolean setMap(ObjectNode parent, String key, List<KeyValue> rows) {
		if (rows == null) {
			return false;
		}
		ObjectNode map = NODES.objectNode();
		rows.stream().filter((row) -> row != null && row.sent() && !row.key.isBlank())
			.forEach((row) -> {
				JsonNode current = parent.path(key).get(row.key.trim());
				String value = Objects.requireNonNullElse(row.value, "");
				boolean same = current != null && current.isValueNode() && TreeEdits.text(current).equals(value);
				map.set(row.key.trim(), same ? current : NODES.stringNode(value));
			});
		if (map.equals(parent.get(key)) || (map.isEmpty() && !parent.has(key))) {
			return false;
		}
		if (map.isEmpty()) {
			parent.remove(key);
		}
		else {
			parent.set(key, map);
		}
		return true;
	}

	/**
	 * Rebuilds the list under {@code key} from form rows: row i edits item i of the old list.
	 * Rows the browser removed arrive as gaps and are dropped; an empty list removes the key.
	 */
	private <F extends ComposeForm.Row> void applyList(ObjectNode parent, String key, List<F> rows, RowEdit<F> edit) {
		if (rows == null) {
			return;
		}
		JsonNode current = parent.get(key);
		ArrayNode items = NODES.arrayNode();
		for (int i = 0; i < rows.size(); i++) {
			F row = rows.get(i);
			if (row != null && row.sent()) {
				ObjectNode item = itemOrNew(current, i);
				edit.apply(item, row, i);
				items.add(item);
			}
		}
		if (items.isEmpty()) {
			if (current != null && !(current.isArray() && current.isEmpty())) {
				parent.remove(key);
			}
		}
		else if (!items.equals(current)) {
			parent.set(key, items);
		}
	}

	private List<String> stringList(String text, boolean yaml, String field) {
		try {
			return StringListText.read(text, yaml);
		}
		catch (ManifestParseException ex) {
			this.problems.add(new FormProblem(field, ex.describe()));
			return null;
		}
	}

	/**
	 * Capability names as typed, known or not: the unknown-capability hint of the validator
	 * reports a typo, for the form and the YAML tab alike.
	 */
	private static List<String> capabilityList(String text) {
		return (text != null) ? splitNames(text) : null;
	}

	private static List<String> splitNames(String text) {
		return Arrays.stream(text.split("[,\\s]+")).filter((name) -> !name.isEmpty()).toList();
	}

	private static String trimmed(String text) {
		return (text != null) ? text.trim() : null;
	}

	@FunctionalInterface
	private interface RowEdit<F> {

		void apply(ObjectNode item, F row, int index);

	}

}
