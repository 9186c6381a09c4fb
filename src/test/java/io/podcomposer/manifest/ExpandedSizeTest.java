package io.podcomposer.manifest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Aliases and placeholders are counted as what they expand to, before anything is
 * expanded.
 */
class ExpandedSizeTest {

	private static final String LONG = "x".repeat(100 * 1024);

	@Test
	void refusesScalarAliasesThatExpandPastTheLimit() {
		// 100 KiB of text that stands for 1.1 MiB: SnakeYAML's alias limit counts only
		// lists and maps
		String yaml = "a: &a \"" + LONG + "\"\nb: [" + "*a, ".repeat(10) + "*a]\n";

		assertThatExceptionOfType(ManifestTooLargeException.class).isThrownBy(() -> ManifestReader.readYaml(yaml))
			.withMessageContaining("more than 1048576 characters");
	}

	@Test
	void countsAliasesInsideAnchoredListsAsTheirExpansion() {
		// each level is ten of the one below: 1 KiB, 10 KiB, 100 KiB, 1 MiB
		String yaml = """
				a: &a "%s"
				b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
				c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
				d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
				e: [*d, *d]
				""".formatted("y".repeat(1024));

		assertThatExceptionOfType(ManifestTooLargeException.class).isThrownBy(() -> ManifestReader.readYaml(yaml));
	}

	@Test
	void countsEveryDocumentOfAStreamTogether() {
		String document = "a: &a \"" + LONG + "\"\nb: [*a, *a, *a]\n";

		assertThat(ManifestReader.readYamlDocuments(document)).hasSize(1);
		assertThatExceptionOfType(ManifestTooLargeException.class)
			.isThrownBy(() -> ManifestReader.readYamlDocuments((document + "---\n").repeat(3)));
	}

	@Test
	void readsAliasesThatStayUnderTheLimit() {
		String yaml = "a: &a \"" + LONG + "\"\nb: [*a, *a, *a, *a, *a, *a, *a, *a]\n";

		JsonNode tree = ManifestReader.readYaml(yaml);

		assertThat(tree.path("b").size()).isEqualTo(8);
		assertThat(tree.path("b").get(7).asString()).isEqualTo(LONG);
	}

	@Test
	void refusesAPlainDocumentLargerThanTheLimit() {
		String yaml = "a: [" + "\"%s\", ".formatted("z".repeat(1000)).repeat(1100) + "end]\n";

		assertThatExceptionOfType(ManifestTooLargeException.class).isThrownBy(() -> ManifestReader.readYaml(yaml));
	}

	@Test
	void refusesPlaceholdersWhoseValuesWouldPassTheLimitBeforeFillingThem() {
		JsonNode tree = ManifestReader.readJson("{\"a\": \"" + "${P}".repeat(1000) + "\"}");

		assertThatExceptionOfType(ManifestTooLargeException.class)
			.isThrownBy(() -> Placeholders.substitute(tree, List.of(), Map.of("P", LONG)))
			.withMessageContaining("placeholders");
	}

	@Test
	void countsAnEscapedPlaceholderAsTheTextItLeaves() {
		assertThat(Placeholders.filledLength("a$${P}b${P}c${Q}", Map.of("P", "12345")))
			.isEqualTo("a${P}b12345c${Q}".length());
	}

	@Test
	void fillsPlaceholdersUnderTheLimit() {
		JsonNode tree = ManifestReader.readJson("{\"a\": \"" + "${P}".repeat(9) + "\"}");

		assertThat(Placeholders.substitute(tree, List.of(), Map.of("P", LONG)).path("a").asString())
			.hasSize(9 * LONG.length());
	}

	@Test
	void namesNoJavaTypeForTextAfterTheJsonDocument() {
		assertThatExceptionOfType(ManifestParseException.class).isThrownBy(() -> ManifestReader.readJson("{} {}"))
			.withMessage("the text holds more than one JSON document; send one")
			.satisfies((ex) -> assertThat(ex.column()).isEqualTo(4));
	}

}
