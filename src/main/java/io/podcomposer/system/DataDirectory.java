package io.podcomposer.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code podcomposer.data-dir} (from {@code PODCOMPOSER_DATA_DIR}, by default
 * {@code ./data}) an absolute path and creates the folder. H2 refuses a database file
 * path that is relative without a leading {@code ./}, and everything else the portal
 * keeps goes there too.
 */
class DataDirectory implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "podcomposer.data-dir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Path directory = Path.of(environment.getProperty(PROPERTY, "./data")).toAbsolutePath().normalize();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + directory, ex);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("podcomposerDataDirectory", Map.of(PROPERTY, directory.toString())));
	}

	/** After application.properties has been read. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
