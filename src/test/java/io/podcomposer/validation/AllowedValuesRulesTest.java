package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static io.podcomposer.validation.RuleTesting.web;

class AllowedValuesRulesTest {

	@Test
	void podRestartPolicy() {
		assertFindings(new RestartPolicyRule(), pod("restartPolicy: OnFailure\n" + RuleTesting.ONE_CONTAINER));
		assertFindings(new RestartPolicyRule(), pod("restartPolicy: Sometimes\n" + RuleTesting.ONE_CONTAINER),
				finding("spec.restartPolicy",
						"Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""));
	}

	@Test
	void dnsPolicy() {
		assertFindings(new DnsPolicyRule(), pod("dnsPolicy: ClusterFirstWithHostNet\n" + RuleTesting.ONE_CONTAINER));
		assertFindings(new DnsPolicyRule(), pod("dnsPolicy: clusterfirst\n" + RuleTesting.ONE_CONTAINER),
				finding("spec.dnsPolicy", "Unsupported value: \"clusterfirst\": supported values: "
						+ "\"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""));
	}

	@Test
	void imagePullPolicy() {
		String yaml = pod(web("""
				imagePullPolicy: %s
				"""));
		assertFindings(new ImagePullPolicyRule(), yaml.formatted("IfNotPresent"));
		assertFindings(new ImagePullPolicyRule(), yaml.formatted("Sometimes"),
				finding("spec.containers[0].imagePullPolicy",
						"Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\""));
	}

	@Test
	void terminationMessagePolicy() {
		String yaml = pod(web("""
				terminationMessagePolicy: %s
				"""));
		assertFindings(new TerminationMessagePolicyRule(), yaml.formatted("FallbackToLogsOnError"));
		assertFindings(new TerminationMessagePolicyRule(), yaml.formatted("Logs"),
				finding("spec.containers[0].terminationMessagePolicy",
						"Unsupported value: \"Logs\": supported values: \"File\", \"FallbackToLogsOnError\""));
	}

	@Test
	void portProtocol() {
		String yaml = pod("""
				containers:
				- name: dns
				  image: coredns:1.11
				  ports:
				  - containerPort: 53
				    protocol: %s
				""");
		assertFindings(new ProtocolRule(), yaml.formatted("UDP"));
		assertFindings(new ProtocolRule(), yaml.formatted("udp"), finding("spec.containers[0].ports[0].protocol",
				"Unsupported value: \"udp\": supported values: \"SCTP\", \"TCP\", \"UDP\""));
	}

	@Test
	void tolerations() {
		assertFindings(new TolerationsRule(), pod(RuleTesting.ONE_CONTAINER + """
				tolerations:
				- {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
				- {key: example.com/gpu, operator: Exists}
				- {operator: Exists}
				- {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 60}
				"""));
		assertFindings(new TolerationsRule(), pod(RuleTesting.ONE_CONTAINER + """
				tolerations:
				- {key: dedicated, operator: Exists, value: web}
				- {key: dedicated, operator: Matches, value: web}
				- {key: dedicated, value: web, effect: NoRun}
				- {value: web}
				- {key: dedicated, effect: NoSchedule, tolerationSeconds: 60}
				"""),
				finding("spec.tolerations[0].operator",
						"Invalid value: \"web\": value must be empty when `operator` is 'Exists'"),
				finding("spec.tolerations[1].operator",
						"Unsupported value: \"Matches\": supported values: \"Equal\", \"Exists\""),
				finding("spec.tolerations[2].effect",
						"Unsupported value: \"NoRun\": supported values: "
								+ "\"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""),
				finding("spec.tolerations[3].operator",
						"Invalid value: \"\": operator must be Exists when `key` is "
								+ "empty, which means \"match all values and all keys\""),
				finding("spec.tolerations[4].effect",
						"Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"));
	}

	@Test
	void aSidecarIsAnInitContainerThatRestartsAlways() {
		assertFindings(new ContainerRestartPolicyRule(), pod("""
				initContainers:
				- name: log-shipper
				  image: fluent-bit:3.1
				  restartPolicy: Always
				  readinessProbe:
				    exec:
				      command: [true]
				- name: migrate
				  image: busybox:1.36
				containers:
				- name: web
				  image: nginx:1.27
				"""));
		assertFindings(new ContainerRestartPolicyRule(), pod("""
				initContainers:
				- name: migrate
				  image: busybox:1.36
				  restartPolicy: Sometimes
				  livenessProbe:
				    exec:
				      command: [true]
				containers:
				- name: web
				  image: nginx:1.27
				  restartPolicy: always
				"""),
				finding("spec.initContainers[0].restartPolicy",
						"Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\""),
				finding("spec.initContainers[0].livenessProbe",
						"Forbidden: may not be set for init containers without restartPolicy=Always"),
				finding("spec.containers[0].restartPolicy",
						"Unsupported value: \"always\": supported values: \"Always\", \"Never\", \"OnFailure\""));
	}

	@Test
	void anyContainerMayRestartOnItsOwnPolicySince134() {
		// ContainerRestartRules (KEP-5307): an API server with the feature on takes the
		// three
		// values on init and regular containers; one with it off drops them before
		// validating
		assertFindings(new ContainerRestartPolicyRule(), pod("""
				restartPolicy: Never
				initContainers:
				- name: fetch
				  image: busybox:1.36
				  restartPolicy: OnFailure
				- name: try-once
				  image: busybox:1.36
				  restartPolicy: Never
				containers:
				- name: trainer
				  image: trainer:0.9
				  restartPolicy: Never
				  restartPolicyRules:
				  - action: Restart
				    exitCodes:
				      operator: In
				      values: [42]
				- name: web
				  image: nginx:1.27
				  restartPolicy: Always
				"""));
	}

}
