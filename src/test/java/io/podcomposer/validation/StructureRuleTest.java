package io.podcomposer.validation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.deployment;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StructureRuleTest {

	private final StructureRule rule = new StructureRule();

	@Test
	void acceptsWellTypedFieldsAndNulls() {
		assertFindings(this.rule, """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  labels: {app: web}
				spec:
				  hostNetwork: false
				  nodeSelector: null
				  containers:
				  - name: web
				    image: nginx:1.27
				    args: [--port, "8080"]
				    ports:
				    - containerPort: 8080
				    resources:
				      limits: {cpu: 1, memory: 0.5Gi}
				      requests: {cpu: 0.25}
				    livenessProbe:
				      httpGet: {path: /, port: http}
				      periodSeconds: 10
				    env:
				    - {name: MODE, value: "1"}
				""");
	}

	@Test
	void reportsFieldsOfTheWrongType() {
		assertFindings(this.rule, """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  labels: {version: 1.0}
				spec:
				  hostNetwork: "true"
				  containers:
				  - name: web
				    image: nginx:1.27
				    args: --port=8080
				    ports:
				    - containerPort: "8080"
				    - containerPort: 8080.5
				    resources:
				      limits: {cpu: [1]}
				    livenessProbe:
				      tcpSocket: {port: 80.0}
				  - nginx
				""", finding("metadata.labels[version]", "Invalid value: \"number\": must be a string"),
				finding("spec.hostNetwork", "Invalid value: \"string\": must be a boolean"),
				finding("spec.containers[0].args", "Invalid value: \"string\": must be a list"),
				finding("spec.containers[0].ports[0].containerPort", "Invalid value: \"string\": must be an integer"),
				finding("spec.containers[0].ports[1].containerPort", "Invalid value: \"number\": must be an integer"),
				finding("spec.containers[0].resources.limits[cpu]",
						"Invalid value: \"list\": must be a string or a number"),
				finding("spec.containers[0].livenessProbe.tcpSocket.port",
						"Invalid value: \"number\": must be an integer or a string"),
				finding("spec.containers[1]", "Invalid value: \"string\": must be an object"));
	}

	@Test
	void noOtherRuleIsFooledByAWrongType() {
		assertThat(RuleTesting.errors(pod("containers: nginx\n"))).extracting(Finding::rule, Finding::path,
				Finding::message)
			.containsExactly(tuple("structure", "spec.containers",
					"Invalid value: \"string\": must be a list"));
		assertThat(RuleTesting.errors(pod("""
				containers:
				- name: 7
				  image: [nginx]
				  ports:
				  - {containerPort: "80", name: {}, protocol: 6}
				  volumeMounts: {data: /data}
				  env: [{name: A, value: 1, valueFrom: x}]
				  livenessProbe: {httpGet: {port: "http"}, periodSeconds: "10"}
				  resources: {limits: "1"}
				- nginx
				volumes: {data: {}}
				tolerations: [{key: 1, operator: Exists}, NoSchedule]
				restartPolicy: [Never]
				"""))).extracting(Finding::rule).containsOnly("structure");
		for (String yaml : List.of("apiVersion: v1\nkind: Pod\nmetadata: web\nspec: nginx\n",
				"apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
						+ "spec: {selector: {matchLabels: {a: b}}, template: x}\n",
				"apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: web}\nspec: [nginx]\n",
				deployment(RuleTesting.ONE_CONTAINER).replace("      labels:\n        app: web", "      labels: [web]"),
				deployment(RuleTesting.ONE_CONTAINER).replace("    matchLabels:\n      app: web", "    matchLabels: app"))) {
			assertThat(RuleTesting.errors(yaml)).as(yaml).extracting(Finding::rule).containsOnly("structure");
		}
	}

}
