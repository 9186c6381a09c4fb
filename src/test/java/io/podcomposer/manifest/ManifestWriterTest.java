package io.podcomposer.manifest;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestWriterTest {

	@Test
	void putsTheUsualKeysFirstWhateverTheInputOrder() {
		JsonNode pod = ManifestReader.readYaml("""
				spec:
				  volumes:
				  - name: cache
				    emptyDir: {}
				  containers:
				  - ports:
				    - containerPort: 80
				    image: nginx
				    name: web
				status:
				  phase: Running
				metadata:
				  labels:
				    app: web
				  name: web
				kind: Pod
				apiVersion: v1
				""");

		assertThat(ManifestWriter.toYaml(pod)).isEqualTo("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  labels:
				    app: web
				spec:
				  containers:
				  - name: web
				    image: nginx
				    ports:
				    - containerPort: 80
				  volumes:
				  - name: cache
				    emptyDir: {}
				status:
				  phase: Running
				""");
	}

	@Test
	void ordersContainersInsideWorkloadTemplates() {
		JsonNode cronJob = ManifestReader.readYaml("""
				kind: CronJob
				spec:
				  jobTemplate:
				    spec:
				      template:
				        spec:
				          containers:
				          - image: busybox
				            name: tick
				          restartPolicy: Never
				  schedule: "* * * * *"
				apiVersion: batch/v1
				""");

		assertThat(ManifestWriter.toYaml(cronJob)).isEqualTo("""
				apiVersion: batch/v1
				kind: CronJob
				spec:
				  schedule: '* * * * *'
				  jobTemplate:
				    spec:
				      template:
				        spec:
				          containers:
				          - name: tick
				            image: busybox
				          restartPolicy: Never
				""");
	}

	@Test
	void dropsNullsButKeepsEmptyMapsTheUserSet() {
		JsonNode pod = ManifestReader.readYaml("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  namespace: null
				  annotations: ~
				spec:
				  nodeSelector: {}
				  containers:
				  - name: web
				    image: nginx
				    command: null
				  volumes:
				  - name: cache
				    emptyDir: {}
				""");

		String yaml = ManifestWriter.toYaml(pod);

		assertThat(yaml).doesNotContain("null", "namespace", "annotations", "command", "~");
		assertThat(yaml).contains("  nodeSelector: {}\n", "    emptyDir: {}\n");
		assertThat(ManifestWriter.toJson(pod)).doesNotContain("null").contains("\"emptyDir\" : { }");
	}

	@Test
	void quotesStringsThatWouldReadBackAsSomethingElse() {
		List<String> tricky = List.of("8080", "true", "yes", "no", "on", "y", "N", "null", "~", "*", "", "1.5", "0x1F",
				"0o17", "2024-01-01", "- x", "a: b", "#x");
		ObjectNode env = JsonNodeFactory.instance.objectNode();
		tricky.forEach((value) -> env.put("v" + env.size(), value));

		String yaml = ManifestWriter.toYaml(env);
		JsonNode back = ManifestReader.readYaml(yaml);

		for (int i = 0; i < tricky.size(); i++) {
			assertThat(yaml).contains("v" + i + ": '");
			assertThat(back.get("v" + i).isString()).as(tricky.get(i)).isTrue();
			assertThat(back.get("v" + i).asString()).isEqualTo(tricky.get(i));
		}
	}

	@Test
	void writesOrdinaryStringsPlain() {
		ObjectNode container = JsonNodeFactory.instance.objectNode()
			.put("name", "web")
			.put("image", "registry.example.com/team/nginx:1.27")
			.put("workingDir", "/srv/app")
			.put("stdin", true)
			.put("terminationMessagePath", "/dev/termination-log");

		assertThat(ManifestWriter.toYaml(container)).isEqualTo("""
				name: web
				image: registry.example.com/team/nginx:1.27
				workingDir: /srv/app
				stdin: true
				terminationMessagePath: /dev/termination-log
				""");
	}

	@Test
	void writesMultiLineStringsAsLiteralBlocks() {
		ObjectNode data = JsonNodeFactory.instance.objectNode().put("nginx.conf", "server {\n  listen 80;\n}\n");

		String yaml = ManifestWriter.toYaml(data);

		assertThat(yaml).isEqualTo("""
				nginx.conf: |
				  server {
				    listen 80;
				  }
				""");
		assertThat(ManifestReader.readYaml(yaml)).isEqualTo(data);
	}

	@Test
	void readWriteReadGivesTheSameTree() {
		JsonNode deployment = ManifestReader.readYaml("""
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: web
				  labels: {app: web, tier: "1"}
				  annotations:
				    note: |
				      two
				      lines
				spec:
				  replicas: 3
				  selector:
				    matchLabels: {app: web, tier: "1"}
				  template:
				    metadata:
				      labels: {app: web, tier: "1"}
				    spec:
				      containers:
				      - name: web
				        image: nginx:1.27
				        args: ["--port", "8080", "--debug=true", ""]
				        env:
				        - {name: ENABLED, value: "yes"}
				        - {name: RATIO, value: "0.5"}
				        resources:
				          limits: {cpu: 500m, memory: 128Mi}
				        ports: [{containerPort: 8080}]
				      terminationGracePeriodSeconds: 30
				      fooBar: {future: [1, 2.5, false]}
				""");

		String yaml = ManifestWriter.toYaml(deployment);

		assertThat(ManifestReader.readYaml(yaml)).isEqualTo(deployment);
		assertThat(ManifestWriter.toYaml(ManifestReader.readYaml(yaml))).isEqualTo(yaml);
	}

	@Test
	void jsonOutputIsTheSameObjectAsYamlOutput() {
		JsonNode pod = ManifestReader.readYaml("""
				spec:
				  containers:
				  - image: nginx
				    name: web
				    env: [{name: PORT, value: "8080"}]
				    tty: true
				kind: Pod
				metadata: {name: web, namespace: null}
				apiVersion: v1
				""");

		String json = ManifestWriter.toJson(pod);
		JsonNode fromJson = ManifestReader.readJson(json);

		assertThat(fromJson).isEqualTo(ManifestReader.readYaml(ManifestWriter.toYaml(pod)));
		assertThat(List.copyOf(fromJson.propertyNames())).containsExactly("apiVersion", "kind", "metadata", "spec");
		assertThat(fromJson.path("metadata").has("namespace")).isFalse();
		assertThat(fromJson.path("spec").path("containers").get(0).path("env").get(0).path("value").isString())
			.isTrue();
	}

	@Test
	void writesATreeAsGivenWithItsKeyOrderAndNulls() {
		JsonNode pod = ManifestReader.readYaml("""
				spec: {containers: [{name: web, image: nginx, zz: null}]}
				kind: Pod
				metadata: {name: web, namespace: null, labels: {tier: "1", b: "yes"}}
				apiVersion: v1
				""");

		String yaml = ManifestWriter.toYamlAsGiven(pod);

		assertThat(yaml).startsWith("spec:\n").contains("namespace: null\n", "zz: null\n", "tier: '1'\n", "b: 'yes'\n");
		JsonNode read = ManifestReader.readYaml(yaml);
		assertThat(read).isEqualTo(pod);
		assertThat(List.copyOf(read.propertyNames())).containsExactly("spec", "kind", "metadata", "apiVersion");
	}

	@Test
	void listsWrittenAsGivenOneAfterAnotherReadAsOneList() {
		ObjectNode first = JsonNodeFactory.instance.objectNode().put("name", "a");
		ObjectNode second = JsonNodeFactory.instance.objectNode().put("name", "b");

		String yaml = "items:\n" + ManifestWriter.toYamlAsGiven(JsonNodeFactory.instance.arrayNode().add(first))
				+ ManifestWriter.toYamlAsGiven(JsonNodeFactory.instance.arrayNode().add(second));

		assertThat(ManifestReader.readYaml(yaml).path("items")).containsExactly(first, second);
	}

}
