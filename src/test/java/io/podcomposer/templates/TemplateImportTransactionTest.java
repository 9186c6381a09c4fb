package io.podcomposer.templates;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.podcomposer.AlsoOnPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.podcomposer.manifest.ManifestReader;

import static io.podcomposer.templates.TemplateTests.pod;
import static io.podcomposer.templates.TemplateTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/** An import is one transaction: a failure while saving undoes what it saved before. */
@SpringBootTest
@AlsoOnPostgres
class TemplateImportTransactionTest {

	@MockitoSpyBean
	private TemplateService service;

	@Autowired
	private TemplateImport imports;

	@Autowired
	private TemplateRepository templates;

	@Test
	void aFailureWhileSavingUndoesTheTemplatesSavedBeforeIt() {
		AtomicInteger saves = new AtomicInteger();
		doAnswer((call) -> {
			if (saves.incrementAndGet() == 3) {
				throw new IllegalStateException("the database went away");
			}
			return call.callRealMethod();
		}).when(this.service).createUnaudited(any());
		String name = unique("tx");
		List<JsonNode> documents = ManifestReader
			.readYamlDocuments(pod(name + "-a") + "---\n" + pod(name + "-b") + "---\n" + pod(name + "-c"));

		assertThatIllegalStateException().isThrownBy(() -> this.imports.run(documents, null))
			.withMessage("the database went away");

		assertThat(saves).hasValue(3);
		assertThat(this.templates.existsByName(name + "-a")).isFalse();
		assertThat(this.templates.existsByName(name + "-b")).isFalse();
	}

}
