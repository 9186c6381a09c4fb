package io.podcomposer.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;

/**
 * The pods from the "multiple containers in a pod" pattern, one click each in the
 * composer.
 */
final class Examples {

	public record Example(String id, String title, String summary) {
	}

	static final List<Example> ALL = List.of(
			new Example("two-containers", "Two containers", "a web server and a helper on one localhost"),
			new Example("shared-volume", "Shared volume", "an emptyDir mounted at /data in two containers"),
			new Example("ipc-lock", "IPC_LOCK", "a container that adds the IPC_LOCK capability"));

	private Examples() {
	}

	static Optional<Manifest> load(String id) {
		if (ALL.stream().noneMatch((example) -> example.id().equals(id))) {
			return Optional.empty();
		}
		try (InputStream in = Examples.class.getResourceAsStream("/examples/" + id + ".yaml")) {
			return Optional
				.of(Manifest.of(ManifestReader.readYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
