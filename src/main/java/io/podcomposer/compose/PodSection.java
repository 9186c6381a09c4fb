package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.podcomposer.compose.ComposeForm.KeyValue;
import io.podcomposer.compose.FieldPath.Step;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.FormApplier.splitNames;
import static io.podcomposer.compose.FormApplier.trimmed;
import static io.podcomposer.compose.TreeEdits.editObject;
import static io.podcomposer.compose.TreeEdits.setFlag;
import static io.podcomposer.compose.TreeEdits.setInteger;
import static io.podcomposer.compose.TreeEdits.setString;
import static io.podcomposer.compose.TreeEdits.setTriState;
import static io.podcomposer.compose.TreeEdits.text;

/**
 * The pod settings in the form: the pod spec's own fields, its tolerations and node
 * selector, and its security context; their inputs, how they are read from the pod spec
 * and applied to it, the fields they cover, and the input a pod spec field path belongs
 * to. Containers and volumes have sections of their own.
 */
final class PodSection {

	/**
	 * The fields of the pod spec the form has inputs for; the rest are edited as YAML.
	 */
	static final Set<String> KNOWN = Set.of("containers", "initContainers", "volumes", "restartPolicy",
			"shareProcessNamespace", "hostIPC", "hostPID", "hostNetwork", "dnsPolicy", "serviceAccountName",
			"automountServiceAccountToken", "terminationGracePeriodSeconds", "nodeSelector", "tolerations",
			"imagePullSecrets", "priorityClassName", "securityContext");

	static final Set<String> KNOWN_SECURITY_CONTEXT = Set.of("runAsUser", "runAsGroup", "fsGroup", "runAsNonRoot",
			"seccompProfile");

	/** Fields with an input of the same name, prefixed by {@code pod.}. */
	private static final Set<String> INPUTS = Set.of("restartPolicy", "dnsPolicy", "terminationGracePeriodSeconds",
			"serviceAccountName", "automountServiceAccountToken", "priorityClassName", "shareProcessNamespace",
			"hostIPC", "hostPID", "hostNetwork");

	private PodSection() {
	}

	public static class PodForm {

		public String restartPolicy;

		public boolean shareProcessNamespace;

		public boolean hostIPC;

		public boolean hostPID;

		public boolean hostNetwork;

		public String dnsPolicy;

		public String serviceAccountName;

		/** "", "true" or "false": unset is not the same as false here. */
		public String automountServiceAccountToken;

		public String terminationGracePeriodSeconds;

		public List<KeyValue> nodeSelector = new ArrayList<>();

		public List<TolerationForm> tolerations = new ArrayList<>();

		/** Secret names, comma separated. */
		public String imagePullSecrets;

		public String priorityClassName;

		public String runAsUser;

		public String runAsGroup;

		public String fsGroup;

		public String runAsNonRoot;

		public String seccompProfile;

		public String seccompLocalhostProfile;

		public String otherYaml;

	}

	public static class TolerationForm implements ComposeForm.Row {

		public String key;

		public String operator;

		public String value;

		public String effect;

		public String tolerationSeconds;

		@Override
		public boolean sent() {
			return this.key != null;
		}

	}

	static PodForm read(JsonNode spec) {
		PodForm pod = new PodForm();
		pod.restartPolicy = text(spec.path("restartPolicy"));
		pod.shareProcessNamespace = spec.path("shareProcessNamespace").asBoolean(false);
		pod.hostIPC = spec.path("hostIPC").asBoolean(false);
		pod.hostPID = spec.path("hostPID").asBoolean(false);
		pod.hostNetwork = spec.path("hostNetwork").asBoolean(false);
		pod.dnsPolicy = text(spec.path("dnsPolicy"));
		pod.serviceAccountName = text(spec.path("serviceAccountName"));
		pod.automountServiceAccountToken = text(spec.path("automountServiceAccountToken"));
		pod.terminationGracePeriodSeconds = text(spec.path("terminationGracePeriodSeconds"));
		pod.nodeSelector = FormReader.keyValues(spec.path("nodeSelector"));
		spec.path("tolerations").values().forEach((item) -> {
			TolerationForm toleration = new TolerationForm();
			toleration.key = text(item.path("key"));
			toleration.operator = text(item.path("operator"));
			toleration.value = text(item.path("value"));
			toleration.effect = text(item.path("effect"));
			toleration.tolerationSeconds = text(item.path("tolerationSeconds"));
			pod.tolerations.add(toleration);
		});
		pod.imagePullSecrets = spec.path("imagePullSecrets")
			.values()
			.stream()
			.map((secret) -> text(secret.path("name")))
			.collect(Collectors.joining(", "));
		pod.priorityClassName = text(spec.path("priorityClassName"));
		JsonNode security = spec.path("securityContext");
		pod.runAsUser = text(security.path("runAsUser"));
		pod.runAsGroup = text(security.path("runAsGroup"));
		pod.fsGroup = text(security.path("fsGroup"));
		pod.runAsNonRoot = text(security.path("runAsNonRoot"));
		pod.seccompProfile = text(security.path("seccompProfile").path("type"));
		pod.seccompLocalhostProfile = text(security.path("seccompProfile").path("localhostProfile"));
		pod.otherYaml = FormReader.otherYaml(spec, KNOWN);
		return pod;
	}

	static void apply(ObjectNode spec, PodForm pod, FormApplier applier) {
		applier.applyOtherYaml(spec, KNOWN, pod.otherYaml, "pod.otherYaml");
		setString(spec, "restartPolicy", pod.restartPolicy);
		setFlag(spec, "shareProcessNamespace", pod.shareProcessNamespace);
		setFlag(spec, "hostIPC", pod.hostIPC);
		setFlag(spec, "hostPID", pod.hostPID);
		setFlag(spec, "hostNetwork", pod.hostNetwork);
		setString(spec, "dnsPolicy", pod.dnsPolicy);
		setString(spec, "serviceAccountName", trimmed(pod.serviceAccountName));
		setTriState(spec, "automountServiceAccountToken", pod.automountServiceAccountToken);
		setInteger(spec, "terminationGracePeriodSeconds", pod.terminationGracePeriodSeconds);
		applier.setMap(spec, "nodeSelector", pod.nodeSelector);
		applier.applyList(spec, "tolerations", pod.tolerations, PodSection::applyToleration);
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

	private static void applyToleration(ObjectNode toleration, TolerationForm form, int index) {
		setString(toleration, "key", trimmed(form.key));
		setString(toleration, "operator", form.operator);
		setString(toleration, "value", "Exists".equals(form.operator) ? "" : form.value);
		setString(toleration, "effect", form.effect);
		setInteger(toleration, "tolerationSeconds", form.tolerationSeconds);
	}

	private static void applyImagePullSecrets(ObjectNode spec, String text) {
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

	/**
	 * The input for a path within the pod spec that is not in a container or a volume:
	 * its own input, its "other pod fields" text area, or null.
	 */
	static String inputName(FieldPath path, JsonNode spec) {
		Step field = path.step(0);
		String name = field.text();
		if (INPUTS.contains(name) && !field.bracketed()) {
			return "pod." + name;
		}
		return switch (name) {
			case "nodeSelector" -> FormFieldNames.keyRow("pod.nodeSelector", path.step(1), spec.path("nodeSelector"));
			case "tolerations" -> (path.step(1).index() >= 0) ? "pod.tolerations[" + path.step(1).index() + "]."
					+ (Set.of("operator", "value", "effect", "tolerationSeconds").contains(path.step(2).text())
							? path.step(2).text() : "key")
					: null;
			case "imagePullSecrets" -> "pod.imagePullSecrets";
			case "securityContext" -> securityInput(path.drop(1));
			case "ephemeralContainers" -> null;
			default -> KNOWN.contains(name) || name.isEmpty() ? null : "pod.otherYaml";
		};
	}

	private static String securityInput(FieldPath path) {
		String name = path.step(0).text();
		// the API server names the spec's shareProcessNamespace as if it were the
		// security context's
		if (Set.of("runAsUser", "runAsGroup", "fsGroup", "runAsNonRoot", "shareProcessNamespace").contains(name)) {
			return "pod." + name;
		}
		if ("seccompProfile".equals(name)) {
			return path.step(1).isField("localhostProfile") ? "pod.seccompLocalhostProfile" : "pod.seccompProfile";
		}
		return null;
	}

}
