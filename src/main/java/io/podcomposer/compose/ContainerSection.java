package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.podcomposer.compose.FieldPath.Step;
import io.podcomposer.compose.ProbeSection.ProbeForm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.FormApplier.splitNames;
import static io.podcomposer.compose.FormApplier.trimmed;
import static io.podcomposer.compose.TreeEdits.editObject;
import static io.podcomposer.compose.TreeEdits.setFlag;
import static io.podcomposer.compose.TreeEdits.setInteger;
import static io.podcomposer.compose.TreeEdits.setString;
import static io.podcomposer.compose.TreeEdits.setStringList;
import static io.podcomposer.compose.TreeEdits.setTriState;
import static io.podcomposer.compose.TreeEdits.text;

/**
 * A container or init container in the form, with its ports, environment, resources,
 * mounts and security context: its inputs, how they are read from the container and
 * applied to it, the fields it has inputs for, and the input a container's field path
 * belongs to. The probes have a section of their own, {@link ProbeSection}.
 */
final class ContainerSection {

	/** The fields of a container the form has inputs for; the rest are edited as YAML. */
	static final Set<String> KNOWN = Set.of("name", "image", "imagePullPolicy", "command", "args", "workingDir",
			"ports", "env", "envFrom", "resources", "livenessProbe", "readinessProbe", "startupProbe", "volumeMounts",
			"securityContext", "stdin", "tty", "restartPolicy", "terminationMessagePolicy");

	static final Set<String> KNOWN_SECURITY_CONTEXT = Set.of("runAsUser", "runAsGroup", "runAsNonRoot", "privileged",
			"allowPrivilegeEscalation", "readOnlyRootFilesystem", "capabilities");

	static final List<String> ENV_SOURCES = List.of("configMapKeyRef", "secretKeyRef", "fieldRef", "resourceFieldRef",
			"fileKeyRef");

	/** Fields with an input of the same name. */
	private static final Set<String> INPUTS = Set.of("name", "image", "imagePullPolicy", "command", "args",
			"workingDir", "stdin", "tty", "restartPolicy", "terminationMessagePolicy");

	private static final Set<String> SECURITY_INPUTS = Set.of("runAsUser", "runAsGroup", "runAsNonRoot", "privileged",
			"allowPrivilegeEscalation", "readOnlyRootFilesystem");

	/** The resources grid: requests or limits, then the resource. */
	private static final Map<String, String> RESOURCES = Map.of("cpu", "Cpu", "memory", "Memory", "ephemeral-storage",
			"EphemeralStorage");

	private ContainerSection() {
	}

	public static class ContainerForm implements ComposeForm.Row {

		public String name;

		public String image;

		public String imagePullPolicy;

		/**
		 * One item per line, or a YAML list when {@link #commandYaml} (an item holds a
		 * line break).
		 */
		public String command;

		public boolean commandYaml;

		/** One item per line, or a YAML list when {@link #argsYaml}. */
		public String args;

		public boolean argsYaml;

		public String workingDir;

		public List<PortForm> ports = new ArrayList<>();

		public List<EnvForm> env = new ArrayList<>();

		public List<EnvFromForm> envFrom = new ArrayList<>();

		public String requestsCpu;

		public String requestsMemory;

		public String requestsEphemeralStorage;

		public String limitsCpu;

		public String limitsMemory;

		public String limitsEphemeralStorage;

		public ProbeForm livenessProbe = new ProbeForm();

		public ProbeForm readinessProbe = new ProbeForm();

		public ProbeForm startupProbe = new ProbeForm();

		public List<MountForm> volumeMounts = new ArrayList<>();

		public String runAsUser;

		public String runAsGroup;

		public String runAsNonRoot;

		public String privileged;

		public String allowPrivilegeEscalation;

		public String readOnlyRootFilesystem;

		/** Capability names, separated by commas or spaces. */
		public String capabilitiesAdd;

		public String capabilitiesDrop;

		public boolean stdin;

		public boolean tty;

		/** Only for init containers: "Always" makes a native sidecar. */
		public String restartPolicy;

		/** File, FallbackToLogsOnError, or empty for the API server's default, File. */
		public String terminationMessagePolicy;

		public String otherYaml;

		public boolean isSidecar() {
			return "Always".equals(this.restartPolicy);
		}

		@Override
		public boolean sent() {
			return this.name != null;
		}

	}

	public static class PortForm implements ComposeForm.Row {

		public String name;

		public String containerPort;

		public String protocol;

		public String hostPort;

		@Override
		public boolean sent() {
			return this.containerPort != null;
		}

	}

	/** One env var; {@code source} picks which of the other fields count. */
	public static class EnvForm implements ComposeForm.Row {

		public String name;

		/**
		 * value, configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef or fileKeyRef.
		 */
		public String source = "value";

		public String value;

		/**
		 * The ConfigMap or Secret name, the container of a resourceFieldRef, the volume
		 * of a fileKeyRef.
		 */
		public String refName;

		public String refKey;

		public String fieldPath;

		public String resource;

		/** The env file's path in the volume of a fileKeyRef. */
		public String filePath;

		@Override
		public boolean sent() {
			return this.name != null;
		}

	}

	public static class EnvFromForm implements ComposeForm.Row {

		/** configMapRef or secretRef. */
		public String source = "configMapRef";

		public String name;

		public String prefix;

		@Override
		public boolean sent() {
			return this.name != null;
		}

	}

	public static class MountForm implements ComposeForm.Row {

		public String name;

		public String mountPath;

		public String subPath;

		public boolean readOnly;

		@Override
		public boolean sent() {
			return this.mountPath != null;
		}

	}

	static List<ContainerForm> readList(JsonNode list) {
		List<ContainerForm> containers = new ArrayList<>();
		list.values().forEach((item) -> containers.add(read(item)));
		return containers;
	}

	static ContainerForm read(JsonNode node) {
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
		container.livenessProbe = ProbeSection.read(node.path("livenessProbe"));
		container.readinessProbe = ProbeSection.read(node.path("readinessProbe"));
		container.startupProbe = ProbeSection.read(node.path("startupProbe"));
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
		container.terminationMessagePolicy = text(node.path("terminationMessagePolicy"));
		container.otherYaml = FormReader.otherYaml(node, KNOWN);
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

	/**
	 * Applies the rows of {@code list}, containers or initContainers, to that list of the
	 * pod spec.
	 */
	static void applyList(ObjectNode spec, String list, List<ContainerForm> forms, FormApplier applier) {
		applier.applyList(spec, list, forms,
				(container, form, index) -> apply(container, form, list + "[" + index + "]", applier));
	}

	private static void apply(ObjectNode container, ContainerForm form, String field, FormApplier applier) {
		applier.applyOtherYaml(container, KNOWN, form.otherYaml, field + ".otherYaml");
		setString(container, "name", trimmed(form.name));
		setString(container, "image", trimmed(form.image));
		setString(container, "imagePullPolicy", form.imagePullPolicy);
		setStringList(container, "command", applier.stringList(form.command, form.commandYaml, field + ".command"));
		setStringList(container, "args", applier.stringList(form.args, form.argsYaml, field + ".args"));
		setString(container, "workingDir", trimmed(form.workingDir));
		applier.applyList(container, "ports", form.ports, ContainerSection::applyPort);
		applier.applyList(container, "envFrom", form.envFrom, ContainerSection::applyEnvFrom);
		applier.applyList(container, "env", form.env, ContainerSection::applyEnv);
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
		ProbeSection.apply(container, "livenessProbe", form.livenessProbe, field + ".livenessProbe", applier);
		ProbeSection.apply(container, "readinessProbe", form.readinessProbe, field + ".readinessProbe", applier);
		ProbeSection.apply(container, "startupProbe", form.startupProbe, field + ".startupProbe", applier);
		applier.applyList(container, "volumeMounts", form.volumeMounts, ContainerSection::applyMount);
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
		setString(container, "terminationMessagePolicy", form.terminationMessagePolicy);
		if (field.startsWith("initContainers")) {
			setString(container, "restartPolicy", form.restartPolicy);
		}
	}

	private static void applyPort(ObjectNode port, PortForm form, int index) {
		setString(port, "name", trimmed(form.name));
		setInteger(port, "containerPort", form.containerPort);
		setString(port, "protocol", form.protocol);
		setInteger(port, "hostPort", form.hostPort);
	}

	private static void applyEnv(ObjectNode env, EnvForm form, int index) {
		setString(env, "name", trimmed(form.name));
		String source = Objects.requireNonNullElse(form.source, "value");
		if ("value".equals(source)) {
			env.remove("valueFrom");
			setString(env, "value", form.value);
			return;
		}
		env.remove("value");
		editObject(env, "valueFrom", (valueFrom) -> {
			ENV_SOURCES.stream().filter((other) -> !other.equals(source)).forEach(valueFrom::remove);
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

	private static void applyEnvFrom(ObjectNode envFrom, EnvFromForm form, int index) {
		String source = "secretRef".equals(form.source) ? "secretRef" : "configMapRef";
		envFrom.remove("secretRef".equals(source) ? "configMapRef" : "secretRef");
		editObject(envFrom, source, (ref) -> setString(ref, "name", trimmed(form.name)));
		setString(envFrom, "prefix", trimmed(form.prefix));
	}

	private static void applyMount(ObjectNode mount, MountForm form, int index) {
		setString(mount, "name", form.name);
		setString(mount, "mountPath", trimmed(form.mountPath));
		setString(mount, "subPath", trimmed(form.subPath));
		setFlag(mount, "readOnly", form.readOnly);
	}

	/**
	 * Capability names as typed, known or not: the unknown-capability hint of the
	 * validator reports a typo, for the form and the YAML tab alike.
	 */
	private static List<String> capabilityList(String text) {
		return (text != null) ? splitNames(text) : null;
	}

	/**
	 * The input for a path within the container, as {@code ports[0].protocol}, after
	 * {@code prefix}.
	 */
	static String inputName(String prefix, FieldPath path) {
		Step field = path.step(0);
		String name = field.text();
		if (path.size() == 0) {
			return prefix + "name";
		}
		if (INPUTS.contains(name)) {
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
			case "resources" -> prefix + resourcesInput(path.drop(1));
			case "livenessProbe", "readinessProbe", "startupProbe" ->
				prefix + name + "." + ProbeSection.inputName(path.drop(1));
			case "securityContext" -> securityInput(prefix, path.drop(1));
			default -> KNOWN.contains(name) ? null : prefix + "otherYaml";
		};
	}

	/**
	 * requests.memory gives requestsMemory; a missing requests or limits, their CPU
	 * input.
	 */
	private static String resourcesInput(FieldPath path) {
		String list = path.step(0).isField("limits") ? "limits" : "requests";
		return list + RESOURCES.getOrDefault(path.step(1).text(), "Cpu");
	}

	private static String securityInput(String prefix, FieldPath path) {
		String name = path.step(0).text();
		if (SECURITY_INPUTS.contains(name)) {
			return prefix + name;
		}
		if ("capabilities".equals(name)) {
			return prefix + (path.step(1).isField("drop") ? "capabilitiesDrop" : "capabilitiesAdd");
		}
		return null;
	}

}
