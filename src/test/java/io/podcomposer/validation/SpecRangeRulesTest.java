package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.cronJob;
import static io.podcomposer.validation.RuleTesting.deployment;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static io.podcomposer.validation.RuleTesting.web;

/**
 * The API server's range rules beyond ports, probes and counts: volumes, ids, DNS, host
 * aliases, topology spread, update strategies and Job modes, with its paths and words.
 */
class SpecRangeRulesTest {

	private static final String ONE_CONTAINER = RuleTesting.ONE_CONTAINER;

	@Test
	void aNegativeEmptyDirSizeLimitAndFileModesOutOfRange() {
		assertFindings(new VolumeRangesRule(), pod(ONE_CONTAINER + """
				volumes:
				- name: scratch
				  emptyDir: {sizeLimit: 1Gi}
				- name: config
				  configMap: {name: app, defaultMode: 0644, items: [{key: a, path: a, mode: 0777}]}
				- name: projected
				  projected:
				    defaultMode: 0
				    sources:
				    - secret: {name: s, items: [{key: k, path: k, mode: 0400}]}
				"""));
		assertFindings(new VolumeRangesRule(), pod(ONE_CONTAINER + """
				volumes:
				- name: scratch
				  emptyDir: {sizeLimit: -1Gi}
				- name: config
				  configMap: {name: app, defaultMode: 1000, items: [{key: a, path: a, mode: -1}]}
				- name: token
				  secret: {secretName: t, defaultMode: 512}
				- name: info
				  downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}, mode: 4096}]}
				- name: projected
				  projected:
				    defaultMode: 600
				    sources:
				    - configMap: {name: c, items: [{key: k, path: k, mode: 999}]}
				"""),
				finding("spec.volumes[0].emptyDir.sizeLimit",
						"Forbidden: SizeLimit field must be a valid resource quantity"),
				finding("spec.volumes[1].configMap.defaultMode",
						"Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive"),
				finding("spec.volumes[1].configMap.items[0].mode",
						"Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive"),
				finding("spec.volumes[2].secret.defaultMode",
						"Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive"),
				finding("spec.volumes[3].downwardAPI.mode",
						"Invalid value: 4096: must be a number between 0 and 0777 (octal), both inclusive"),
				finding("spec.volumes[4].projected.defaultMode",
						"Invalid value: 600: must be a number between 0 and 0777 (octal), both inclusive"),
				finding("spec.volumes[4].projected.sources[0].configMap.items[0].mode",
						"Invalid value: 999: must be a number between 0 and 0777 (octal), both inclusive"));
	}

	@Test
	void userAndGroupIdsAreFromZeroTo2147483647() {
		assertFindings(new SecurityContextIdsRule(), pod("""
				securityContext: {runAsUser: 0, runAsGroup: 2147483647, fsGroup: 1000, supplementalGroups: [0, 5]}
				""" + web("securityContext: {runAsUser: 1000, runAsGroup: 3000}")));
		assertFindings(new SecurityContextIdsRule(), pod("""
				securityContext: {runAsUser: -1, fsGroup: 2147483648, supplementalGroups: [1, -5]}
				initContainers:
				- {name: init, image: busybox, securityContext: {runAsGroup: -2}}
				""" + web("securityContext: {runAsUser: 4294967296}")),
				finding("spec.securityContext.runAsUser",
						"Invalid value: -1: must be between 0 and 2147483647, inclusive"),
				finding("spec.securityContext.fsGroup",
						"Invalid value: 2147483648: must be between 0 and 2147483647, inclusive"),
				finding("spec.securityContext.supplementalGroups[1]",
						"Invalid value: -5: must be between 0 and 2147483647, inclusive"),
				finding("spec.initContainers[0].securityContext.runAsGroup",
						"Invalid value: -2: must be between 0 and 2147483647, inclusive"),
				finding("spec.containers[0].securityContext.runAsUser",
						"Invalid value: 4294967296: must be between 0 and 2147483647, inclusive"));
	}

	@Test
	void dnsConfigStaysWithinTheResolversLimits() {
		assertFindings(new DnsConfigRule(), pod("""
				dnsPolicy: None
				dnsConfig:
				  nameservers: [10.0.0.10, "2001:db8::1", 0.0.0.0]
				  searches: [svc.cluster.local., example.com]
				  options: [{name: ndots, value: "2"}]
				""" + ONE_CONTAINER));
		assertFindings(new DnsConfigRule(), pod("dnsPolicy: None\n" + ONE_CONTAINER),
				finding("spec.dnsConfig", "Required value: must provide `dnsConfig` when `dnsPolicy` is None"));
		assertFindings(new DnsConfigRule(), pod("dnsPolicy: None\ndnsConfig: {searches: [a.b]}\n" + ONE_CONTAINER),
				finding("spec.dnsConfig.nameservers",
						"Required value: must provide at least one DNS nameserver when `dnsPolicy` is None"));
		assertFindings(new DnsConfigRule(), pod("""
				dnsConfig:
				  nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, dns.example.com]
				  searches: [Example.com]
				  options: [{value: "1"}]
				""" + ONE_CONTAINER),
				finding("spec.dnsConfig.nameservers",
						"Invalid value: []string{\"1.1.1.1\", \"8.8.8.8\", \"9.9.9.9\", \"dns.example.com\"}: "
								+ "must not have more than 3 nameservers"),
				finding("spec.dnsConfig.nameservers[3]",
						"Invalid value: \"dns.example.com\": "
								+ "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
				finding("spec.dnsConfig.searches[0]", "Invalid value: \"Example.com\": a lowercase RFC 1123 subdomain "
						+ "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with "
						+ "an alphanumeric character (e.g. 'example.com', regex used for validation is "
						+ "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
				finding("spec.dnsConfig.options[0]", "Required value: must not be empty"));
	}

	@Test
	void tooManySearchDomains() {
		String searches = "d0.example.com" + ", d%d.example.com".repeat(32);
		assertFindings(new DnsConfigRule(),
				pod("dnsConfig: {searches: ["
						+ searches.formatted(java.util.stream.IntStream.rangeClosed(1, 32).boxed().toArray()) + "]}\n"
						+ ONE_CONTAINER),
				finding("spec.dnsConfig.searches",
						"Invalid value: []string{" + String.join(", ",
								java.util.stream.IntStream.rangeClosed(0, 32)
									.mapToObj((i) -> "\"d" + i + ".example.com\"")
									.toList())
								+ "}: must not have more than 32 search paths"));
	}

	@Test
	void hostAliasesHaveAnIpAndDnsNames() {
		assertFindings(new HostAliasesRule(), pod("""
				hostAliases:
				- {ip: 127.0.0.1, hostnames: [foo.local, bar.local]}
				- {ip: "::1", hostnames: [v6.local]}
				""" + ONE_CONTAINER));
		assertFindings(new HostAliasesRule(), pod("""
				hostAliases:
				- {ip: 256.0.0.1, hostnames: [Foo_Bar]}
				- {hostnames: [ok.local]}
				- {ip: 010.0.0.1}
				- {ip: "::ffff:10.0.0.1"}
				""" + ONE_CONTAINER),
				finding("spec.hostAliases[0].ip",
						"Invalid value: \"256.0.0.1\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
				finding("spec.hostAliases[0].hostnames[0]", "Invalid value: \"Foo_Bar\": a lowercase RFC 1123 "
						+ "subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and "
						+ "end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
						+ "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
				finding("spec.hostAliases[1].ip",
						"Invalid value: \"\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
				finding("spec.hostAliases[2].ip", "Invalid value: \"010.0.0.1\": must not have leading 0s"),
				finding("spec.hostAliases[3].ip",
						"Invalid value: \"::ffff:10.0.0.1\": must not be an IPv4-mapped IPv6 address"));
	}

	@Test
	void topologySpreadConstraints() {
		assertFindings(new TopologySpreadRule(), pod("""
				topologySpreadConstraints:
				- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2}
				- {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, nodeTaintsPolicy: Honor}
				""" + ONE_CONTAINER));
		assertFindings(new TopologySpreadRule(), pod("""
				topologySpreadConstraints:
				- {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}
				- {maxSkew: 1, whenUnsatisfiable: Sometimes, minDomains: 0, nodeAffinityPolicy: Always}
				- {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}
				""" + ONE_CONTAINER),
				finding("spec.topologySpreadConstraints[0].maxSkew", "Invalid value: 0: must be greater than zero"),
				finding("spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}",
						"Duplicate value: \"{zone, DoNotSchedule}\""),
				finding("spec.topologySpreadConstraints[1].topologyKey", "Required value: can not be empty"),
				finding("spec.topologySpreadConstraints[1].whenUnsatisfiable",
						"Unsupported value: \"Sometimes\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""),
				finding("spec.topologySpreadConstraints[1].minDomains", "Invalid value: 0: must be greater than zero"),
				finding("spec.topologySpreadConstraints[1].minDomains",
						"Invalid value: 0: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not Sometimes"),
				finding("spec.topologySpreadConstraints[1].nodeAffinityPolicy",
						"Unsupported value: \"Always\": supported values: \"Honor\", \"Ignore\""));
	}

	@Test
	void aDeploymentsRollingUpdateWithTheDefaultsFilledIn() {
		assertFindings(new UpdateStrategyRule(), withSpec(deployment(ONE_CONTAINER), """
				strategy: {rollingUpdate: {maxUnavailable: 0}}
				minReadySeconds: 30
				"""));
		assertFindings(new UpdateStrategyRule(), withSpec(deployment(ONE_CONTAINER), """
				strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}
				"""), finding("spec.strategy.rollingUpdate",
				"Forbidden: may not be specified when strategy `type` is 'Recreate'"));
		assertFindings(new UpdateStrategyRule(), withSpec(deployment(ONE_CONTAINER), """
				strategy: {rollingUpdate: {maxUnavailable: 0%, maxSurge: 0}}
				"""), finding("spec.strategy.rollingUpdate.maxUnavailable",
				"Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: may not be 0 when `maxSurge` is 0"));
		assertFindings(new UpdateStrategyRule(), withSpec(deployment(ONE_CONTAINER), """
				strategy: {rollingUpdate: {maxUnavailable: 150%, maxSurge: -1}}
				minReadySeconds: 600
				"""),
				finding("spec.strategy.rollingUpdate.maxSurge",
						"Invalid value: -1: must be greater than or equal to 0"),
				finding("spec.strategy.rollingUpdate.maxUnavailable",
						"Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater than 100%"),
				finding("spec.progressDeadlineSeconds", "Invalid value: 600: must be greater than minReadySeconds"));
		assertFindings(new UpdateStrategyRule(), withSpec(deployment(ONE_CONTAINER), """
				strategy: {rollingUpdate: {maxSurge: half}}
				"""), finding("spec.strategy.rollingUpdate.maxSurge",
				"Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"half\"}: a valid percent string must be "
						+ "a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation "
						+ "is '[0-9]+%')"));
	}

	@Test
	void aDaemonSetSurgesOrLetsPodsGoNotBoth() {
		assertFindings(new UpdateStrategyRule(),
				daemonSet("updateStrategy: {rollingUpdate: {maxUnavailable: 0, maxSurge: 10%}}"));
		assertFindings(new UpdateStrategyRule(), daemonSet("updateStrategy: {type: OnDelete}"));
		// maxUnavailable is 1 unless set
		assertFindings(new UpdateStrategyRule(), daemonSet("updateStrategy: {rollingUpdate: {maxSurge: 1}}"),
				finding("spec.updateStrategy.rollingUpdate.maxSurge",
						"Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: "
								+ "may not be set when maxUnavailable is non-zero"));
		assertFindings(new UpdateStrategyRule(), daemonSet("updateStrategy: {rollingUpdate: {maxUnavailable: 0}}"),
				finding("spec.updateStrategy.rollingUpdate.maxUnavailable",
						"Required value: cannot be 0 when maxSurge is 0"));
	}

	@Test
	void aStatefulSetsPolicyPartitionAndOrdinals() {
		assertFindings(new UpdateStrategyRule(), statefulSet("""
				podManagementPolicy: Parallel
				updateStrategy: {rollingUpdate: {partition: 2, maxUnavailable: 50%}}
				ordinals: {start: 5}
				persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}
				"""));
		assertFindings(new UpdateStrategyRule(), statefulSet("""
				podManagementPolicy: AllAtOnce
				updateStrategy: {rollingUpdate: {partition: -1, maxUnavailable: 0}}
				ordinals: {start: -3}
				persistentVolumeClaimRetentionPolicy: {whenDeleted: Keep}
				"""),
				finding("spec.podManagementPolicy",
						"Invalid value: \"AllAtOnce\": must be 'OrderedReady' or 'Parallel'"),
				finding("spec.updateStrategy.rollingUpdate.partition",
						"Invalid value: -1: must be greater than or equal to 0"),
				finding("spec.updateStrategy.rollingUpdate.maxUnavailable",
						"Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: cannot be 0"),
				finding("spec.ordinals.start", "Invalid value: -3: must be greater than or equal to 0"),
				finding("spec.persistentVolumeClaimRetentionPolicy.whenDeleted",
						"Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\""));
	}

	@Test
	void aStatefulSetsRevisionHistoryLimitIsLeftToTheApiServerWhichTakesAnyValue() {
		assertFindings(new WorkloadCountsRule(), statefulSet("revisionHistoryLimit: -1\n"));
	}

	@Test
	void indexedJobsAndTheirLimits() {
		assertFindings(new JobModesRule(), job("""
				completionMode: Indexed
				completions: 10
				parallelism: 5
				backoffLimitPerIndex: 1
				maxFailedIndexes: 3
				podReplacementPolicy: Failed
				"""));
		assertFindings(new JobModesRule(), job("""
				completionMode: Indexed
				parallelism: 100001
				maxFailedIndexes: 3
				"""), finding("spec.backoffLimitPerIndex", "Required value: when maxFailedIndexes is specified"),
				finding("spec.completions", "Required value: when completion mode is Indexed"),
				finding("spec.parallelism",
						"Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed"));
		assertFindings(new JobModesRule(), job("""
				completionMode: Sometimes
				backoffLimitPerIndex: -1
				podReplacementPolicy: Never
				"""),
				finding("spec.completionMode",
						"Unsupported value: \"Sometimes\": supported values: \"NonIndexed\", \"Indexed\""),
				finding("spec.backoffLimitPerIndex", "Invalid value: -1: must be greater than or equal to 0"),
				finding("spec.podReplacementPolicy",
						"Unsupported value: \"Never\": supported values: \"Failed\", \"TerminatingOrFailed\""));
		assertFindings(new JobModesRule(), job("backoffLimitPerIndex: 2\nmaxFailedIndexes: 1\n"),
				finding("spec.backoffLimitPerIndex", "Invalid value: 2: requires indexed completion mode"),
				finding("spec.maxFailedIndexes", "Invalid value: 1: requires indexed completion mode"));
	}

	@Test
	void aPodFailurePolicyNeedsRestartPolicyNeverAlsoInACronJob() {
		String cronJob = cronJob("restartPolicy: OnFailure\n" + ONE_CONTAINER).replace("    spec:\n      template:",
				"    spec:\n      podFailurePolicy: {rules: []}\n      podReplacementPolicy: TerminatingOrFailed\n"
						+ "      template:");
		assertFindings(new JobModesRule(), cronJob,
				finding("spec.jobTemplate.spec.podReplacementPolicy",
						"Unsupported value: \"TerminatingOrFailed\": supported values: \"Failed\""),
				finding("spec.jobTemplate.spec.template.spec.restartPolicy",
						"Invalid value: \"OnFailure\": only \"Never\" is supported when podFailurePolicy is specified"));
	}

	@Test
	void namesInThePodSpec() {
		assertFindings(new PodSpecNamesRule(), pod("""
				hostname: web-0
				subdomain: web
				serviceAccountName: app.reader
				priorityClassName: high
				readinessGates: [{conditionType: example.com/ready}]
				schedulingGates: [{name: example.com/quota}]
				""" + ONE_CONTAINER));
		assertFindings(new PodSpecNamesRule(), pod("""
				hostname: web.0
				nodeName: Node_1
				readinessGates: [{conditionType: "bad gate"}]
				schedulingGates: [{name: example.com/quota}, {name: example.com/quota}]
				""" + ONE_CONTAINER), finding("spec.hostname", "Invalid value: \"web.0\": must not contain dots"),
				finding("spec.nodeName", "Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist of "
						+ "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
						+ "character (e.g. 'example.com', regex used for validation is "
						+ "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
				finding("spec.readinessGates[0].conditionType", "Invalid value: \"bad gate\": name part must consist "
						+ "of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
						+ "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
						+ "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
				finding("spec.schedulingGates[1]", "Duplicate value: \"example.com/quota\""));
	}

	@Test
	void aHostPortIsBoundOnceAcrossTheContainers() {
		assertFindings(new HostPortsUniqueRule(),
				pod("""
						initContainers:
						- {name: init, image: busybox, ports: [{containerPort: 80, hostPort: 8080}]}
						containers:
						- {name: a, image: nginx, ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 81, hostPort: 8080, protocol: UDP}]}
						- {name: b, image: nginx, ports: [{containerPort: 80, hostPort: 8080, hostIP: 10.0.0.1}, {containerPort: 82}]}
						"""));
		assertFindings(new HostPortsUniqueRule(), pod("""
				containers:
				- {name: a, image: nginx, ports: [{containerPort: 80, hostPort: 8080}]}
				- {name: b, image: nginx, ports: [{containerPort: 81, hostPort: 8080, protocol: TCP}]}
				"""), finding("spec.containers[1].ports[0].hostPort", "Duplicate value: \"/TCP/8080\""));
	}

	@Test
	void affinityTermsWeightsAndTopologyKeys() {
		assertFindings(new AffinityRule(), pod("""
				affinity:
				  nodeAffinity:
				    requiredDuringSchedulingIgnoredDuringExecution:
				      nodeSelectorTerms:
				      - matchExpressions:
				        - {key: kubernetes.io/arch, operator: In, values: [amd64]}
				        - {key: cores, operator: Gt, values: ["4"]}
				    preferredDuringSchedulingIgnoredDuringExecution:
				    - {weight: 100, preference: {matchExpressions: [{key: zone, operator: Exists}]}}
				  podAntiAffinity:
				    preferredDuringSchedulingIgnoredDuringExecution:
				    - weight: 1
				      podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}
				""" + ONE_CONTAINER));
		assertFindings(new AffinityRule(), pod("""
				affinity:
				  nodeAffinity:
				    requiredDuringSchedulingIgnoredDuringExecution:
				      nodeSelectorTerms:
				      - matchExpressions:
				        - {key: zone, operator: Equals, values: [a]}
				        - {key: cores, operator: Lt, values: ["1", "2"]}
				        - {key: zone, operator: Exists, values: [a]}
				    preferredDuringSchedulingIgnoredDuringExecution:
				    - {weight: 0, preference: {matchExpressions: [{key: zone, operator: In}]}}
				  podAffinity:
				    requiredDuringSchedulingIgnoredDuringExecution:
				    - {labelSelector: {matchLabels: {app: web}}, namespaces: [Prod]}
				""" + ONE_CONTAINER),
				finding("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
						+ ".matchExpressions[0].operator", "Invalid value: \"Equals\": not a valid selector operator"),
				finding("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
						+ ".matchExpressions[1].values",
						"Required value: must be specified single value when `operator` is 'Lt' or 'Gt'"),
				finding("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
						+ ".matchExpressions[2].values",
						"Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
				finding("spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight",
						"Invalid value: 0: must be in the range 1-100"),
				finding("spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
						+ ".matchExpressions[0].values",
						"Required value: must be specified when `operator` is 'In' or 'NotIn'"),
				finding("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespace",
						"Invalid value: \"Prod\": a lowercase RFC 1123 label must consist of lower case alphanumeric "
								+ "characters or '-', and must start and end with an alphanumeric character (e.g. "
								+ "'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"),
				finding("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey",
						"Required value: can not be empty"),
				finding("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey",
						"Invalid value: \"\": name part must be non-empty"),
				finding("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey",
						"Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and "
								+ "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
								+ "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"));
		assertFindings(new AffinityRule(), pod("""
				affinity:
				  nodeAffinity:
				    requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}
				""" + ONE_CONTAINER),
				finding("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms",
						"Required value: must have at least one node selector term"));
	}

	/** The manifest with these fields added to its top-level spec. */
	private static String withSpec(String manifest, String fields) {
		return manifest.replaceFirst("\nspec:\n", "\nspec:\n" + fields.indent(2).replace("$", "\\$"));
	}

	private static String daemonSet(String fields) {
		return withSpec(
				deployment(ONE_CONTAINER).replace("kind: Deployment", "kind: DaemonSet").replace("  replicas: 2\n", ""),
				fields);
	}

	private static String statefulSet(String fields) {
		return withSpec(deployment(ONE_CONTAINER).replace("kind: Deployment", "kind: StatefulSet"), fields);
	}

	private static String job(String fields) {
		return withSpec("""
				apiVersion: batch/v1
				kind: Job
				metadata:
				  name: batch
				spec:
				  template:
				    spec:
				      restartPolicy: Never
				""" + ONE_CONTAINER.indent(6), fields);
	}

}
