package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.deployment;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;

/**
 * The API server's rules for env names and field paths, item paths, escalation, ephemeral
 * containers and resize.
 */
class MoreApiServerRulesTest {

	private static final String WEB = "containers:\n- name: web\n  image: nginx\n";

	@Test
	void anEnvNameIsPrintableAsciiWithoutAnEqualsSign() {
		assertFindings(new EnvRule(), pod("containers:\n- name: web\n  image: nginx\n  env:\n"
				+ "  - {name: 'A=B', value: x}\n  - {name: 'caf\u00e9', value: x}\n  - {name: '1-my.var with space', value: x}"),
				finding("spec.containers[0].env[0].name",
						"Invalid value: \"A=B\": a valid environment variable name must "
								+ "consist only of printable ASCII characters other than '='"),
				finding("spec.containers[0].env[1].name", "Invalid value: \"caf\u00e9\": a valid environment variable "
						+ "name must consist only of printable ASCII characters other than '='"));
	}

	@Test
	void aFieldRefNamesAFieldTheDownwardApiGivesAVariable() {
		assertFindings(new EnvRule(), pod("""
				containers:
				- name: web
				  image: nginx
				  env:
				  - {name: A, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
				  - {name: B, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}
				  - {name: C, valueFrom: {fieldRef: {fieldPath: spec.nothing}}}
				  - {name: D, valueFrom: {fieldRef: {fieldPath: status.phase}}}
				  - {name: E, valueFrom: {fieldRef: {fieldPath: "spec.nodeName['x']"}}}
				  - {name: F, valueFrom: {fieldRef: {apiVersion: v2, fieldPath: metadata.name}}}
				  - {name: G, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}
				"""), finding("spec.containers[0].env[2].valueFrom.fieldRef.fieldPath",
				"Invalid value: \"spec.nothing\": error converting fieldPath: field label not supported: spec.nothing"),
				finding("spec.containers[0].env[3].valueFrom.fieldRef.fieldPath",
						"Unsupported value: \"status.phase\": "
								+ "supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", "
								+ "\"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\""),
				finding("spec.containers[0].env[4].valueFrom.fieldRef.fieldPath",
						"Invalid value: \"spec.nodeName['x']\": error converting fieldPath: field path not supported: spec.nodeName"),
				finding("spec.containers[0].env[5].valueFrom.fieldRef.fieldPath",
						"Invalid value: \"metadata.name\": error converting fieldPath: unsupported pod version: v2"),
				finding("spec.containers[0].env[6].valueFrom.fieldRef.fieldPath",
						"Unsupported value: \"metadata.labels\": "
								+ "supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", "
								+ "\"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\""));
	}

	@Test
	void aProjectedFileStaysInsideItsVolume() {
		assertFindings(new VolumeItemPathsRule(),
				pod(WEB + """
						volumes:
						- name: a
						  secret: {secretName: s, items: [{key: k, path: ok/file}, {key: k, path: ../up}, {key: k}]}
						- name: b
						  configMap: {name: c, items: [{key: k, path: /abs}, {key: k, path: ..data}]}
						- name: c
						  downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}, {path: a/../b, fieldRef: {fieldPath: metadata.name}}]}
						- name: d
						  projected: {sources: [{configMap: {name: c, items: [{key: k, path: x/..}]}}]}
						"""),
				finding("spec.volumes[0].secret.items[1].path", "Invalid value: \"../up\": must not contain '..'"),
				finding("spec.volumes[0].secret.items[2].path", "Required value"),
				finding("spec.volumes[1].configMap.items[0].path", "Invalid value: \"/abs\": must be a relative path"),
				finding("spec.volumes[1].configMap.items[1].path",
						"Invalid value: \"..data\": must not start with '..'"),
				finding("spec.volumes[2].downwardAPI.path", "Invalid value: \"a/../b\": must not contain '..'"),
				finding("spec.volumes[3].projected.sources[0].configMap.items[0].path",
						"Invalid value: \"x/..\": must not contain '..'"));
	}

	@Test
	void noEscalationCannotGoWithPrivilegedOrCapSysAdmin() {
		assertFindings(new PrivilegeEscalationRule(),
				pod("""
						containers:
						- name: a
						  image: nginx
						  securityContext: {privileged: true, allowPrivilegeEscalation: false}
						- name: b
						  image: nginx
						  securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [SYS_ADMIN, CAP_SYS_ADMIN]}}
						- name: c
						  image: nginx
						  securityContext: {privileged: true, allowPrivilegeEscalation: true, capabilities: {add: [CAP_SYS_ADMIN]}}
						"""),
				finding("spec.containers[0].securityContext",
						"Invalid value: \"\": cannot set `allowPrivilegeEscalation` "
								+ "to false and `privileged` to true"),
				finding("spec.containers[1].securityContext",
						"Invalid value: \"\": cannot set `allowPrivilegeEscalation` "
								+ "to false and `capabilities.Add` CAP_SYS_ADMIN"));
	}

	@Test
	void ephemeralContainersAreNotGivenOnCreateNorInATemplate() {
		String ephemeral = WEB + "ephemeralContainers: [{name: debug, image: busybox}]";
		assertFindings(new EphemeralContainersRule(), pod(ephemeral),
				finding("spec.ephemeralContainers", "Forbidden: cannot be set on create"));
		assertFindings(new EphemeralContainersRule(), deployment(ephemeral),
				finding("spec.template.spec.ephemeralContainers",
						"Forbidden: ephemeral containers not allowed in pod template"));
		assertFindings(new EphemeralContainersRule(), pod(WEB + "ephemeralContainers: []"));
	}

	@Test
	void aResizePolicyNamesCpuOrMemoryOnceWithAKnownPolicy() {
		assertFindings(new ResizePolicyRule(), pod("""
				containers:
				- name: web
				  image: nginx
				  resizePolicy:
				  - {resourceName: cpu, restartPolicy: NotRequired}
				  - {resourceName: memory, restartPolicy: RestartContainer}
				  - {resourceName: cpu, restartPolicy: Sometimes}
				  - {resourceName: gpu}
				"""), finding("spec.containers[0].resizePolicy[2]", "Duplicate value: \"cpu\""),
				finding("spec.containers[0].resizePolicy[2].restartPolicy",
						"Unsupported value: \"Sometimes\": supported values: \"NotRequired\", \"RestartContainer\""),
				finding("spec.containers[0].resizePolicy[3].resourceName",
						"Unsupported value: \"gpu\": supported values: \"cpu\", \"memory\""),
				finding("spec.containers[0].resizePolicy[3].restartPolicy", "Required value"));
	}

	@Test
	void fieldsOfAFewWordsTakeOneOfThem() {
		assertFindings(new FieldValuesRule(), pod("""
				preemptionPolicy: Sometimes
				os: {name: macos}
				securityContext: {fsGroupChangePolicy: Sometimes, supplementalGroupsPolicy: Strict}
				containers:
				- name: web
				  image: nginx
				  terminationMessagePolicy: Whatever
				  securityContext: {procMount: Weird}
				- name: ok
				  image: nginx
				  terminationMessagePolicy: FallbackToLogsOnError
				  securityContext: {procMount: Unmasked}
				"""),
				finding("spec.containers[0].securityContext.procMount",
						"Unsupported value: \"Weird\": supported values: \"Default\", \"Unmasked\""),
				finding("spec.preemptionPolicy",
						"Unsupported value: \"Sometimes\": supported values: \"Never\", \"PreemptLowerPriority\""),
				finding("spec.os.name", "Unsupported value: \"macos\": supported values: \"linux\", \"windows\""),
				finding("spec.securityContext.fsGroupChangePolicy",
						"Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnRootMismatch\""));
	}

	@Test
	void aLocalhostProfileNamesItsFileAndOnlyALocalhostOne() {
		assertFindings(new SecurityProfilesRule(), pod("""
				securityContext:
				  seccompProfile: {type: Localhost}
				  appArmorProfile: {type: RuntimeDefault, localhostProfile: mine}
				containers:
				- name: web
				  image: nginx
				  securityContext:
				    seccompProfile: {type: Whatever}
				    appArmorProfile: {type: Localhost}
				- name: ok
				  image: nginx
				  securityContext:
				    seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}
				    appArmorProfile: {type: Localhost, localhostProfile: k8s-apparmor-example}
				- name: up
				  image: nginx
				  securityContext: {seccompProfile: {type: Localhost, localhostProfile: ../etc/x.json}}
				"""),
				finding("spec.securityContext.seccompProfile.localhostProfile",
						"Required value: must be set when seccomp type is Localhost"),
				finding("spec.securityContext.appArmorProfile.localhostProfile",
						"Invalid value: \"mine\": can only be set when AppArmor type is Localhost"),
				finding("spec.containers[0].securityContext.seccompProfile.type",
						"Unsupported value: \"Whatever\": supported values: \"Localhost\", \"RuntimeDefault\", \"Unconfined\""),
				finding("spec.containers[0].securityContext.appArmorProfile.localhostProfile",
						"Required value: must be set when AppArmor type is Localhost"),
				finding("spec.containers[2].securityContext.seccompProfile.localhostProfile",
						"Invalid value: \"../etc/x.json\": must not contain '..'"));
	}

	@Test
	void mountPropagationAndRecursiveReadOnlyTakeTheirValuesWhereTheyMayBeSet() {
		assertFindings(new MountOptionsRule(),
				pod("""
						containers:
						- name: web
						  image: nginx
						  volumeMounts:
						  - {name: v, mountPath: /a, mountPropagation: Sideways}
						  - {name: v, mountPath: /b, mountPropagation: Bidirectional}
						  - {name: v, mountPath: /c, recursiveReadOnly: Enabled}
						  - {name: v, mountPath: /d, readOnly: true, recursiveReadOnly: IfPossible, mountPropagation: HostToContainer}
						  - {name: v, mountPath: /e, readOnly: true, recursiveReadOnly: Always}
						  - {name: v, mountPath: /f, readOnly: true, recursiveReadOnly: Enabled}
						- name: node-agent
						  image: nginx
						  securityContext: {privileged: true}
						  volumeMounts: [{name: v, mountPath: /g, mountPropagation: Bidirectional}]
						volumes: [{name: v, emptyDir: {}}]
						"""),
				finding("spec.containers[0].volumeMounts[0].mountPropagation",
						"Unsupported value: \"Sideways\": supported values: \"Bidirectional\", \"HostToContainer\", \"None\""),
				finding("spec.containers[0].volumeMounts[1].mountPropagation",
						"Forbidden: Bidirectional mount propagation is available only to privileged containers"),
				finding("spec.containers[0].volumeMounts[2].recursiveReadOnly",
						"Forbidden: may only be specified when readOnly is true"),
				finding("spec.containers[0].volumeMounts[3].recursiveReadOnly",
						"Forbidden: may only be specified when mountPropagation is None or not specified"),
				finding("spec.containers[0].volumeMounts[4].recursiveReadOnly",
						"Unsupported value: \"Always\": supported values: \"Disabled\", \"IfPossible\", \"Enabled\""));
	}

	@Test
	void hostPathTypesAndHttpSchemesAreTheirWords() {
		assertFindings(new FieldValuesRule(), pod("""
				containers:
				- name: web
				  image: nginx
				  readinessProbe: {httpGet: {port: 80, scheme: HTTPS}}
				  livenessProbe: {httpGet: {port: 80, scheme: FTP}}
				  lifecycle: {preStop: {httpGet: {port: 80, scheme: http}}}
				volumes:
				- {name: a, hostPath: {path: /a, type: ''}}
				- {name: b, hostPath: {path: /b, type: Weird}}
				"""),
				finding("spec.containers[0].livenessProbe.httpGet.scheme",
						"Unsupported value: \"FTP\": supported values: \"HTTP\", \"HTTPS\""),
				finding("spec.containers[0].lifecycle.preStop.httpGet.scheme",
						"Unsupported value: \"http\": supported values: \"HTTP\", \"HTTPS\""),
				finding("spec.volumes[1].hostPath.type",
						"Unsupported value: \"Weird\": supported values: \"\", "
								+ "\"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", "
								+ "\"FileOrCreate\", \"Socket\""));
	}

	@Test
	void aStrategyTypeIsOneOfItsKinds() {
		String template = """
				  selector: {matchLabels: {a: b}}
				  template:
				    metadata: {labels: {a: b}}
				    spec:
				      containers: [{name: c, image: busybox}]
				""";
		assertFindings(new UpdateStrategyRule(),
				"apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n"
						+ "  strategy: {type: BlueGreen}\n" + template,
				finding("spec.strategy",
						"Unsupported value: \"BlueGreen\": supported values: \"Recreate\", \"RollingUpdate\""));
		assertFindings(new UpdateStrategyRule(),
				"apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n"
						+ "  updateStrategy: {type: Recreate}\n" + template,
				finding("spec.updateStrategy",
						"Unsupported value: \"Recreate\": supported values: \"RollingUpdate\", \"OnDelete\""));
		assertFindings(new UpdateStrategyRule(),
				"apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: d}\nspec:\n"
						+ "  updateStrategy: {type: Recreate}\n" + template,
				finding("spec.updateStrategy", "Invalid value: \"Recreate\": must be 'RollingUpdate' or 'OnDelete'"));
		assertFindings(new UpdateStrategyRule(),
				"apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: d}\nspec:\n"
						+ "  updateStrategy: {type: OnDelete, rollingUpdate: {partition: 1}}\n" + template,
				finding("spec.updateStrategy.rollingUpdate",
						"Invalid value: \"\": only allowed for updateStrategy 'RollingUpdate'"));
	}

}
