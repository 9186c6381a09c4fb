package io.podcomposer.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.Level;
import io.podcomposer.validation.ValidationReport;
import io.podcomposer.validation.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/kubernetes: the portal's own validator accepts the Deployment at the restricted
 * Pod Security level, the RBAC rules grant exactly the calls a deploy makes, and the
 * pieces refer to each other by the right names.
 */
class KubernetesManifestsTest {

	private static final Path FOLDER = Path.of("deploy/kubernetes");

	private final List<JsonNode> objects = readAll();

	@Test
	void theDeploymentPassesThePortalsOwnValidationAtTheRestrictedLevel() {
		ValidationReport report = Validator.validate(Manifest.of(the("Deployment")));
		assertThat(report.errors()).isEmpty();
		assertThat(report.valid()).isTrue();
		assertThat(report.podSecurity().violations()).isEmpty();
		assertThat(report.podSecurity().level()).isEqualTo(Level.RESTRICTED);
		assertThat(
				the("Namespace").path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asString())
			.isEqualTo("restricted");
	}

	@Test
	void twoReplicasOnTheDatabaseAndTheKeyFromSecretsDeployingIntoTheirOwnCluster() {
		JsonNode deployment = the("Deployment");
		assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
		JsonNode container = deployment.at("/spec/template/spec/containers/0");
		for (String secret : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD", "PODCOMPOSER_SECRET_KEY")) {
			JsonNode reference = env(container, secret).path("valueFrom").path("secretKeyRef");
			assertThat(reference.path("name").asString()).as(secret).isNotEmpty();
			assertThat(reference.path("optional").asBoolean(false)).as(secret).isFalse();
		}
		assertThat(env(container, "SPRING_PROFILES_ACTIVE").path("value").asString()).isEqualTo("postgres");
		assertThat(env(container, "PODCOMPOSER_IN_CLUSTER_ENABLED").path("value").asString()).isEqualTo("true");
		container.path("env")
			.valueStream()
			.map((each) -> each.path("name").asString())
			.forEach((name) -> assertThat(PortalSettings.reads(name)).as(name + " is read by the portal").isTrue());
	}

	@Test
	void probesAskTheHealthGroupsAndTheReadOnlyRootLeavesTmpAndTheDataFolderWritable() {
		JsonNode pod = the("Deployment").at("/spec/template/spec");
		JsonNode container = pod.at("/containers/0");
		assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
		assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
		assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
		assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
		assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
		String dataDir = env(container, "PODCOMPOSER_DATA_DIR").path("value").asString();
		for (String writable : List.of("/tmp", dataDir)) {
			String volume = first(container.path("volumeMounts"), "mountPath", writable).path("name").asString();
			assertThat(first(pod.path("volumes"), "name", volume).has("emptyDir")).as(writable).isTrue();
		}
		assertThat(container.at("/resources/limits/memory").asString()).isNotEmpty();
		assertThat(container.at("/resources/requests/cpu").asString()).isNotEmpty();
	}

	@Test
	void theServiceAccountIsBoundToTheRoleAndTheServiceReachesThePods() {
		JsonNode deployment = the("Deployment");
		JsonNode account = the("ServiceAccount");
		assertThat(deployment.at("/spec/template/spec/serviceAccountName").asString())
			.isEqualTo(account.at("/metadata/name").asString());
		JsonNode binding = the("ClusterRoleBinding");
		assertThat(binding.at("/roleRef/name").asString())
			.isEqualTo(the("ClusterRole").at("/metadata/name").asString());
		assertThat(binding.at("/subjects/0/kind").asString()).isEqualTo("ServiceAccount");
		assertThat(binding.at("/subjects/0/name").asString()).isEqualTo(account.at("/metadata/name").asString());
		assertThat(binding.at("/subjects/0/namespace").asString())
			.isEqualTo(account.at("/metadata/namespace").asString());
		JsonNode service = the("Service");
		assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
		assertThat(service.at("/spec/ports/0/targetPort").asString())
			.isEqualTo(deployment.at("/spec/template/spec/containers/0/ports/0/name").asString());
	}

	@Test
	void theRoleGrantsExactlyTheCallsADeployMakes() {
		Set<String> needed = new TreeSet<>();
		// io.podcomposer.kube.ClusterCalls: apply (a patch; a create when the object is
		// new), get, list and
		// delete of every kind the portal composes
		for (WorkloadKind kind : WorkloadKind.values()) {
			String group = kind.apiVersion().contains("/")
					? kind.apiVersion().substring(0, kind.apiVersion().indexOf('/')) : "";
			for (String verb : List.of("patch", "create", "get", "list", "delete")) {
				needed.add(group + "/" + kind.resource() + " " + verb);
			}
		}
		// namespace(): get namespaces; events(): list events; logs(): get pods/log;
		// ClusterProbe and the namespace picker: list namespaces
		needed.addAll(List.of("/namespaces get", "/events list", "/pods/log get", "/namespaces list"));

		Set<String> granted = new TreeSet<>();
		the("ClusterRole").path("rules").valueStream().forEach((rule) -> {
			for (String group : strings(rule.path("apiGroups"))) {
				for (String resource : strings(rule.path("resources"))) {
					for (String verb : strings(rule.path("verbs"))) {
						granted.add(group + "/" + resource + " " + verb);
					}
				}
			}
		});
		assertThat(granted).isEqualTo(needed);
	}

	@Test
	void theKustomizationListsEveryManifestAndSetsTheDeploymentsImage() throws IOException {
		JsonNode kustomization = ManifestReader.readYaml(Files.readString(FOLDER.resolve("kustomization.yaml")));
		assertThat(the("Deployment").at("/spec/template/spec/containers/0/image").asString())
			.startsWith(kustomization.at("/images/0/name").asString() + ":");
		try (Stream<Path> files = Files.list(FOLDER)) {
			assertThat(strings(kustomization.path("resources")))
				.containsExactlyInAnyOrderElementsOf(files.map((file) -> file.getFileName().toString())
					.filter((name) -> !name.equals("kustomization.yaml"))
					.toList());
		}
	}

	private JsonNode the(String kind) {
		List<JsonNode> found = this.objects.stream()
			.filter((each) -> each.path("kind").asString().equals(kind))
			.toList();
		assertThat(found).as(kind).hasSize(1);
		return found.get(0);
	}

	private static JsonNode env(JsonNode container, String name) {
		return first(container.path("env"), "name", name);
	}

	private static JsonNode first(JsonNode list, String field, String value) {
		return list.valueStream()
			.filter((each) -> each.path(field).asString().equals(value))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry with " + field + " " + value + " in " + list));
	}

	private static List<String> strings(JsonNode list) {
		return list.valueStream().map(JsonNode::asString).toList();
	}

	private static List<JsonNode> readAll() {
		List<JsonNode> objects = new ArrayList<>();
		try (Stream<Path> files = Files.list(FOLDER)) {
			for (Path file : files.filter((each) -> !each.endsWith("kustomization.yaml")).sorted().toList()) {
				objects.addAll(ManifestReader.readYamlDocuments(Files.readString(file)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return objects;
	}

}
