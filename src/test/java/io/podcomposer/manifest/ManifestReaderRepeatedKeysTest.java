package io.podcomposer.manifest;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * YAML that kubectl reads and SnakeYAML did not: go-yaml's escapes, and a key given twice
 * in one mapping, which is read with the last value and named for the API server's
 * duplicate-field error. The reader's limits hold for such texts as for any other.
 */
class ManifestReaderRepeatedKeysTest {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: web
			  name: web
			spec:
			  replicas: 2
			  selector:
			    matchLabels: {app: web}
			  template:
			    metadata:
			      labels: {app: web}
			    spec:
			      containers:
			      - name: web
			        image: nginx:1.26
			        ports: [{containerPort: 80}]
			        image: nginx:1.27
			  replicas: 3
			""";

	@Test
	void readsGoYamlEscapesThatSnakeYamlRefused() {
		assertThat(value("\"it\\'s\"")).isEqualTo("it's");
		assertThat(value("\"a\\\tb\"")).isEqualTo("a\tb");
	}

	@Test
	void readsEveryOtherEscapeAsGoYamlDoes() {
		assertThat(value("\"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\\"\\\\\""))
			.isEqualTo("\0\u0007\b\t\n\u000b\f\r\u001b \"\\");
		assertThat(value("\"\\N\\_\\L\\P\"")).isEqualTo("\u0085\u00a0\u2028\u2029");
		assertThat(value("\"\\x41\\u00e9\\U0001F600\"")).isEqualTo("A\u00e9\uD83D\uDE00");
	}

	@Test
	void refusesWhatGoYamlRefuses() {
		// YAML 1.2 has \/, go-yaml (YAML 1.1) does not
		for (String escape : List.of("\\/", "\\q", "\\x4", "\\U00110000")) {
			assertThatExceptionOfType(ManifestParseException.class).as(escape)
				.isThrownBy(() -> ManifestReader.readYaml("a: \"" + escape + "\"\n"));
		}
	}

	/**
	 * Half a surrogate pair is no character: go-yaml refuses its escape, and a database
	 * could not keep it. Refused in a value and a key, in YAML (at its place) and in JSON
	 * (by its field); a whole pair, escaped or not, reads.
	 */
	@Test
	void refusesAnEscapedHalfOfASurrogatePair() {
		for (String yaml : List.of("a: \"\\uD800\"\n", "a: [ok, \"x\\uDC00\"]\n", "\"\\uDBFF\": 1\n",
				"a: &x \"\\uD800\"\nb: *x\n")) {
			assertThatExceptionOfType(ManifestParseException.class).as(yaml)
				.isThrownBy(() -> ManifestReader.readYaml(yaml))
				.withMessageContaining("found invalid Unicode character escape code")
				.satisfies((ex) -> assertThat(ex.line()).isPositive());
		}
		assertThatExceptionOfType(ManifestParseException.class)
			.isThrownBy(() -> ManifestReader.readYamlDocuments("a: 1\n---\nb: \"\\uDFFF\"\n"));
		assertThatExceptionOfType(ManifestParseException.class)
			.isThrownBy(() -> ManifestReader.readJson("{\"spec\": {\"x\": [\"\\ud800\"]}}"))
			.withMessageContaining("found invalid Unicode character escape code in the value of spec.x[0]");
		assertThatExceptionOfType(ManifestParseException.class)
			.isThrownBy(() -> ManifestReader.readJson("{\"a\": 1, \"a\": 2, \"\\uDC00\": 3}"))
			.withMessageContaining("in the key");
		assertThat(value("\"\\U0001F600 \\uD83D\\uDE00 \uD83D\uDE00\""))
			.isEqualTo("\uD83D\uDE00 \uD83D\uDE00 \uD83D\uDE00");
		assertThat(ManifestReader.readJson("{\"a\": \"\\uD83D\\uDE00\"}").get("a").asString())
			.isEqualTo("\uD83D\uDE00");
	}

	@Test
	void aRepeatedKeyKeepsTheLastValueInTheLastPlaceAndIsNamedByItsPath() {
		JsonNode deployment = ManifestReader.readYaml(DEPLOYMENT);

		assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
		assertThat(deployment.path("spec").propertyNames()).containsExactly("selector", "template", "replicas");
		JsonNode container = deployment.at("/spec/template/spec/containers/0");
		assertThat(container.path("image").asString()).isEqualTo("nginx:1.27");
		assertThat(container.propertyNames()).containsExactly("name", "ports", "image");
		assertThat(Manifest.of(deployment).duplicateFields()).containsExactly("metadata.name",
				"spec.template.spec.containers[0].image", "spec.replicas");
	}

	@Test
	void theNamesLastThroughTheManifestsCopiesOfTheSameText() {
		Manifest manifest = Manifest.of(ManifestReader.readYaml(DEPLOYMENT));

		assertThat(manifest.deepCopy().duplicateFields()).isEqualTo(manifest.duplicateFields());
		assertThat(manifest.rememberingKindsOf(manifest).duplicateFields()).isEqualTo(manifest.duplicateFields());
		assertThat(Manifest.of(manifest.root()).duplicateFields()).isEmpty();
		assertThat(Manifest.of(ManifestReader.readYaml(DEPLOYMENT.replace("  name: web\n  name: web", "  name: web")
			.replace("        image: nginx:1.26\n", "")
			.replace("  replicas: 3\n", ""))).duplicateFields()).isEmpty();
	}

	@Test
	void jsonRepeatsAreReadAlike() {
		JsonNode read = ManifestReader.readJson("""
				{"kind": "Pod", "metadata": {"name": "a", "labels": {}, "name": "b"},
				 "spec": {"containers": [{"name": "web", "image": "x", "image": "nginx:1.27"}], "n": 1.5}}""");

		assertThat(read.path("metadata").propertyNames()).containsExactly("labels", "name");
		assertThat(read.path("metadata").path("name").asString()).isEqualTo("b");
		assertThat(read.at("/spec/n").isDouble()).isTrue();
		assertThat(repeats(read)).containsExactly("metadata.name", "spec.containers[0].image");
		// the usual way for the rest: no repeat, no mark; and its errors as before
		assertThat(ManifestReader.readJson("{\"kind\": \"Pod\"}")).isNotInstanceOf(ReadDocument.class);
		assertThatExceptionOfType(ManifestParseException.class)
			.isThrownBy(() -> ManifestReader.readJson("{\"a\": 1, \"a\": 2} {}"))
			.withMessage("the text holds more than one JSON document; send one");
		assertThatExceptionOfType(ManifestParseException.class)
			.isThrownBy(() -> ManifestReader.readJson("{\"a\": 1, \"a\": [" + "[".repeat(70) + "]"))
			.withMessageContaining("levels deep");
	}

	@Test
	void eachDocumentOfAStreamNamesItsOwnRepeats() {
		List<JsonNode> documents = ManifestReader
			.readYamlDocuments("kind: Pod\nkind: Pod\n---\nkind: Job\n---\nkind: Job\nspec: {a: 1, a: 2}\n");

		assertThat(documents).extracting(ManifestReaderRepeatedKeysTest::repeats)
			.containsExactly(List.of("kind"), List.of(), List.of("spec.a"));
	}

	@Test
	void flowMappingsAndAnchoredMappingsAreReadAlike() {
		assertThat(repeats(ManifestReader.readYaml("a: [{b: 1, b: 2}]\n"))).containsExactly("a[0].b");
		// an anchored mapping with a repeat: named wherever it is copied
		JsonNode read = ManifestReader.readYaml("x: &m {k: 1, k: 2}\ny: *m\n");
		assertThat(read.path("y").path("k").asInt()).isEqualTo(2);
		assertThat(repeats(read)).containsExactly("x.k", "y.k");
	}

	@Test
	void aKeyAfterAMergeIsAnOverrideNotARepeat() {
		JsonNode read = ManifestReader.readYaml("base: &b {a: 1, c: 1}\nd:\n  <<: *b\n  a: 2\n");

		assertThat(read.path("d").path("a").asInt()).isEqualTo(2);
		assertThat(repeats(read)).isEmpty();
	}

	@Test
	void aRepeatInsideAValueThatALaterRepeatReplacedIsGoneWithIt() {
		JsonNode read = ManifestReader.readYaml("a: {b: 1, b: 2}\na: {c: 3}\n");

		assertThat(read.path("a").propertyNames()).containsExactly("c");
		assertThat(repeats(read)).containsExactly("a");
	}

	@Test
	void keepsTheFirstHundredRepeatsAsTheApiServerDoes() {
		StringBuilder yaml = new StringBuilder();
		for (int i = 0; i < 150; i++) {
			yaml.append("k").append(i).append(": 1\nk").append(i).append(": 2\n");
		}

		assertThat(repeats(ManifestReader.readYaml(yaml.toString()))).hasSize(RepeatedKeys.MAX_KEPT)
			.startsWith("k0", "k1");
	}

	@Test
	void fiftyThousandRepeatsOfOneKeyReadInOnePass() {
		// SnakeYAML's own way (the reader leaves it switched off) takes quadratic time
		// and logs each repeat
		String yaml = "a: 1\n".repeat(50_000);

		JsonNode read = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ManifestReader.readYaml(yaml));
		assertThat(repeats(read)).containsExactly("a");
	}

	@Test
	void aBillionLaughsBuiltOfRepeatedKeysStillHitsTheExpansionLimit() {
		// each level repeats one key nine times, every value an alias to the level below
		StringBuilder yaml = new StringBuilder("a: &a {k: lol, k: lol, k: lol, k: lol, k: lol, k: lol, k: lol}\n");
		char previous = 'a';
		for (char level = 'b'; level <= 'i'; level++) {
			yaml.append(level)
				.append(": &")
				.append(level)
				.append(" {")
				.append(("k: *" + previous + ", ").repeat(8))
				.append("k: *")
				.append(previous)
				.append("}\n");
			previous = level;
		}

		assertRefusedQuickly(yaml.toString(), "expands to more than " + ExpandedSize.MAX_CHARS + " characters");
	}

	@Test
	void theAliasAndDepthLimitsHoldForRepeatedKeys() {
		// 60 aliases, each the value of the same key
		assertRefusedQuickly("l: &l [lol]\nm:\n" + "  k: *l\n".repeat(60),
				"more than " + ManifestReader.MAX_ALIASES + " aliases");
		// a repeat at each level of a tree one level deeper than the limit
		StringBuilder deep = new StringBuilder();
		for (int level = 0; level <= ManifestReader.MAX_NESTING_DEPTH; level++) {
			deep.append("  ".repeat(level)).append("r: 1\n").append("  ".repeat(level)).append("k:\n");
		}
		assertRefusedQuickly(deep.append("  ".repeat(ManifestReader.MAX_NESTING_DEPTH + 1)).append("x\n").toString(),
				"more than 64 levels deep");
	}

	@Test
	void repeatedValuesCountTowardsTheExpansionLimitBeforeTheyAreDropped() {
		// an alias to a list of 10,000 values given to one key 30 times: the tree would
		// hold one copy
		String yaml = "l: &l [" + "1, ".repeat(9_999) + "1]\nm:\n" + "  k: *l\n".repeat(30);

		assertRefusedQuickly(yaml, "expands to more than " + ExpandedSize.MAX_CHARS + " characters");
	}

	private static String value(String scalar) {
		return ManifestReader.readYaml("a: " + scalar + "\n").path("a").asString();
	}

	private static List<String> repeats(JsonNode document) {
		return ManifestReader.duplicateFields(document);
	}

	private static void assertRefusedQuickly(String yaml, String message) {
		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> assertThatExceptionOfType(ManifestParseException.class)
					.isThrownBy(() -> ManifestReader.readYaml(yaml))
					.withMessageContaining(message));
	}

}
