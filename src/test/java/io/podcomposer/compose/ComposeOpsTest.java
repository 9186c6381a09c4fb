package io.podcomposer.compose;

import java.util.List;

import io.podcomposer.compose.VolumeSection.NewMountForm;
import io.podcomposer.compose.VolumeSection.NewVolumeForm;
import io.podcomposer.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.podcomposer.compose.TestManifests.node;
import static org.assertj.core.api.Assertions.assertThat;

class ComposeOpsTest {

	@Test
	void anAddedContainerGetsANameNoOtherContainerHas() {
		Manifest manifest = TestManifests.yaml("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: p
				spec:
				  initContainers:
				  - name: container
				  containers:
				  - name: container-2
				""");

		assertThat(run(manifest, "addContainer")).isEmpty();

		assertThat(names(manifest, "containers")).containsExactly("container-2", "container-3");
	}

	@Test
	void duplicateInsertsACopyNamedCopyRightAfterTheOriginal() {
		Manifest manifest = TestManifests.example("two-containers");
		JsonNode web = manifest.podSpec().path("containers").get(0).deepCopy();

		run(manifest, "duplicate:containers:0");

		assertThat(names(manifest, "containers")).containsExactly("web", "web-copy", "log-shipper");
		JsonNode copy = manifest.podSpec().path("containers").get(1);
		assertThat(copy.path("image")).isEqualTo(web.path("image"));
		assertThat(copy.path("ports")).isEqualTo(web.path("ports"));
	}

	@Test
	void upAndDownReorderAndStopAtTheEnds() {
		Manifest manifest = TestManifests.example("two-containers");

		run(manifest, "down:containers:0");
		assertThat(names(manifest, "containers")).containsExactly("log-shipper", "web");
		run(manifest, "up:containers:1");
		assertThat(names(manifest, "containers")).containsExactly("web", "log-shipper");
		run(manifest, "up:containers:0");
		run(manifest, "down:containers:1");
		assertThat(names(manifest, "containers")).containsExactly("web", "log-shipper");
	}

	@Test
	void removeTakesOutThatContainer() {
		Manifest manifest = TestManifests.example("two-containers");

		run(manifest, "remove:containers:0");

		assertThat(names(manifest, "containers")).containsExactly("log-shipper");
	}

	@Test
	void aSidecarIsAnInitContainerThatRestartsAlways() {
		Manifest manifest = TestManifests.example("two-containers");

		run(manifest, "addSidecar");

		assertThat(manifest.podSpec().path("initContainers")).isEqualTo(node("""
				- name: sidecar
				  image: busybox:1.36
				  restartPolicy: Always
				"""));
	}

	@Test
	void addVolumeMountsTheNewVolumeIntoEveryChosenContainer() {
		Manifest manifest = TestManifests.example("two-containers");
		NewVolumeForm cache = newVolume("cache", row("containers:0", "/data"), row("containers:1", "/data"));

		assertThat(ComposeOps.run(manifest, "addVolume", cache)).isEmpty();

		assertThat(manifest.podSpec().path("volumes")).isEqualTo(node("""
				- name: cache
				  emptyDir: {}
				"""));
		for (JsonNode container : manifest.podSpec().path("containers")) {
			assertThat(container.path("volumeMounts")).isEqualTo(node("""
					- name: cache
					  mountPath: /data
					"""));
		}
	}

	@Test
	void addVolumeMountsAtEachContainersOwnPath() {
		Manifest manifest = TestManifests.example("two-containers");
		NewVolumeForm html = newVolume("html", row("containers:0", " /usr/share/nginx/html "),
				row("containers:1", "/work"));

		assertThat(ComposeOps.run(manifest, "addVolume", html)).isEmpty();

		JsonNode containers = manifest.podSpec().path("containers");
		assertThat(containers.get(0).path("volumeMounts")).isEqualTo(node("""
				- name: html
				  mountPath: /usr/share/nginx/html
				"""));
		assertThat(containers.get(1).path("volumeMounts")).isEqualTo(node("""
				- name: html
				  mountPath: /work
				"""));
	}

	@Test
	void aTickedContainerLeftBlankTakesTheFirstPathTypedAndAnUntickedOneIsNotMounted() {
		Manifest manifest = TestManifests.yaml("""
				apiVersion: v1
				kind: Pod
				metadata: {name: p}
				spec:
				  initContainers: [{name: init, image: busybox}]
				  containers: [{name: web, image: nginx}, {name: side, image: busybox}]
				""");
		// the init container's box is not ticked, so it sends no key, only its path
		NewVolumeForm data = newVolume("data", row(null, "/ignored"), row("containers:0", "/data"),
				row("containers:1", " "));

		assertThat(ComposeOps.run(manifest, "addVolume", data)).isEmpty();

		JsonNode spec = manifest.podSpec();
		assertThat(spec.path("initContainers").get(0).has("volumeMounts")).isFalse();
		for (JsonNode container : spec.path("containers")) {
			assertThat(container.path("volumeMounts")).isEqualTo(node("""
					- name: data
					  mountPath: /data
					"""));
		}
	}

	@Test
	void withNoPathTypedTheVolumeIsAddedUnmounted() {
		Manifest manifest = TestManifests.example("two-containers");

		assertThat(ComposeOps.run(manifest, "addVolume", newVolume("data", row("containers:0", " ")))).isEmpty();

		assertThat(manifest.podSpec().path("volumes")).hasSize(1);
		for (JsonNode container : manifest.podSpec().path("containers")) {
			assertThat(container.has("volumeMounts")).isFalse();
		}
	}

	@Test
	void aVolumeNameThatIsTakenIsRefusedAndChangesNothing() {
		Manifest manifest = TestManifests.example("shared-volume");
		Manifest before = manifest.deepCopy();

		List<FormProblem> problems = ComposeOps.run(manifest, "addVolume",
				newVolume("data", row("containers:0", "/other")));

		assertThat(problems).extracting(FormProblem::field).containsExactly("newVolume.name");
		assertThat(manifest).isEqualTo(before);
	}

	@Test
	void removeVolumeRemovesItsMountsToo() {
		Manifest manifest = TestManifests.example("shared-volume");

		run(manifest, "removeVolume:0");

		assertThat(manifest.podSpec().has("volumes")).isFalse();
		for (JsonNode container : manifest.podSpec().path("containers")) {
			assertThat(container.has("volumeMounts")).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "remove:containers:99", "remove:foo:1", "up:containers:x", "down:containers:-1",
			"duplicate:containers", "remove:initContainers:0", "removeVolume:0", "removeVolume:x", "remove:", ":",
			"nonsense" })
	void aBadOpNeitherThrowsNorChangesTheManifest(String op) {
		Manifest manifest = TestManifests.example("two-containers");
		Manifest before = manifest.deepCopy();

		run(manifest, op);

		assertThat(manifest).isEqualTo(before);
	}

	@Test
	void anUnknownOpIsReported() {
		assertThat(run(TestManifests.example("two-containers"), "nonsense")).extracting(FormProblem::field)
			.containsExactly("op");
	}

	private static List<FormProblem> run(Manifest manifest, String op) {
		return ComposeOps.run(manifest, op, new NewVolumeForm());
	}

	private static NewVolumeForm newVolume(String name, NewMountForm... mounts) {
		NewVolumeForm form = new NewVolumeForm();
		form.name = name;
		form.mounts = List.of(mounts);
		return form;
	}

	/**
	 * A container's row of "Add a volume"; {@code into} is null where its box is not
	 * ticked.
	 */
	private static NewMountForm row(String into, String mountPath) {
		NewMountForm mount = new NewMountForm();
		mount.into = into;
		mount.mountPath = mountPath;
		return mount;
	}

	private static List<String> names(Manifest manifest, String list) {
		return manifest.podSpec()
			.path(list)
			.values()
			.stream()
			.map((container) -> container.path("name").asString())
			.toList();
	}

}
