package io.podcomposer.manifest;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer hands events straight to SnakeYAML's emitter; it must write byte for byte
 * what it wrote when it dumped Java maps and lists through {@code Yaml.dump} (kept here
 * as the measure).
 */
class ManifestWriterEventsTest {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> STRINGS = List.of("", " ", " a", "a ", "a\nb", "a\n", "\n", "a\n\n", "\na",
			" a\n b", "a \nb", "a\u0085b", "a\u2028b", "a\u2029", "a\r\nb", "a\rb", "\t", "a\tb", "\u0001", "a\u0007b",
			"\uFEFF", "\u00A0", "caf\u00e9", "\uD83D\uDE00", "\uD800", "a: b", "a:b", "a #b", "#a", "- a", "-", "? a",
			"'", "\"", "'a'", "\"a\"", "&a", "*a", "!a", "%a", "@a", "`a", "{a}", "[a]", ",", "a,b", "|", ">", "a|b",
			"0o17", "-0o17", "+0o1_7", "0o8", "${MODE}", "$${MODE}", "x".repeat(300), "a ".repeat(100), "---", "...",
			"--- a", "http://example.com/a?b=c#d", "/usr/share/nginx/html", "key=value", "a\\b");

	@TestFactory
	Stream<DynamicTest> everyManifestFileWritesAsBefore() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (var file : ManifestCorpus.files()) {
			List<JsonNode> documents;
			try {
				documents = ManifestReader.readYamlDocuments(Files.readString(file));
			}
			catch (ManifestParseException ex) {
				continue; // a file the reader refuses gives no tree to write
			}
			tests.add(DynamicTest.dynamicTest(file.toString(), file.toUri(),
					() -> documents.forEach(ManifestWriterEventsTest::assertWritesAsBefore)));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> trickyTreesWriteAsBefore() {
		List<JsonNode> trees = new ArrayList<>();
		List<String> strings = new ArrayList<>(STRINGS);
		strings.addAll(ManifestCorpus.SCALARS);
		for (String text : strings) {
			ObjectNode asValue = NODES.objectNode().put("k", text);
			trees.add(asValue);
			trees.add(NODES.objectNode().put(text, "v"));
			trees.add(NODES.arrayNode().add(text).add(NODES.arrayNode().add(text)));
			trees.add(NODES.stringNode(text));
			trees.add(NODES.objectNode().set("nested", NODES.objectNode().set(text, NODES.arrayNode().add(asValue))));
		}
		trees.add(numbers());
		trees.add(NODES.objectNode().putNull("a").set("b", NODES.arrayNode().addNull().add(NODES.objectNode())));
		trees.add(NODES.objectNode()
			.set("a",
					NODES.arrayNode()
						.add(NODES.arrayNode().add(NODES.arrayNode()))
						.add(NODES.objectNode().set("b", NODES.arrayNode().add(1).add("c")))));
		trees.add(NODES.objectNode().put("data", new byte[] { 1, 2, 3 }).putPOJO("pojo", List.of("a")));
		trees.add(NODES.arrayNode());
		trees.add(NODES.objectNode());
		trees.add(NODES.nullNode());
		trees.add(NODES.numberNode(7));
		trees.add(NODES.booleanNode(false));
		trees.add(NODES.missingNode());
		return trees.stream()
			.map((tree) -> DynamicTest.dynamicTest(ManifestCorpus.name(tree.toString()),
					() -> assertWritesAsBefore(tree)));
	}

	private static ObjectNode numbers() {
		ArrayNode values = NODES.arrayNode()
			.add(0)
			.add(-5)
			.add(Integer.MAX_VALUE)
			.add(Long.MAX_VALUE)
			.add(Long.MIN_VALUE)
			.add(BigInteger.TWO.pow(64))
			.add(BigInteger.valueOf(5))
			.add(BigInteger.TWO.pow(63))
			.add((short) 3)
			.add(1.5)
			.add(-0.0)
			.add(100.0)
			.add(1e20)
			.add(1e-7)
			.add(Double.NaN)
			.add(Double.POSITIVE_INFINITY)
			.add(Double.NEGATIVE_INFINITY)
			.add(1.1f)
			.add(new BigDecimal("1.10"))
			.add(true)
			.add(false);
		ObjectNode tree = NODES.objectNode();
		tree.set("values", values);
		tree.put("replicas", 3);
		return tree;
	}

	private static void assertWritesAsBefore(JsonNode tree) {
		assertThat(ManifestWriter.toYaml(tree)).isEqualTo(dumpedAsBefore(ManifestWriter.canonical(tree)));
		assertThat(ManifestWriter.toYamlAsGiven(tree)).isEqualTo(dumpedAsBefore(tree));
	}

	/**
	 * How ManifestWriter wrote YAML before: the tree as Java maps and lists, dumped by
	 * SnakeYAML.
	 */
	private static String dumpedAsBefore(JsonNode tree) {
		DumperOptions options = ManifestWriter.dumperOptions();
		return new Yaml(new BlockStringRepresenter(options), options).dump(toPlain(tree));
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

}
