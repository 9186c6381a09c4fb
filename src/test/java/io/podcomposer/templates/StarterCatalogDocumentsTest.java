package io.podcomposer.templates;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.Placeholders;
import io.podcomposer.manifest.Placeholders.Parameter;
import io.podcomposer.manifest.PodView;
import io.podcomposer.podsecurity.Level;
import io.podcomposer.validation.ValidationReport;
import io.podcomposer.validation.Validator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter catalog's templates as their files give them: valid, at their Pod Security
 * level, well-kept.
 */
class StarterCatalogDocumentsTest {

	/** Every template of the catalog and the Pod Security level it meets. */
	private static final Map<String, Level> LEVELS = Map.of("sidecar-log-shipper", Level.RESTRICTED, "metrics-adapter",
			Level.RESTRICTED, "ambassador-proxy", Level.RESTRICTED,
			// IPC_LOCK is beyond Baseline
			"shared-memory-ipc", Level.PRIVILEGED, "init-and-native-sidecar", Level.RESTRICTED, "production-web",
			Level.RESTRICTED, "batch-job", Level.RESTRICTED, "nightly-cronjob", Level.RESTRICTED);

	static Stream<TemplateDocument> documents() {
		return StarterCatalog.load().stream();
	}

	@Test
	void holdsTheTemplatesOfThePatterns() {
		assertThat(documents().map(TemplateDocument::name)).containsExactlyInAnyOrderElementsOf(LEVELS.keySet());
	}

	@ParameterizedTest
	@MethodSource("documents")
	void asWrittenTheManifestHasNoErrorsAndMeetsItsLevel(TemplateDocument document) {
		assertValidAtItsLevel(document, document.manifest());
	}

	@ParameterizedTest
	@MethodSource("documents")
	void renderedWithTheDefaultsTheManifestHasNoErrorsAndMeetsItsLevel(TemplateDocument document) {
		JsonNode rendered = Placeholders.substitute(document.manifest(), document.parameters(), Map.of());
		assertThat(Placeholders.names(rendered)).as("placeholders left after rendering").isEmpty();
		assertValidAtItsLevel(document, rendered);
	}

	@ParameterizedTest
	@MethodSource("documents")
	void declaresEveryPlaceholderItUsesWithADefaultAndUsesEveryParameter(TemplateDocument document) {
		assertThat(document.parameters()).extracting(Parameter::name)
			.containsExactlyInAnyOrderElementsOf(Placeholders.names(document.manifest()));
		assertThat(document.parameters()).allSatisfy((parameter) -> {
			assertThat(parameter.defaultValue()).as(parameter.name()).isNotBlank();
			assertThat(parameter.description()).as(parameter.name()).isNotBlank();
		});
	}

	@ParameterizedTest
	@MethodSource("documents")
	void isTaggedStarterAndExplainsItsPattern(TemplateDocument document) {
		assertThat(document.tags()).contains("starter");
		assertThat(document.description()).as("a few sentences on the pattern and why").hasSizeGreaterThan(300);
		assertThat(document.message()).isEqualTo("from the starter catalog");
	}

	@ParameterizedTest
	@MethodSource("documents")
	void pinsEveryImageToATag(TemplateDocument document) {
		List<String> images = new PodView(Manifest.of(document.manifest())).allContainers()
			.stream()
			.map((container) -> container.node().path("image").asString())
			.toList();
		assertThat(images).isNotEmpty()
			.allSatisfy((image) -> assertThat(image).matches("[a-z0-9./-]+:[^:/]+").doesNotEndWith(":latest"));
	}

	private static void assertValidAtItsLevel(TemplateDocument document, JsonNode manifest) {
		ValidationReport report = Validator.validate(Manifest.of(manifest));
		assertThat(report.errors()).as(document.name()).isEmpty();
		assertThat(report.podSecurity().level()).as(document.name() + ": " + report.podSecurity().violations())
			.isEqualTo(LEVELS.get(document.name()));
	}

}
