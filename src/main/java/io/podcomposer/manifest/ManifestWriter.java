package io.podcomposer.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a manifest tree the way {@code kubectl get -o yaml} shows what a user set: the usual
 * keys first in their usual order, no nulls, strings quoted only where YAML needs it, and
 * multi-line strings as literal blocks. JSON output is the same object.
 */
public final class ManifestWriter {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ManifestWriter() {
	}

	public static String toYaml(JsonNode tree) {
		return newYaml().dump(toPlain(canonical(tree)));
	}

	/**
	 * Writes the tree as it is: its key order and its nulls kept, as a backup must keep them. A
	 * list gives a YAML sequence at the left margin, so that lists written one after another read
	 * as one list.
	 */
	public static String toYamlAsGiven(JsonNode tree) {
		return newYaml().dump(toPlain(tree));
	}

	public static String toJson(JsonNode tree) {
		return JSON.writeValueAsString(canonical(tree)) + "\n";
	}

	/** A copy with nulls dropped and the keys of well-known objects in their usual order. */
	public static JsonNode canonical(JsonNode tree) {
		return KeyOrder.ROOT.apply(tree);
	}

	private static Yaml newYaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setSplitLines(false);
		options.setWidth(Integer.MAX_VALUE);
		options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
		return new Yaml(new BlockStringRepresenter(options), options);
	}

	private static Object toPlain(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			node.properties().forEach((entry) -> map.put(entry.getKey(), toPlain(entry.getValue())));
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>();
			node.values().forEach((item) -> list.add(toPlain(item)));
			return list;
		}
		if (node.isString()) {
			return node.asString();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue().bitLength() < 64 ? (Object) node.longValue() : node.bigIntegerValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		return null;
	}

	/**
	 * Multi-line strings as literal blocks ({@code |}), the rest as SnakeYAML chooses, except for
	 * the few that SnakeYAML leaves plain but kubectl's YAML 1.1 reader would take as a bool or
	 * a number.
	 */
	private static final class BlockStringRepresenter extends Representer {

		private static final Pattern NOT_A_STRING_TO_KUBECTL = Pattern.compile("[yYnN]|[-+]?0o[0-7_]+");

		BlockStringRepresenter(DumperOptions options) {
			super(options);
			Represent plain = this.representers.get(String.class);
			this.representers.put(String.class, (data) -> {
				String text = (String) data;
				if (text.indexOf('\n') >= 0) {
					return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL);
				}
				if (NOT_A_STRING_TO_KUBECTL.matcher(text).matches()) {
					return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.SINGLE_QUOTED);
				}
				return plain.representData(data);
			});
		}

	}

	/**
	 * Key order for the objects a reader looks for first. Each role lists its keys in order, with
	 * {@code *} standing for all other keys in the order they were given.
	 */
	private enum KeyOrder {

		ROOT("apiVersion", "kind", "metadata", "spec", "*", "status"),
		METADATA("name", "generateName", "namespace", "labels", "annotations", "*"),
		WORKLOAD_SPEC("schedule", "concurrencyPolicy", "suspend", "replicas", "serviceName", "completions",
				"parallelism", "backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished", "selector", "*",
				"template", "jobTemplate"),
		TEMPLATE("metadata", "spec", "*"),
		POD_SPEC("initContainers", "containers", "restartPolicy", "terminationGracePeriodSeconds",
				"activeDeadlineSeconds", "dnsPolicy", "nodeSelector", "serviceAccountName",
				"automountServiceAccountToken", "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace",
				"securityContext", "imagePullSecrets", "priorityClassName", "tolerations", "affinity", "*",
				"volumes"),
		CONTAINER("name", "image", "imagePullPolicy", "command", "args", "workingDir", "ports", "envFrom", "env",
				"resources", "volumeMounts", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle",
				"securityContext", "restartPolicy", "stdin", "stdinOnce", "tty", "*"),
		OTHER("*");

		private final List<String> keys;

		KeyOrder(String... keys) {
			this.keys = List.of(keys);
		}

		JsonNode apply(JsonNode node) {
			if (node.isArray()) {
				var copy = JsonNodeFactory.instance.arrayNode();
				node.values().forEach((item) -> {
					if (!item.isNull()) {
						copy.add(apply(item));
					}
				});
				return copy;
			}
			if (!node.isObject()) {
				return node;
			}
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			int rest = this.keys.indexOf("*");
			for (String key : this.keys.subList(0, rest)) {
				copyField(node, key, copy);
			}
			node.propertyNames().stream().filter((key) -> !this.keys.contains(key))
				.forEach((key) -> copyField(node, key, copy));
			for (String key : this.keys.subList(rest + 1, this.keys.size())) {
				copyField(node, key, copy);
			}
			return copy;
		}

		private void copyField(JsonNode from, String key, ObjectNode to) {
			JsonNode value = from.get(key);
			if (value != null && !value.isNull()) {
				to.set(key, child(key, from).apply(value));
			}
		}

		/** The role of the value under {@code key}; {@code parent} tells a Pod's spec from a workload's. */
		private KeyOrder child(String key, JsonNode parent) {
			return switch (this) {
				case ROOT -> switch (key) {
					case "metadata" -> METADATA;
					case "spec" -> "Pod".equals(parent.path("kind").asString("")) ? POD_SPEC : WORKLOAD_SPEC;
					default -> OTHER;
				};
				case WORKLOAD_SPEC -> switch (key) {
					case "template" -> TEMPLATE;
					case "jobTemplate" -> TEMPLATE;
					default -> OTHER;
				};
				case TEMPLATE -> switch (key) {
					case "metadata" -> METADATA;
					// a CronJob's jobTemplate.spec is a Job spec; a pod template's spec is a pod spec
					case "spec" -> parent.path("spec").has("template") ? WORKLOAD_SPEC : POD_SPEC;
					default -> OTHER;
				};
				case POD_SPEC -> ("containers".equals(key) || "initContainers".equals(key)) ? CONTAINER : OTHER;
				default -> OTHER;
			};
		}

	}

}
