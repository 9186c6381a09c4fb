package io.podcomposer.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import tools.jackson.databind.JsonNode;

/** Manifests for tests, read the way the composer reads them. */
final class TestManifests {

	private TestManifests() {
	}

	static Manifest yaml(String text) {
		return Manifest.of(ManifestReader.readYaml(text));
	}

	/** A YAML snippet as a tree, for expected values. */
	static JsonNode node(String text) {
		return ManifestReader.readYaml(text);
	}

	static Manifest example(String id) {
		return Examples.load(id).orElseThrow();
	}

	/** A manifest under src/test/resources/manifests. */
	static Manifest resource(String name) {
		return yaml(resourceText(name));
	}

	/** The text of a manifest under src/test/resources/manifests. */
	static String resourceText(String name) {
		try (InputStream in = TestManifests.class.getResourceAsStream("/manifests/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test manifest " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String toYaml(Manifest manifest) {
		return ManifestWriter.toYaml(manifest.root());
	}

	/**
	 * Applies the form drawn from {@code base}, after {@code edit} changed it, back onto
	 * {@code base}.
	 */
	static FormApplier.Applied applyEdited(Manifest base, Consumer<ComposeForm> edit) {
		ComposeForm form = FormReader.read(base);
		edit.accept(form);
		return FormApplier.apply(base, form);
	}

}
