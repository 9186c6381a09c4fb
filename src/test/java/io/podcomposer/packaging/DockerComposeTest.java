package io.podcomposer.packaging;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.podcomposer.manifest.ManifestReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring of docker-compose.yml, checked as far as a machine without a Docker engine
 * can: the three services, the kubeconfig k3s writes reaching the portal through a shared
 * volume at the paths the settings name, the database the portal is pointed at, ports,
 * and start order.
 */
class DockerComposeTest {

	private final JsonNode compose = read();

	private final JsonNode services = this.compose.path("services");

	@Test
	void bringsUpTheDatabaseTheClusterAndThePortal() {
		assertThat(this.services.propertyNames()).containsExactlyInAnyOrder("postgres", "k3s", "portal");
		assertThat(this.services.path("portal").path("build").asString()).isEqualTo(".");
		assertThat(Files.isRegularFile(Path.of("Dockerfile"))).isTrue();
		assertThat(strings(this.services.path("portal").path("ports"))).containsExactly("8080:8080");
		for (String service : List.of("postgres", "k3s")) {
			assertThat(this.services.path("portal").path("depends_on").path(service).path("condition").asString())
				.as(service)
				.isEqualTo("service_healthy");
			assertThat(strings(this.services.path(service).path("healthcheck").path("test"))).as(service).isNotEmpty();
		}
	}

	@Test
	void theClusterIsAPrivilegedK3sServerWhoseCertificateNamesItsServiceName() {
		JsonNode k3s = this.services.path("k3s");
		assertThat(k3s.path("image").asString()).startsWith("rancher/k3s:");
		assertThat(k3s.path("privileged").asBoolean()).isTrue();
		List<String> command = List.of(k3s.path("command").asString().split(" "));
		assertThat(command.get(0)).isEqualTo("server");
		assertThat(command).containsSequence("--tls-san", "k3s");
		URI server = URI.create(environment("portal").get("PODCOMPOSER_BOOTSTRAP_CLUSTER_SERVER"));
		assertThat(server.getScheme()).isEqualTo("https");
		assertThat(server.getHost()).as("a service, named in the certificate").isEqualTo("k3s");
		assertThat(server.getPort()).isEqualTo(6443);
	}

	@Test
	void theKubeconfigK3sWritesIsTheOneThePortalImports() {
		Map<String, String> k3s = environment("k3s");
		Map<String, String> portal = environment("portal");
		String written = k3s.get("K3S_KUBECONFIG_OUTPUT");
		String read = portal.get("PODCOMPOSER_BOOTSTRAP_CLUSTER_KUBECONFIG");
		Mount output = mountHolding("k3s", written);
		Mount input = mountHolding("portal", read);
		assertThat(input.volume()).as("one volume").isEqualTo(output.volume());
		assertThat(this.compose.path("volumes").has(output.volume())).as("a named volume").isTrue();
		assertThat(input.target().relativize(Path.of(read))).as("the same file")
			.isEqualTo(output.target().relativize(Path.of(written)));
		assertThat(input.readOnly()).isTrue();
		assertThat(Integer.parseInt(k3s.get("K3S_KUBECONFIG_MODE"), 8) & 0004).as("readable by the portal's user")
			.isNotZero();
		assertThat(portal.get("PODCOMPOSER_BOOTSTRAP_CLUSTER_NAME")).isEqualTo("local-k3s");
	}

	@Test
	void thePortalRunsOnTheDatabaseServiceWithItsCredentials() {
		Map<String, String> database = environment("postgres");
		Map<String, String> portal = environment("portal");
		assertThat(this.services.path("postgres").path("image").asString()).startsWith("postgres:");
		assertThat(portal.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
		assertThat(portal.get("SPRING_DATASOURCE_URL"))
			.isEqualTo("jdbc:postgresql://postgres:5432/" + database.get("POSTGRES_DB"));
		assertThat(portal.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(database.get("POSTGRES_USER"));
		assertThat(portal.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(database.get("POSTGRES_PASSWORD"));
		assertThat(mountHolding("postgres", "/var/lib/postgresql/data").volume()).isEqualTo("postgres-data");
		assertThat(mountHolding("portal", "/data").volume()).as("the generated encryption key lasts")
			.isEqualTo("portal-data");
	}

	@Test
	void everyVariableGivenToThePortalIsASettingItReads() {
		assertThat(environment("portal").keySet()).isNotEmpty()
			.allSatisfy((name) -> assertThat(PortalSettings.reads(name)).as(name + " is read by the portal").isTrue());
		assertThat(PortalSettings.reads("PODCOMPOSER_NO_SUCH_SETTING")).isFalse();
	}

	/** A volume mount {@code volume:/target[:ro]}. */
	private record Mount(String volume, Path target, boolean readOnly) {

		static Mount of(String text) {
			String[] parts = text.split(":");
			return new Mount(parts[0], Path.of(parts[1]), parts.length > 2 && parts[2].equals("ro"));
		}

	}

	private Mount mountHolding(String service, String file) {
		Optional<Mount> mount = strings(this.services.path(service).path("volumes")).stream()
			.map(Mount::of)
			.filter((each) -> Path.of(file).startsWith(each.target()))
			.findFirst();
		assertThat(mount).as(service + " mounts a volume holding " + file).isPresent();
		return mount.get();
	}

	private Map<String, String> environment(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		this.services.path(service)
			.path("environment")
			.properties()
			.forEach((entry) -> environment.put(entry.getKey(), entry.getValue().asString()));
		return environment;
	}

	private static List<String> strings(JsonNode list) {
		List<String> strings = new ArrayList<>();
		list.valueStream().forEach((each) -> strings.add(each.asString()));
		return strings;
	}

	private static JsonNode read() {
		try {
			return ManifestReader.readYaml(Files.readString(Path.of("docker-compose.yml")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
