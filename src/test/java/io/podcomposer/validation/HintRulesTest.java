package io.podcomposer.validation;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.PodView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each best-practice hint: a pod that sets it off, at the field it names, and one that
 * does not.
 */
class HintRulesTest {

	/** A pod that follows every hint; the tests change one thing in it. */
	private static final String CLEAN = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: web
			spec:
			  automountServiceAccountToken: false
			  securityContext:
			    runAsNonRoot: true
			  containers:
			  - name: web
			    image: nginx:1.27
			    ports:
			    - containerPort: 8080
			    resources:
			      requests: {cpu: 100m, memory: 64Mi}
			      limits: {memory: 128Mi}
			    readinessProbe:
			      httpGet: {path: /healthz, port: 8080}
			    securityContext:
			      readOnlyRootFilesystem: true
			      capabilities:
			        drop: [ALL]
			""";

	@Test
	void aCleanPodHasNoHints() {
		for (ValidationRule rule : ValidationRules.ALL) {
			assertThat(findings(rule, CLEAN)).as(rule.id()).isEmpty();
		}
	}

	@Test
	void everyHintIsAWarningWithItsOwnId() {
		List<ValidationRule> hints = ValidationRules.ALL.stream()
			.filter((rule) -> rule.severity() == Severity.WARNING)
			.toList();

		assertThat(hints).hasSizeGreaterThanOrEqualTo(10);
		assertThat(hints.stream().map(ValidationRule::id).distinct()).hasSameSizeAs(hints);
	}

	@Test
	void missingResourcesTellsRequestsAndTheMemoryLimitApart() {
		String pod = CLEAN.replace("      requests: {cpu: 100m, memory: 64Mi}\n", "")
			.replace("      limits: {memory: 128Mi}\n", "      limits: {cpu: 200m}\n");

		assertThat(paths(new MissingResourcesRule(), pod)).containsExactly("spec.containers[0].resources.requests",
				"spec.containers[0].resources.limits.memory");
		assertThat(messages(new MissingResourcesRule(), pod).get(1)).startsWith("no memory limit: set limits.memory");
	}

	@Test
	void missingResourcesLooksAtInitContainersToo() {
		String pod = CLEAN + """
				  initContainers:
				  - name: setup
				    image: busybox:1.36
				    resources:
				      limits: {memory: 32Mi}
				""";

		assertThat(paths(new MissingResourcesRule(), pod)).containsExactly("spec.initContainers[0].resources.requests");
	}

	@Test
	void missingReadinessProbeOnAContainerAndASidecarOfADeployment() {
		String deployment = """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web}
				spec:
				  template:
				    spec:
				      initContainers:
				      - {name: setup, image: busybox:1.36}
				      - {name: proxy, image: envoy:1.30, restartPolicy: Always}
				      containers:
				      - {name: web, image: nginx:1.27}
				""";

		assertThat(paths(new MissingReadinessProbeRule(), deployment)).containsExactly(
				"spec.template.spec.initContainers[1].readinessProbe",
				"spec.template.spec.containers[0].readinessProbe");
	}

	@Test
	void missingReadinessProbeIsNoHintForJobsAndCronJobs() {
		String job = """
				apiVersion: batch/v1
				kind: Job
				metadata: {name: once}
				spec:
				  template:
				    spec:
				      restartPolicy: Never
				      containers:
				      - {name: work, image: busybox:1.36}
				""";

		assertThat(findings(new MissingReadinessProbeRule(), job)).isEmpty();
		assertThat(findings(new MissingReadinessProbeRule(), job.replace("kind: Job", "kind: CronJob")
			.replace("spec:\n  template:", "spec:\n  schedule: '0 * * * *'\n  jobTemplate:\n   spec:\n    template:")))
			.isEmpty();
	}

	@Test
	void imageTagFindsNoTagAndLatestButNotADigestOrARegistryPort() {
		String pod = podWithImages("nginx", "nginx:latest", "registry:5000/team/app",
				"nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
				"registry:5000/team/app:1.2");

		assertThat(findings(new ImageTagRule(), pod)).extracting(Finding::path, Finding::message)
			.containsExactly(
					tuple("spec.containers[0].image",
							"image \"nginx\" has no tag, so it means :latest: pin a version or a digest"),
					tuple("spec.containers[1].image", "image \"nginx:latest\" uses :latest: pin a version or a digest"),
					tuple("spec.containers[2].image",
							"image \"registry:5000/team/app\" has no tag, so it means :latest: pin a version or a digest"));
		assertThat(findings(new ImageTagRule(), CLEAN)).isEmpty();
	}

	@Test
	void runAsNonRootUnsetAnywhereIsToldOnceForThePod() {
		String pod = CLEAN.replace("  securityContext:\n    runAsNonRoot: true\n", "");

		assertThat(paths(new RunAsNonRootRule(), pod)).containsExactly("spec.securityContext.runAsNonRoot");
	}

	@Test
	void runAsNonRootIsToldForTheContainersThatLackIt() {
		String pod = podWithImages("nginx:1.27", "busybox:1.36").replace("    image: nginx:1.27\n",
				"    image: nginx:1.27\n    securityContext: {runAsNonRoot: true}\n");

		assertThat(paths(new RunAsNonRootRule(), pod))
			.containsExactly("spec.containers[1].securityContext.runAsNonRoot");
		// a container's false wins over the pod's true
		assertThat(paths(new RunAsNonRootRule(),
				CLEAN.replace("      readOnlyRootFilesystem: true\n",
						"      readOnlyRootFilesystem: true\n      runAsNonRoot: false\n")))
			.containsExactly("spec.containers[0].securityContext.runAsNonRoot");
	}

	@Test
	void privilegedContainer() {
		String pod = CLEAN.replace("      readOnlyRootFilesystem: true\n",
				"      readOnlyRootFilesystem: true\n      privileged: true\n");

		assertThat(paths(new PrivilegedContainerRule(), pod))
			.containsExactly("spec.containers[0].securityContext.privileged");
		assertThat(messages(new PrivilegedContainerRule(), pod).get(0)).startsWith("container \"web\" is privileged");
		assertThat(findings(new PrivilegedContainerRule(), pod.replace("privileged: true", "privileged: false")))
			.isEmpty();
	}

	@Test
	void writableRootFilesystemUnlessReadOnlyIsTrue() {
		String pod = CLEAN.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false");

		assertThat(paths(new WritableRootFilesystemRule(), pod))
			.containsExactly("spec.containers[0].securityContext.readOnlyRootFilesystem");
		assertThat(findings(new WritableRootFilesystemRule(), CLEAN)).isEmpty();
	}

	@Test
	void hostPathVolumeOfADaemonSet() {
		String daemonSet = """
				apiVersion: apps/v1
				kind: DaemonSet
				metadata: {name: logs}
				spec:
				  template:
				    spec:
				      containers:
				      - {name: agent, image: fluent-bit:3.0}
				      volumes:
				      - {name: cache, emptyDir: {}}
				      - name: varlog
				        hostPath: {path: /var/log}
				""";

		assertThat(findings(new HostPathVolumeRule(), daemonSet)).extracting(Finding::path)
			.containsExactly("spec.template.spec.volumes[1].hostPath");
		assertThat(messages(new HostPathVolumeRule(), daemonSet).get(0))
			.startsWith("volume \"varlog\" mounts a directory of the node");
		assertThat(findings(new HostPathVolumeRule(), daemonSet.replace("hostPath: {path: /var/log}", "emptyDir: {}")))
			.isEmpty();
	}

	@Test
	void serviceAccountTokenMountedWithoutAServiceAccount() {
		String pod = CLEAN.replace("  automountServiceAccountToken: false\n", "");

		assertThat(paths(new ServiceAccountTokenRule(), pod)).containsExactly("spec.automountServiceAccountToken");
		assertThat(findings(new ServiceAccountTokenRule(),
				pod.replace("spec:\n", "spec:\n  serviceAccountName: reader\n")))
			.isEmpty();
	}

	@Test
	void duplicatePortBetweenAContainerAndASidecarButNotAnInitContainer() {
		String pod = CLEAN + """
				  - name: metrics
				    image: exporter:1.0
				    ports:
				    - {containerPort: 9090}
				    - {containerPort: 8080, protocol: UDP}
				    - {containerPort: 8080}
				  initContainers:
				  - name: setup
				    image: busybox:1.36
				    ports: [{containerPort: 8080}]
				  - name: proxy
				    image: envoy:1.30
				    restartPolicy: Always
				    ports: [{containerPort: 9090}]
				""";

		assertThat(findings(new DuplicatePortRule(), pod)).extracting(Finding::path, Finding::message)
			.containsExactly(
					tuple("spec.containers[1].ports[0].containerPort",
							"container \"proxy\" already declares 9090/TCP: "
									+ "the containers share localhost, so this one cannot bind it"),
					tuple("spec.containers[1].ports[2].containerPort", "container \"web\" already declares 8080/TCP: "
							+ "the containers share localhost, so this one cannot bind it"));
		assertThat(findings(new DuplicatePortRule(), CLEAN)).isEmpty();
	}

	@Test
	void unknownCapabilityTellsATypoFromAPrefix() {
		String pod = CLEAN.replace("        drop: [ALL]\n",
				"        add: [IPC_LOCK, IPC_LOKC, CAP_NET_ADMIN]\n        drop: [ALL, cap_chown]\n");

		assertThat(findings(new UnknownCapabilityRule(), pod)).extracting(Finding::path, Finding::message)
			.containsExactly(
					tuple("spec.containers[0].securityContext.capabilities.add[1]",
							"\"IPC_LOKC\" is not a Linux capability"),
					tuple("spec.containers[0].securityContext.capabilities.add[2]",
							"\"CAP_NET_ADMIN\" should be written NET_ADMIN"),
					tuple("spec.containers[0].securityContext.capabilities.drop[1]",
							"\"cap_chown\" should be written CHOWN"));
		assertThat(findings(new UnknownCapabilityRule(), CLEAN)).isEmpty();
	}

	@Test
	void sharedWritableVolumeIsToldAtTheVolume() {
		String pod = """
				apiVersion: v1
				kind: Pod
				metadata: {name: shared}
				spec:
				  containers:
				  - name: writer
				    image: busybox:1.36
				    volumeMounts: [{name: data, mountPath: /data}]
				  - name: reader
				    image: busybox:1.36
				    volumeMounts: [{name: data, mountPath: /data}]
				  volumes:
				  - {name: data, emptyDir: {}}
				""";

		assertThat(findings(new SharedWritableVolumeRule(), pod)).extracting(Finding::path, Finding::message)
			.containsExactly(
					tuple("spec.volumes[0].name", "volume \"data\" is mounted read-write by container \"writer\", "
							+ "container \"reader\": set readOnly on the mounts of the containers that only read it"));
		String readerReadsOnly = pod.replace("[{name: data, mountPath: /data}]\n  volumes",
				"[{name: data, mountPath: /data, readOnly: true}]\n  volumes");
		assertThat(findings(new SharedWritableVolumeRule(), readerReadsOnly)).isEmpty();
	}

	@Test
	void sharedWritableVolumeWithoutADeclaredVolumeIsToldAtTheSecondMount() {
		String pod = """
				apiVersion: v1
				kind: Pod
				metadata: {name: shared}
				spec:
				  containers:
				  - {name: a, image: busybox:1.36, volumeMounts: [{name: data, mountPath: /a}]}
				  - {name: b, image: busybox:1.36, volumeMounts: [{name: data, mountPath: /b}]}
				""";

		assertThat(paths(new SharedWritableVolumeRule(), pod))
			.containsExactly("spec.containers[1].volumeMounts[0].readOnly");
	}

	@Test
	void noHintThrowsOnFieldsOfTheWrongType() {
		String odd = """
				apiVersion: v1
				kind: Pod
				metadata: {name: odd}
				spec:
				  automountServiceAccountToken: "no"
				  serviceAccountName: [x]
				  securityContext: "strict"
				  volumes: {data: {hostPath: /x}}
				  initContainers: nginx
				  containers:
				  - nginx
				  - 42
				  - name: [a]
				    image: {repo: nginx}
				    ports: "8080"
				    resources: [cpu]
				    readinessProbe: yes
				    volumeMounts: [x, {name: 3}, {name: data, readOnly: "true"}]
				    securityContext:
				      privileged: "true"
				      capabilities: {add: IPC_LOCK, drop: [1, {}]}
				  - {name: b, ports: [{containerPort: "8080"}, {containerPort: 8080, protocol: [TCP]}]}
				""";

		for (ValidationRule rule : ValidationRules.ALL) {
			assertThat(findings(rule, odd)).as(rule.id())
				.allSatisfy((finding) -> assertThat(finding.path()).startsWith("spec."));
		}
	}

	private static String podWithImages(String... images) {
		StringBuilder yaml = new StringBuilder(
				"apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n");
		for (int i = 0; i < images.length; i++) {
			yaml.append("  - name: c").append(i).append("\n    image: ").append(images[i]).append('\n');
		}
		return yaml.toString();
	}

	static List<Finding> findings(ValidationRule rule, String yaml) {
		Findings findings = new Findings();
		findings.runAs(rule);
		rule.check(new PodView(Manifest.of(ManifestReader.readYaml(yaml))), findings);
		return (rule.severity() == Severity.ERROR) ? findings.errors() : findings.warnings();
	}

	private static List<String> paths(ValidationRule rule, String yaml) {
		return findings(rule, yaml).stream().map(Finding::path).toList();
	}

	private static List<String> messages(ValidationRule rule, String yaml) {
		return findings(rule, yaml).stream().map(Finding::message).toList();
	}

}
