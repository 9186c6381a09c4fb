package io.podcomposer.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Named.named;

/**
 * The pod-bearing manifests of the valid corpus ({@code validation/ValidCorpusTest}),
 * which together set every field of the pod spec: the round trips through the form and
 * the page must lose none of them.
 */
final class ValidCorpus {

	private static final String CORPUS = "/validation/valid-corpus";

	private ValidCorpus() {
	}

	/** Each Pod, Deployment, ... of the corpus, named by its file, kind and name. */
	static Stream<Arguments> podManifests() throws IOException {
		List<Arguments> manifests = new ArrayList<>();
		try (Stream<Path> files = Files.list(file(""))) {
			for (Path file : files.sorted().toList()) {
				for (JsonNode document : ManifestReader.readYamlDocuments(read(file))) {
					String kind = document.path("kind").asString("");
					if (WorkloadKind.fromKindName(kind).isPresent()) {
						String name = file.getFileName() + " " + kind + " "
								+ document.path("metadata").path("name").asString("");
						manifests.add(Arguments.of(named(name, Manifest.of(document))));
					}
				}
			}
		}
		return manifests.stream();
	}

	/** A file of the corpus; the empty name for its directory. */
	static Path file(String name) {
		try {
			return Paths.get(ValidCorpus.class.getResource(CORPUS).toURI()).resolve(name);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
