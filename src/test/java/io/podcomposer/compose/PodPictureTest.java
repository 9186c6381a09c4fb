package io.podcomposer.compose;

import java.util.List;

import io.podcomposer.compose.PodPicture.ContainerBox;
import io.podcomposer.compose.PodPicture.Link;
import io.podcomposer.compose.PodPicture.Role;
import io.podcomposer.compose.PodPicture.VolumeNode;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.tuple;

class PodPictureTest {

	static final String SHARED_DATA = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: shared
			spec:
			  containers:
			  - name: writer
			    image: busybox
			    volumeMounts:
			    - name: data
			      mountPath: /data
			  - name: reader
			    image: nginx:1.27
			    ports:
			    - containerPort: 8080
			    volumeMounts:
			    - name: data
			      mountPath: /data
			  volumes:
			  - name: data
			    emptyDir: {}
			""";

	/** The picture as the composer draws it, with the validator's warnings. */
	static PodPicture picture(String yaml) {
		Manifest manifest = Manifest.of(ManifestReader.readYaml(yaml));
		return PodPicture.of(manifest, PictureWarnings.of(Validator.validate(manifest)));
	}

	private static ContainerBox container(PodPicture picture, String name) {
		return picture.containers().stream().filter((box) -> box.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void twoContainersSharingAnEmptyDirMakeOneSharedVolumeWithTwoLinks() {
		PodPicture picture = picture(SHARED_DATA);

		assertThat(picture.containers()).extracting(ContainerBox::name).containsExactly("writer", "reader");
		assertThat(picture.volumes()).singleElement().satisfies((volume) -> {
			assertThat(volume.name()).isEqualTo("data");
			assertThat(volume.type()).isEqualTo("emptyDir");
			assertThat(volume.shared()).isTrue();
			assertThat(volume.sharedTag()).isNotNull();
			assertThat(volume.css()).contains("pp-volume--shared");
		});
		assertThat(picture.links()).extracting(Link::container).containsExactly("writer", "reader");
		assertThat(picture.links()).allSatisfy((link) -> {
			assertThat(link.volume()).isEqualTo("data");
			assertThat(link.label().text()).isEqualTo("/data rw");
			assertThat(link.css()).contains("pp-link--shared");
		});
		assertThat(picture.warnings()).isEmpty();
		assertThat(container(picture, "reader").ports()).singleElement()
			.satisfies((port) -> assertThat(port.text().text()).isEqualTo("8080/TCP"));
	}

	@Test
	void linksRunFromTheContainerToTheVolume() {
		PodPicture picture = picture(SHARED_DATA);
		VolumeNode data = picture.volumes().get(0);

		for (Link link : picture.links()) {
			ContainerBox box = container(picture, link.container());
			assertThat(link.path()).startsWith("M" + box.box().right() + " ")
				.endsWith(" " + data.box().x() + " " + link.path().substring(link.path().lastIndexOf(' ') + 1));
			int endY = Integer.parseInt(link.path().substring(link.path().lastIndexOf(' ') + 1));
			assertThat(endY).isBetween(data.box().y(), data.box().bottom());
		}
	}

	@Test
	void readOnlyMountsAndVolumeTypesAreShown() {
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: types}
				spec:
				  containers:
				  - name: app
				    image: app
				    volumeMounts:
				    - {name: config, mountPath: /etc/app, readOnly: true}
				    - {name: tmp, mountPath: /tmp}
				    - {name: creds, mountPath: /secrets, readOnly: true}
				    - {name: claim, mountPath: /var/lib/data}
				  volumes:
				  - {name: config, configMap: {name: app-config}}
				  - {name: tmp, emptyDir: {medium: Memory}}
				  - {name: creds, secret: {secretName: db}}
				  - {name: claim, persistentVolumeClaim: {claimName: data-0}}
				  - {name: logs, hostPath: {path: /var/log}}
				  - {name: info, downwardAPI: {items: [{path: labels}]}}
				  - {name: bundle, projected: {sources: []}}
				  - {name: scratch, ephemeral: {}}
				  - {name: bare}
				""");

		assertThat(picture.links()).extracting((link) -> link.label().text())
			.containsExactlyInAnyOrder("/etc/app ro", "/tmp rw", "/secrets ro", "/var/lib/data rw");
		assertThat(picture.volumes()).extracting(VolumeNode::name, VolumeNode::type, VolumeNode::mounted)
			.containsExactlyInAnyOrder(tuple("config", "configMap", true), tuple("tmp", "emptyDir Memory", true),
					tuple("creds", "secret", true), tuple("claim", "persistentVolumeClaim", true),
					tuple("logs", "hostPath", false), tuple("info", "downwardAPI", false),
					tuple("bundle", "projected", false), tuple("scratch", "ephemeral", false),
					tuple("bare", "emptyDir", false));
		assertThat(picture.volumes()).filteredOn((volume) -> !volume.mounted())
			.allSatisfy((volume) -> assertThat(volume.css()).contains("pp-volume--unmounted"));
		assertThat(picture.unmountedCaption()).isNotNull();
		assertThat(picture.volumes()).noneMatch(VolumeNode::shared);
	}

	@Test
	void addedCapabilitiesAndPrivilegedShowOnTheirOwnContainer() {
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: caps}
				spec:
				  containers:
				  - name: plain
				    image: busybox
				  - name: vault
				    image: vault
				    securityContext:
				      capabilities:
				        add: [IPC_LOCK]
				  - name: agent
				    image: agent
				    securityContext:
				      privileged: true
				""");

		assertThat(container(picture, "plain").badges()).isEmpty();
		assertThat(container(picture, "vault").badges()).singleElement().satisfies((badge) -> {
			assertThat(badge.text()).isEqualTo("IPC_LOCK");
			assertThat(badge.css()).isEqualTo("pp-badge-cap");
		});
		assertThat(container(picture, "agent").badges()).singleElement().satisfies((badge) -> {
			assertThat(badge.text()).isEqualTo("privileged");
			assertThat(badge.css()).isEqualTo("pp-badge-danger");
		});
	}

	@Test
	void podLevelNamespacesAreBadges() {
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: host}
				spec:
				  shareProcessNamespace: true
				  hostNetwork: true
				  hostPID: true
				  hostIPC: true
				  containers: [{name: app, image: app}]
				""");

		assertThat(picture.podBadges()).extracting(PodPicture.Chip::text)
			.containsExactly("shared PID namespace", "hostNetwork", "hostPID", "hostIPC");
		assertThat(picture.network().hostNetwork()).isTrue();
		assertThat(picture(SHARED_DATA).podBadges()).isEmpty();
	}

	@Test
	void twoRunningContainersOnOnePortAndProtocolAreWarnedAbout() {
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: clash}
				spec:
				  containers:
				  - name: a
				    image: a
				    ports: [{containerPort: 8080}]
				  - name: b
				    image: b
				    ports: [{containerPort: 8080, protocol: TCP}]
				""");

		assertThat(picture.warnings()).containsExactly("spec.containers[1].ports[0].containerPort: container \"a\" "
				+ "already declares 8080/TCP: the containers share localhost, so this one cannot bind it");
		assertThat(picture.warningBox()).isNotNull();
		assertThat(String.join(" ",
				picture.warningLines()
					.stream()
					.filter((line) -> line.css().equals("pp-warning"))
					.map(PodPicture.Text::text)
					.toList()))
			.isEqualTo(picture.warnings().get(0));
	}

	@Test
	void eachDeclarationOfAPortAnotherContainerHasIsWarnedAbout() {
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: twice}
				spec:
				  containers:
				  - {name: a, image: a, ports: [{containerPort: 80}]}
				  - {name: b, image: b, ports: [{containerPort: 80}, {containerPort: 80, name: again}]}
				""");

		assertThat(picture.warnings()).hasSize(2)
			.allMatch((warning) -> warning.contains("container \"a\" already declares 80/TCP"));
	}

	@Test
	void aSidecarClashesWithAContainerButAPlainInitContainerDoesNot() {
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: sidecars}
				spec:
				  initContainers:
				  - name: migrate
				    image: migrate
				    ports: [{containerPort: 8080}]
				  - name: proxy
				    image: envoy
				    restartPolicy: Always
				    ports: [{containerPort: 9090}]
				  containers:
				  - name: app
				    image: app
				    ports: [{containerPort: 8080}, {containerPort: 9090}]
				""");

		assertThat(picture.containers()).extracting(ContainerBox::name, ContainerBox::role)
			.containsExactly(tuple("migrate", Role.INIT), tuple("proxy", Role.SIDECAR), tuple("app", Role.CONTAINER));
		assertThat(container(picture, "migrate").roleTag().text()).isEqualTo("init");
		assertThat(container(picture, "proxy").roleTag().text()).isEqualTo("sidecar");
		assertThat(container(picture, "proxy").css()).contains("pp-container--sidecar");
		assertThat(container(picture, "app").roleTag()).isNull();
		assertThat(picture.warnings()).containsExactly("spec.containers[0].ports[1].containerPort: container \"proxy\" "
				+ "already declares 9090/TCP: the containers share localhost, so this one cannot bind it");
	}

	@Test
	void theSamePortOverAnotherProtocolIsNoClash() {
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: dns}
				spec:
				  containers:
				  - name: tcp
				    image: dns
				    ports: [{containerPort: 53, name: dns-tcp}]
				  - name: udp
				    image: dns
				    ports: [{containerPort: 53, protocol: UDP, name: dns, hostPort: 53}]
				""");

		assertThat(picture.warnings()).isEmpty();
		assertThat(container(picture, "tcp").ports()).singleElement().satisfies((port) -> {
			assertThat(port.text().text()).isEqualTo("53/TCP dns-tcp");
			assertThat(port.hostPort()).isNull();
		});
		assertThat(container(picture, "udp").ports()).singleElement().satisfies((port) -> {
			assertThat(port.text().text()).isEqualTo("53/UDP dns");
			assertThat(port.hostPort().text()).isEqualTo("hostPort 53");
		});
	}

	@Test
	void aMountOfAVolumeThatDoesNotExistIsWarnedAbout() {
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: missing}
				spec:
				  containers:
				  - name: app
				    image: app
				    volumeMounts: [{name: cache, mountPath: /cache}]
				""");

		assertThat(picture.warnings()).containsExactly("spec.containers[0].volumeMounts[0].name: Not found: \"cache\"");
		assertThat(picture.links()).isEmpty();
		assertThat(picture.volumes()).isEmpty();
	}

	@Test
	void workloadsArePicturedFromTheirPodTemplate() {
		PodPicture deployment = picture("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web}
				spec:
				  template:
				    spec:
				      containers: [{name: nginx, image: nginx}]
				""");
		PodPicture cronJob = picture("""
				apiVersion: batch/v1
				kind: CronJob
				metadata: {name: nightly}
				spec:
				  schedule: "0 3 * * *"
				  jobTemplate:
				    spec:
				      template:
				        spec:
				          containers: [{name: backup, image: restic}]
				""");

		assertThat(deployment.kind().text()).isEqualTo("Deployment");
		assertThat(deployment.name().text()).isEqualTo("web");
		assertThat(deployment.containers()).extracting(ContainerBox::name).containsExactly("nginx");
		assertThat(cronJob.kind().text()).isEqualTo("CronJob");
		assertThat(cronJob.containers()).extracting(ContainerBox::name).containsExactly("backup");
	}

	@Test
	void aPodWithoutContainersIsAnEmptyFrameWithAHint() {
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: empty}
				""");

		assertThat(picture.containers()).isEmpty();
		assertThat(picture.hint()).isNotNull();
		assertThat(picture.height()).isPositive();
		assertThat(picture(SHARED_DATA).hint()).isNull();
	}

	@Test
	void garbageIsDrawnAsWellAsItCanBe() {
		List<String> garbage = List.of("""
				apiVersion: v1
				kind: Pod
				metadata: {name: [not, a, string]}
				spec:
				  containers: "app"
				  initContainers: 7
				  volumes: {data: {}}
				""", """
				apiVersion: v1
				kind: Pod
				spec:
				  containers:
				  - just-a-string
				  - name: 42
				    image: {}
				    ports: [{name: http}, {containerPort: "8080"}, {containerPort: 70000000000}, 8080, null]
				    volumeMounts: [{mountPath: /x}, {name: v}, "v", {name: {}}]
				    securityContext: {capabilities: {add: IPC_LOCK}, privileged: "true"}
				  - {}
				  volumes: [{name: v, emptyDir: null}, {emptyDir: {}}, "v", {name: w, emptyDir: [], configMap: 3}]
				""", """
				apiVersion: v1
				kind: Pod
				metadata: {name: x}
				spec: nothing
				""");

		for (String yaml : garbage) {
			assertThatNoException().isThrownBy(() -> picture(yaml));
		}
		PodPicture second = picture(garbage.get(1));
		assertThat(second.name().text()).isEqualTo("(unnamed)");
		assertThat(second.containers()).extracting(ContainerBox::name).containsExactly("42", "(unnamed)");
		assertThat(container(second, "42").ports()).isEmpty();
		assertThat(container(second, "42").badges()).isEmpty();
		assertThat(container(second, "42").image().text()).isEqualTo("(no image)");
		assertThat(second.links()).singleElement().satisfies((link) -> {
			assertThat(link.volume()).isEqualTo("v");
			assertThat(link.label().text()).isEqualTo("(no path) rw");
		});
		assertThat(second.volumes()).extracting(VolumeNode::name).containsExactly("v", "w");
	}

	@Test
	void longTextsAreShortenedWithTheFullTextKept() {
		String image = "registry.example.com/platform/observability/collector-contrib:0.104.0";
		String path = "/var/run/secrets/kubernetes.io/serviceaccount";
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: long}
				spec:
				  containers:
				  - name: collector
				    image: %s
				    volumeMounts: [{name: token, mountPath: %s, readOnly: true}]
				  volumes: [{name: token, projected: {sources: [{serviceAccountToken: {path: token}}]}}]
				""".formatted(image, path));

		PodPicture.Text shown = container(picture, "collector").image();
		assertThat(shown.text()).startsWith("…").endsWith("collector-contrib:0.104.0");
		assertThat(shown.title()).isEqualTo(image);
		PodPicture.Text label = picture.links().get(0).label();
		assertThat(label.text()).isEqualTo("…/serviceaccount ro");
		assertThat(label.title()).isEqualTo(path + " ro");
	}

	@Test
	void aLongMountPathKeepsItsFirstAndLastSegmentsAndItsAccess() {
		String path = "/usr/share/nginx/html";
		PodPicture picture = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: web}
				spec:
				  containers:
				  - name: web
				    image: nginx
				    volumeMounts: [{name: html, mountPath: %s}]
				  volumes: [{name: html, emptyDir: {}}]
				""".formatted(path));

		PodPicture.Text label = picture.links().get(0).label();
		assertThat(label.text()).isEqualTo("/usr/…/nginx/html rw");
		assertThat(label.title()).isEqualTo(path + " rw");
	}

	@Test
	void pathsAreShortenedInTheMiddle() {
		assertThat(PodPictureLayout.shortenPath("/data", 10)).isEqualTo("/data");
		assertThat(PodPictureLayout.shortenPath("/usr/share/nginx/html", 17)).isEqualTo("/usr/…/nginx/html");
		assertThat(PodPictureLayout.shortenPath("/usr/share/nginx/html", 16)).isEqualTo("/usr/…/html");
		assertThat(PodPictureLayout.shortenPath("/var/lib/app/", 11)).isEqualTo("/var/…/app/");
		assertThat(PodPictureLayout.shortenPath("cache/a/b/c", 9)).isEqualTo("cache/…/c");
		// where the first segment and the last are too long together, the last ones are
		// kept
		assertThat(PodPictureLayout.shortenPath("/configuration/settings.yaml", 16)).isEqualTo("…/settings.yaml");
		assertThat(PodPictureLayout.shortenPath("/configuration/settings.yaml", 12)).isEqualTo("…ttings.yaml");
		assertThat(PodPictureLayout.shortenPath("(no path)", 4)).isEqualTo("…th)");
	}

	@Test
	void thePictureGrowsWithItsContainers() {
		PodPicture one = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: one}
				spec:
				  containers: [{name: a, image: a}]
				""");
		PodPicture three = picture("""
				apiVersion: v1
				kind: Pod
				metadata: {name: three}
				spec:
				  containers: [{name: a, image: a}, {name: b, image: b}, {name: c, image: c}]
				""");

		assertThat(three.width()).isEqualTo(one.width());
		assertThat(three.height()).isGreaterThan(one.height());
		assertThat(three.frame().bottom()).isLessThan(three.height());
	}

}
