package io.podcomposer.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain reader ({@link PlainYamlReader}) must not change a thing: whatever the text,
 * reading it gives what the general reader (SnakeYAML's {@code load}/{@code loadAll} and
 * the conversion of the Java objects, as ManifestReader always read) gives: the same
 * tree, with the same key order and number types, or the same error at the same place.
 */
class ManifestReaderPlainPathTest {

	@TestFactory
	Stream<DynamicTest> everyManifestFileReadsAsBefore() throws IOException {
		return ManifestCorpus.files()
			.stream()
			.map((file) -> DynamicTest.dynamicTest(file.toString(), file.toUri(),
					() -> assertReadsAsBefore(Files.readString(file))));
	}

	@TestFactory
	Stream<DynamicTest> trickyTextReadsAsBefore() {
		return trickyCases().stream()
			.map((yaml) -> DynamicTest.dynamicTest(ManifestCorpus.name(yaml), () -> assertReadsAsBefore(yaml)));
	}

	@Test
	void theUsualManifestTakesThePlainPath() throws IOException {
		String typical = Files.readString(Path.of("src", "jmh", "resources", "typical-pod.yaml"));

		assertThat(PlainYamlReader.readDocument(typical, ManifestReader.loaderOptions())).isNotNull();
		assertThat(PlainYamlReader.readDocuments(typical + "---\n" + typical, ManifestReader.loaderOptions()))
			.hasSize(2);
	}

	@Test
	void leavesWhatIsNotPlainToTheGeneralReader() {
		for (String yaml : List.of("a: &x 1\nb: *x", "a: !!str 1", "<<: {a: 1}", "a: 1\na: 2", "1: a\n'1': b", "~: a",
				"? [a]\n: b", "a: [", "a: 1\n---\nb: 2", "", "~")) {
			assertThat(PlainYamlReader.readDocument(yaml, ManifestReader.loaderOptions())).as(yaml).isNull();
		}
	}

	private static void assertReadsAsBefore(String yaml) {
		assertThat(outcome(() -> typed(ManifestReader.readYaml(yaml))))
			.isEqualTo(outcome(() -> typed(ManifestReader.readAnyYaml(yaml))));
		assertThat(outcome(() -> typedAll(ManifestReader.readYamlDocuments(yaml)))).isEqualTo(outcome(
				() -> typedAll(ManifestReader.withoutTrailingEmpty(ManifestReader.readAnyYamlDocuments(yaml)))));
	}

	/** The tree in writing, or the error with its place. */
	private static String outcome(Callable<String> read) {
		try {
			return read.call();
		}
		catch (ManifestParseException ex) {
			return "error at " + ex.line() + ":" + ex.column() + ": " + ex.getMessage();
		}
		catch (Exception ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	private static String typedAll(List<JsonNode> documents) {
		return documents.stream().map(ManifestReaderPlainPathTest::typed).collect(Collectors.joining("\n---\n"));
	}

	/**
	 * Key order and node classes count: an IntNode is not a LongNode, and equals()
	 * ignores order. The repeated fields a document is marked with count too.
	 */
	private static String typed(JsonNode node) {
		if (node instanceof ReadDocument read) {
			return typed(read.deepCopy()) + " repeating " + read.duplicateFields();
		}
		if (node.isObject()) {
			return node.properties()
				.stream()
				.map((entry) -> "'" + entry.getKey() + "': " + typed(entry.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		if (node.isArray()) {
			return node.values()
				.stream()
				.map(ManifestReaderPlainPathTest::typed)
				.collect(Collectors.joining(", ", "[", "]"));
		}
		return node.getClass().getSimpleName() + " " + node;
	}

	private static List<String> trickyCases() {
		List<String> cases = new ArrayList<>();
		// every plain scalar form, as a value and as a key
		for (String scalar : ManifestCorpus.SCALARS) {
			cases.add("v: " + scalar + "\n");
			cases.add(scalar + ": v\n");
			cases.add("- " + scalar + "\n");
			cases.add(scalar + "\n");
		}
		cases.addAll(List.of(
				// quoting and block scalars
				"a: '123'\nb: \"true\"\nc: 'null'\nd: \"\"\ne: ''\nf: \"\\t\\u00e9\\n\"", "a: |\n  one\n  two\n",
				"a: |-\n  one\n  two\n", "a: |+\n  one\n\n", "a: >\n  folded\n  text\n", "a: >-\n  folded\n  text\n",
				"a: |2\n   indented\n", "? |\n  block key\n: v", "\"quoted key\": 1\n'single': 2\n\"1\": 3",
				"a:\nb: ~\nc:\n  - \n  - ~",
				// keys
				"1: a\n2: b", "1.5: a\n1e3: b", "true: a\nfalse: b", "0x10: a", "~: a", "null: a", "? : a", "\"\": a",
				"? [a]\n: b", "? {a: 1}\n: b", "[a]: b", "1: a\n\"1\": b", "\"1\": a\n1: b", "true: a\n\"true\": b",
				"a: 1\na: 2", "1: a\n0x1: b", "yes: a\ntrue: b", "1.0: a\n1.00: b", "~: a\nnull: b", "a: {b: 1, b: 2}",
				"- {a: 1, a: 1}",
				// flow and block styles
				"{a: [1, 2, {b: c}], d: {e: f}}", "[1, [2, [3, []]], {}]", "a: [1, 2,]",
				"- a\n- - b\n  - c\n- d: e\n  f: g", "a:\n- b\n- c", "a: {b: [c, {d: e}]}\nf:\n  g:\n    - h",
				"{\"a\": [1, 2.5, true, null, \"x\"]}", "{\"a\": 1, \"a\": 2}", "a: b # comment\n# more\nc: d",
				"%YAML 1.1\n---\na: 1", "\uFEFFa: 1", "a: caf\u00e9 \uD83D\uDE00", "a: \"\\x01\"", "a: \u0001",
				"a: \u0085b",
				// documents
				"", " ", "# only a comment", "---", "---\n---", "a: 1\n---\n", "---\n---\na: 1", "a: 1\n---\nb: 2",
				"a: 1\n---\n---\nb: 2\n---\n", "--- a\n--- b", "a: 1\n...\n---\nb: 2", "---\n~\n---\na: 1", "~",
				"a: 1\n---\nb: [", "a: 1\n---\n!!binary aGk=", "- 1\n---\n- 2\n---\nkey: value",
				// anchors, aliases and merge keys
				"a: &x 1\nb: *x", "a: &x [1, 2]\nb: *x", "a: &x {b: 1}\nc: *x", "a: *x", "&a [*a]", "&a {x: *a}",
				"&a {*a: 1}", "? &a [*a]\n: 1", "base: &base {a: 1, b: 2}\nderived:\n  <<: *base\n  b: 3\n  c: 4",
				"a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n  z: 3", "<<: {a: 1}\nb: 2", "a:\n  <<: 1",
				"a:\n  <<: [1]", "a: &a {b: 1}\nc:\n  <<: *a\n  <<: {d: 2}", "a:\n  <<: {b: 1}\n  b: 2\n  b: 3",
				"a: &a {b: 1}\nc: {<<: *a, b: 1, b: 2}", "a: &a {~: 1}\nb:\n  <<: *a", "a: &a !!set {x}\nb: {<<: *a}",
				"a: &x 1\nb: &x 2\nc: *x", "a: &a\n  - *a",
				// explicit tags
				"a: !!str 123", "a: !!str", "a: !!int \"12\"", "a: !!int abc", "a: !!int", "a: !!float \"1.5\"",
				"a: !!float x", "a: !!bool maybe", "a: !!bool yes", "a: !!null x", "!!null x", "a: !!binary aGVsbG8=",
				"a: !!binary ***", "a: !!set {a, b}", "a: !!timestamp 2001-12-14", "a: !!timestamp x",
				"a: !!pairs [a: 1]", "a: !!omap [a: 1, b: 2]", "a: !!omap [a: 1, a: 2]", "a: !!omap {a: 1}",
				"a: !foo bar", "a: !<tag:example.com,2000:x> y", "%TAG ! tag:example.com,2000:\n---\na: !foo x",
				"a: !!str {b: 1}", "a: !!seq {b: 1}", "a: !!map [1]", "a: !!seq [1]", "a: !!map {b: 1}", "a: ! 12",
				"!!map {a: 1}", "!!str x", "a: !!merge x", "!!set {a}: v", "? !!int 1\n: a", "!!omap [a: 1]",
				"!!int 12",
				// malformed
				"a: [", "a: b: c", "\ta: 1", "a:\n\t- b", "a: 'unterminated", "a: \"unterminated", "- a\nb: c",
				"a: 1\n b: 2", "a:\n  - b\n c: d", "[1, 2", "{a: 1", "a: }", "a: ]", "- - -", "? ? a", "a: @b", "a: `b",
				"a: %b", "&a", "*", "a: *", "!!", "key: [a, b]]", "a: 1\n\n\n  - b", "%FOO bar\n---\na: 1",
				"%YAML 1.1\n%YAML 1.1\n---\na: 1", "%YAML 2.0\n---\na: 1", "a: |\n x\n  y\n z", "a: 1\n---\nb: {",
				"\"a\\q\": 1"));
		cases.add(nested("[", "]", 62));
		cases.add(nested("[", "]", 63));
		cases.add(nested("[", "]", 64));
		cases.add(nested("[", "]", 65));
		cases.add(nested("{a: ", "}", 63));
		cases.add(nested("{a: ", "}", 64));
		cases.add(nested("{a: ", "}", 65));
		cases.add("a: &x " + nested("[", "]", 40) + "\nb: " + nested("[", "]", 23).replace("[]", "[*x]"));
		cases.add("a: &x " + nested("[", "]", 40) + "\nb: " + nested("[", "]", 25).replace("[]", "[*x]"));
		StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
		for (char name = 'b'; name <= 'e'; name++) {
			bomb.append(name)
				.append(": &")
				.append(name)
				.append(" [")
				.append(("*" + (char) (name - 1) + ", ").repeat(9))
				.append('*')
				.append((char) (name - 1))
				.append("]\n");
		}
		cases.add(bomb + "f: [*e, *e, *e]");
		cases.add(bomb + "f: [*e]");
		cases.add(bomb + "---\nf: [*e]\n---\ng: [*e]");
		cases.add("a: &a [1]\nb: [" + "*a, ".repeat(51) + "*a]");
		cases.add("a: &a [1]\nb: [" + "*a, ".repeat(49) + "*a]");
		cases.add("[" + "1, ".repeat(199_999) + "1]");
		cases.add("[" + "1, ".repeat(200_000) + "1]");
		cases.add("- [" + "1, ".repeat(100_000) + "1]\n---\n- [" + "1, ".repeat(100_000) + "1]");
		// over the code point limit, in lines: one long plain scalar takes the scanner
		// seconds
		cases.add("a: |\n" + "  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n".repeat(100_000));
		return cases;
	}

	private static String nested(String open, String close, int levels) {
		return open.repeat(levels) + "[]" + close.repeat(levels);
	}

}
