package io.podcomposer.manifest;

import java.time.Duration;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ManifestReaderTest {

	private static final String POD_YAML = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: web
			  labels:
			    app: web
			spec:
			  containers:
			  - name: nginx
			    image: nginx:1.27
			    ports:
			    - containerPort: 8080
			    tty: true
			""";

	@Test
	void readsYaml() {
		JsonNode pod = ManifestReader.readYaml(POD_YAML);

		assertThat(pod.path("metadata").path("labels").path("app").asString()).isEqualTo("web");
		JsonNode container = pod.path("spec").path("containers").get(0);
		assertThat(container.path("image").asString()).isEqualTo("nginx:1.27");
		assertThat(container.path("ports").get(0).path("containerPort").isInt()).isTrue();
		assertThat(container.path("ports").get(0).path("containerPort").intValue()).isEqualTo(8080);
		assertThat(container.path("tty").isBoolean()).isTrue();
	}

	@Test
	void readsJsonToTheSameTreeAsYaml() {
		JsonNode json = ManifestReader.readJson("""
				{"apiVersion": "v1", "kind": "Pod",
				 "metadata": {"name": "web", "labels": {"app": "web"}},
				 "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27",
				   "ports": [{"containerPort": 8080}], "tty": true}]}}
				""");

		assertThat(json).isEqualTo(ManifestReader.readYaml(POD_YAML));
	}

	@Test
	void malformedYamlGivesLineAndColumn() {
		String yaml = """
				apiVersion: v1
				kind: Pod
				spec: x: y
				""";

		assertRefusedAt(() -> ManifestReader.readYaml(yaml), 3, 8).withMessage("mapping values are not allowed here");
		assertRefusedAt(() -> ManifestReader.readYaml("metadata:\n  name: web\n\tnamespace: x\n"), 3, 1)
			.withMessageContaining("TAB");
	}

	@Test
	void malformedJsonGivesLineAndColumn() {
		assertRefusedAt(() -> ManifestReader.readJson("{\"kind\": \"Pod\",\n  \"spec\": [1,}"), 2, 14)
			.withMessageContaining("Unexpected character ('}'");
	}

	@Test
	void refusesTheClassicBillionLaughsByItsExpandedSize() {
		StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
		char previous = 'a';
		for (char level = 'b'; level <= 'i'; level++) {
			yaml.append(level)
				.append(": &")
				.append(level)
				.append(" [")
				.append(("*" + previous + ", ").repeat(8))
				.append('*')
				.append(previous)
				.append("]\n");
			previous = level;
		}

		assertRefusedQuickly(yaml.toString(), "expands to more than " + ExpandedSize.MAX_CHARS + " characters");
	}

	@Test
	void refusesAnAliasChainThatStaysUnderTheAliasLimitByTheExpansionLimit() {
		// 20 levels of two aliases each: 40 aliases, but 2^20 lists once expanded
		StringBuilder yaml = new StringBuilder("l0: &l0 [lol]\n");
		for (int level = 1; level <= 20; level++) {
			yaml.append("l")
				.append(level)
				.append(": &l")
				.append(level)
				.append(" [*l")
				.append(level - 1)
				.append(", *l")
				.append(level - 1)
				.append("]\n");
		}

		assertRefusedQuickly(yaml.toString(), "expands to more than " + ExpandedSize.MAX_CHARS + " characters");
	}

	@Test
	void refusesAListThatHoldsItself() {
		assertRefusedQuickly("a: &a [*a]\n", "more than 64 levels deep");
	}

	@Test
	void refusesDepthBuiltFromAliases() {
		// each alias adds 40 levels, so three stay far under the alias limit and reach
		// 121 levels
		String piece = "[".repeat(40);
		String close = "]".repeat(40);
		String yaml = "a: &a " + piece + "x" + close + "\n" + "b: &b " + piece + "*a" + close + "\n" + "c: &c " + piece
				+ "*b" + close + "\n";

		assertRefusedQuickly(yaml, "more than 64 levels deep");
	}

	@Test
	void acceptsNestingUpToTheLimitAndRefusesOneLevelMore() {
		int limit = ManifestReader.MAX_NESTING_DEPTH;
		assertThat(ManifestReader.readYaml(flowLists(limit))).isNotNull();
		assertThat(ManifestReader.readYaml(blockMaps(limit))).isNotNull();
		assertThat(ManifestReader.readJson(flowLists(limit))).isNotNull();

		for (String yaml : new String[] { flowLists(limit + 1), blockMaps(limit + 1), flowLists(5000) }) {
			assertThatExceptionOfType(ManifestParseException.class).isThrownBy(() -> ManifestReader.readYaml(yaml))
				.withMessage("the document nests lists and maps more than 64 levels deep");
		}
		assertThatExceptionOfType(ManifestParseException.class)
			.isThrownBy(() -> ManifestReader.readJson(flowLists(limit + 1)))
			.withMessage("the document nests lists and maps more than 64 levels deep");
	}

	@Test
	void refusesCustomAndJavaTags() {
		assertRefusedAt(() -> ManifestReader.readYaml("kind: Pod\nspec: !foo {a: 1}\n"), 2, 7)
			.withMessageContaining("!foo");
		assertRefusedAt(() -> ManifestReader.readYaml("kind: Pod\nspec: !!java.io.File /etc/passwd\n"), 2, 7)
			.withMessageContaining("java.io.File");
		for (String tag : new String[] { "!!binary aGVsbG8=", "!!set {a, b}", "!!timestamp 2024-01-01",
				"!!pairs [a: 1, a: 2]" }) {
			String name = tag.substring(0, tag.indexOf(' '));
			assertThatExceptionOfType(ManifestParseException.class)
				.isThrownBy(() -> ManifestReader.readYaml("kind: Pod\ndata: " + tag + "\n"))
				.withMessage(name + " values are not allowed in a manifest");
		}
	}

	@Test
	void refusesAValueThatDoesNotFitItsTag() {
		for (String value : new String[] { "!!int abc", "!!float x", "!!str {b: 1}", "!!seq {b: 1}", "!!map [1]" }) {
			assertThatExceptionOfType(ManifestParseException.class).as(value)
				.isThrownBy(() -> ManifestReader.readYaml("kind: Pod\ndata: " + value + "\n"))
				.withMessage(ManifestReader.MISFIT_TAG);
		}
	}

	@Test
	void plainDatesStayStrings() {
		JsonNode node = ManifestReader.readYaml("date: 2024-01-01\nstamp: 2024-01-01T10:00:00Z\n");

		assertThat(node.path("date").isString()).isTrue();
		assertThat(node.path("date").asString()).isEqualTo("2024-01-01");
		assertThat(node.path("stamp").asString()).isEqualTo("2024-01-01T10:00:00Z");
	}

	@Test
	void refusesEmptyDocuments() {
		for (String empty : new String[] { "", "   \n", "---\n", "# only a comment\n" }) {
			assertThatExceptionOfType(ManifestParseException.class).isThrownBy(() -> ManifestReader.readYaml(empty))
				.withMessage("the document is empty");
		}
		assertThatExceptionOfType(ManifestParseException.class).isThrownBy(() -> ManifestReader.readJson(" "))
			.withMessage("the document is empty");
	}

	@Test
	void refusesMoreThanOneDocument() {
		assertRefusedAt(() -> ManifestReader.readYaml("kind: Pod\n---\nkind: Job\n"), 2, 1)
			.withMessage("expected a single document in the stream, but found another document");
		assertRefusedAt(() -> ManifestReader.readJson("{\"kind\": \"Pod\"}\n{\"kind\": \"Job\"}"), 2, 1);
	}

	@Test
	void readsEveryDocumentOfAStream() {
		List<JsonNode> documents = ManifestReader.readYamlDocuments(POD_YAML + "---\nkind: Job\n---\n");

		assertThat(documents).hasSize(2);
		assertThat(documents.get(0)).isEqualTo(ManifestReader.readYaml(POD_YAML));
		assertThat(documents.get(1).path("kind").asString()).isEqualTo("Job");
		assertThat(ManifestReader.readYamlDocuments("---\nkind: Pod\n")).hasSize(1);
	}

	@Test
	void anEmptyDocumentInAStreamIsANullUnlessItIsAtTheEnd() {
		List<JsonNode> documents = ManifestReader
			.readYamlDocuments("kind: Pod\n---\n# nothing\n---\nkind: Job\n---\n---\n");

		assertThat(documents).hasSize(3);
		assertThat(documents.get(1).isNull()).isTrue();
		for (String empty : new String[] { "", "---\n", "# only a comment\n", "---\n---\n" }) {
			assertThatExceptionOfType(ManifestParseException.class)
				.isThrownBy(() -> ManifestReader.readYamlDocuments(empty))
				.withMessage("the document is empty");
		}
	}

	@Test
	void aProblemInALaterDocumentIsPlacedInTheWholeText() {
		assertRefusedAt(() -> ManifestReader.readYamlDocuments("kind: Pod\n---\nkind: Job\n  x: [\n"), 4, 4)
			.withMessageContaining("mapping values are not allowed here");
		assertRefusedAt(() -> ManifestReader.readYamlDocuments("kind: Pod\n---\nspec: x: y\n"), 3, 8)
			.withMessage("mapping values are not allowed here");
		assertThatExceptionOfType(ManifestParseException.class)
			.isThrownBy(() -> ManifestReader.readYamlDocuments("kind: Pod\n---\ndata: !!binary aGVsbG8=\n"))
			.withMessage("documents[1]: !!binary values are not allowed in a manifest");
	}

	@Test
	void theAliasLimitHoldsForTheWholeStream() {
		// 30 aliases: one such document is read, two are more than the limit
		String document = "l0: &l0 [lol]\nl1: [" + "*l0, ".repeat(29) + "*l0]\n";
		assertThat(ManifestReader.readYamlDocuments(document.toString())).hasSize(1);

		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> assertThatExceptionOfType(ManifestParseException.class)
					.isThrownBy(() -> ManifestReader.readYamlDocuments(document + "---\n" + document))
					.withMessageContaining("more than " + ManifestReader.MAX_ALIASES + " aliases"));
	}

	private static ThrowableAssertAlternative<ManifestParseException> assertRefusedAt(ThrowingCallable read, int line,
			int column) {
		return assertThatExceptionOfType(ManifestParseException.class).isThrownBy(read)
			.satisfies((ex) -> assertThat(ex.describe()).startsWith("line " + line + ", column " + column + ": "));
	}

	private static void assertRefusedQuickly(String yaml, String message) {
		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> assertThatExceptionOfType(ManifestParseException.class)
					.isThrownBy(() -> ManifestReader.readYaml(yaml))
					.withMessageContaining(message));
	}

	private static String flowLists(int depth) {
		return "[".repeat(depth) + "]".repeat(depth);
	}

	private static String blockMaps(int depth) {
		StringBuilder yaml = new StringBuilder();
		for (int level = 0; level < depth; level++) {
			yaml.append("  ".repeat(level)).append("k:\n");
		}
		return yaml.append("  ".repeat(depth)).append("leaf").toString();
	}

}
