package io.podcomposer.manifest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a manifest tree the way {@code kubectl get -o yaml} shows what a user set: the
 * usual keys first in their usual order, no nulls, strings quoted only where YAML needs
 * it, and multi-line strings as literal blocks. JSON output is the same object.
 */
public final class ManifestWriter {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final DumperOptions OPTIONS = dumperOptions();

	/**
	 * The standard YAML 1.1 resolver (timestamps included), as {@code Yaml.dump} used.
	 */
	private static final PlainScalarResolver RESOLVER = new PlainScalarResolver();

	/** What SnakeYAML's representer takes for a line break. */
	private static final Pattern MULTI_LINE = Pattern.compile("[\\u0085\\u2028\\u2029]");

	private static final Pattern NOT_A_STRING_TO_KUBECTL = Pattern.compile("[yYnN]|[-+]?0o[0-7_]+");

	private ManifestWriter() {
	}

	public static String toYaml(JsonNode tree) {
		return dump(canonical(tree));
	}

	/**
	 * Writes the tree as it is: its key order and its nulls kept, as a backup must keep
	 * them. A list gives a YAML sequence at the left margin, so that lists written one
	 * after another read as one list.
	 */
	public static String toYamlAsGiven(JsonNode tree) {
		return dump(tree);
	}

	public static String toJson(JsonNode tree) {
		return JSON.writeValueAsString(canonical(tree)) + "\n";
	}

	static DumperOptions dumperOptions() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setSplitLines(false);
		options.setWidth(Integer.MAX_VALUE);
		options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
		return options;
	}

	/**
	 * A copy with nulls dropped and the keys of well-known objects in their usual order.
	 */
	public static JsonNode canonical(JsonNode tree) {
		return KeyOrder.ROOT.apply(tree);
	}

	/**
	 * Writes the tree as SnakeYAML's {@code Yaml.dump} wrote the same values as Java maps
	 * and lists, byte for byte, but hands the events straight to its emitter: building
	 * the Java objects and SnakeYAML's nodes for them took most of the time of writing.
	 */
	private static String dump(JsonNode tree) {
		StringWriter out = new StringWriter();
		Emitter emitter = new Emitter(out, OPTIONS);
		try {
			emitter.emit(new StreamStartEvent(null, null));
			emitter.emit(new DocumentStartEvent(null, null, OPTIONS.isExplicitStart(), OPTIONS.getVersion(),
					OPTIONS.getTags()));
			emit(tree, emitter);
			emitter.emit(new DocumentEndEvent(null, null, OPTIONS.isExplicitEnd()));
			emitter.emit(new StreamEndEvent(null, null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static void emit(JsonNode node, Emitter emitter) throws IOException {
		if (node.isObject()) {
			emitter.emit(new MappingStartEvent(null, Tag.MAP.getValue(), true, null, null, FlowStyle.BLOCK));
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				emitter.emit(string(entry.getKey()));
				emit(entry.getValue(), emitter);
			}
			emitter.emit(new MappingEndEvent(null, null));
		}
		else if (node.isArray()) {
			emitter.emit(new SequenceStartEvent(null, Tag.SEQ.getValue(), true, null, null, FlowStyle.BLOCK));
			for (JsonNode item : node.values()) {
				emit(item, emitter);
			}
			emitter.emit(new SequenceEndEvent(null, null));
		}
		else if (node.isString()) {
			emitter.emit(string(node.asString()));
		}
		else if (node.isBoolean()) {
			emitter.emit(scalar(Tag.BOOL, node.booleanValue() ? "true" : "false", ScalarStyle.PLAIN));
		}
		else if (node.isIntegralNumber()) {
			emitter.emit(scalar(Tag.INT, node.bigIntegerValue().toString(), ScalarStyle.PLAIN));
		}
		else if (node.isNumber()) {
			emitter.emit(scalar(Tag.FLOAT, floatText(node.doubleValue()), ScalarStyle.PLAIN));
		}
		else {
			emitter.emit(scalar(Tag.NULL, "null", ScalarStyle.PLAIN));
		}
	}

	/**
	 * Multi-line strings as literal blocks ({@code |}), the rest as SnakeYAML chooses,
	 * except for the few that SnakeYAML leaves plain but kubectl's YAML 1.1 reader would
	 * take as a bool or a number.
	 */
	private static ScalarEvent string(String text) {
		if (text.indexOf('\n') >= 0 || MULTI_LINE.matcher(text).find()) {
			return scalar(Tag.STR, text, ScalarStyle.LITERAL);
		}
		if (NOT_A_STRING_TO_KUBECTL.matcher(text).matches()) {
			return scalar(Tag.STR, text, ScalarStyle.SINGLE_QUOTED);
		}
		return scalar(Tag.STR, text, ScalarStyle.PLAIN);
	}

	/** As SnakeYAML's serializer tells the emitter whether the tag may be left out. */
	private static ScalarEvent scalar(Tag tag, String value, ScalarStyle style) {
		ImplicitTuple implicit = new ImplicitTuple(tag.equals(RESOLVER.resolvePlain(value)), tag.equals(Tag.STR));
		return new ScalarEvent(null, tag.getValue(), implicit, value, null, null, style);
	}

	/** As SnakeYAML's representer writes a double. */
	private static String floatText(double number) {
		if (Double.isNaN(number)) {
			return ".NaN";
		}
		if (Double.isInfinite(number)) {
			return (number > 0) ? ".inf" : "-.inf";
		}
		return Double.toString(number);
	}

	/**
	 * Key order for the objects a reader looks for first. Each role lists its keys in
	 * order, with {@code *} standing for all other keys in the order they were given.
	 */
	private enum KeyOrder {

		ROOT("apiVersion", "kind", "metadata", "spec", "*", "status"),
		METADATA("name", "generateName", "namespace", "labels", "annotations", "*"), WORKLOAD_SPEC("schedule",
				"concurrencyPolicy", "suspend", "replicas", "serviceName", "completions", "parallelism", "backoffLimit",
				"activeDeadlineSeconds", "ttlSecondsAfterFinished", "selector", "*", "template", "jobTemplate"),
		TEMPLATE("metadata", "spec", "*"),
		POD_SPEC("initContainers", "containers", "restartPolicy", "terminationGracePeriodSeconds",
				"activeDeadlineSeconds", "dnsPolicy", "nodeSelector", "serviceAccountName",
				"automountServiceAccountToken", "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace",
				"securityContext", "imagePullSecrets", "priorityClassName", "tolerations", "affinity", "*", "volumes"),
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
			node.propertyNames()
				.stream()
				.filter((key) -> !this.keys.contains(key))
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

		/**
		 * The role of the value under {@code key}; {@code parent} tells a Pod's spec from
		 * a workload's.
		 */
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
					// a CronJob's jobTemplate.spec is a Job spec; a pod template's spec
					// is a pod spec
					case "spec" -> parent.path("spec").has("template") ? WORKLOAD_SPEC : POD_SPEC;
					default -> OTHER;
				};
				case POD_SPEC -> ("containers".equals(key) || "initContainers".equals(key)) ? CONTAINER : OTHER;
				default -> OTHER;
			};
		}

	}

}
