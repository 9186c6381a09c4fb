package io.podcomposer.validation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.deployment;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static io.podcomposer.validation.RuleTesting.web;
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
				  creationTimestamp: null
				  managedFields:
				  - {manager: kubectl, operation: Update, fieldsType: FieldsV1, fieldsV1: {f:metadata: {}},
				     time: "2024-05-01T10:00:00Z"}
				spec:
				  hostNetwork: false
				  nodeSelector: null
				  activeDeadlineSeconds: 9000000000
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
				    readinessProbe:
				      tcpSocket: {port: 8080}
				    env:
				    - {name: MODE, value: "1"}
				status:
				  phase: Running
				  someFieldOfALaterRelease: [1]
				""");
	}

	@Test
	void reportsAnUnknownFieldInTheApiServersWordsWithTheFieldItMostLikelyMeant() {
		assertFindings(this.rule, pod(web("imagePullPolicyy: Always\nSecurityContext: {}\nflavour: vanilla")),
				finding("spec.containers[0].imagePullPolicyy",
						"strict decoding error: unknown field \"spec.containers[0].imagePullPolicyy\"; "
								+ "did you mean \"imagePullPolicy\"?"),
				finding("spec.containers[0].SecurityContext",
						"strict decoding error: unknown field \"spec.containers[0].SecurityContext\"; "
								+ "did you mean \"securityContext\"?"),
				finding("spec.containers[0].flavour",
						"strict decoding error: unknown field \"spec.containers[0].flavour\""));
		assertFindings(this.rule, deployment(RuleTesting.ONE_CONTAINER).replace("replicas: 2", "replica: 2"), finding(
				"spec.replica", "strict decoding error: unknown field \"spec.replica\"; did you mean \"replicas\"?"));
		assertFindings(this.rule, "apiVersion: v1\nkind: Pod\nmetadata: {name: web, lables: {a: b}}\nspec: {}\n",
				finding("metadata.lables",
						"strict decoding error: unknown field \"metadata.lables\"; did you mean \"labels\"?"));
	}

	@Test
	void aListWhereTheSchemaHasAnObjectIsTheDecodersError() {
		assertFindings(this.rule, pod(RuleTesting.ONE_CONTAINER + """
				affinity:
				  nodeAffinity:
				    requiredDuringSchedulingIgnoredDuringExecution:
				    - nodeSelectorTerms:
				      - matchExpressions: [{key: zone, operator: In, values: [a]}]
				"""),
				finding("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution",
						"json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity."
								+ "requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector"));
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
				    - containerPort: 3000000000
				    resources:
				      limits: {cpu: [1]}
				    livenessProbe:
				      tcpSocket: {port: 80.5}
				  - nginx
				  volumes: {data: {}}
				""",
				finding("metadata.labels[version]",
						"json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"),
				finding("spec.hostNetwork",
						"json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool"),
				finding("spec.containers[0].args",
						"json: cannot unmarshal string into Go struct field Container.spec.containers.args of type []string"),
				finding("spec.containers[0].ports[0].containerPort",
						"json: cannot unmarshal string into Go struct "
								+ "field ContainerPort.spec.containers.ports.containerPort of type int32"),
				finding("spec.containers[0].ports[1].containerPort",
						"json: cannot unmarshal number 8080.5 into Go "
								+ "struct field ContainerPort.spec.containers.ports.containerPort of type int32"),
				finding("spec.containers[0].ports[2].containerPort",
						"json: cannot unmarshal number 3000000000 into Go "
								+ "struct field ContainerPort.spec.containers.ports.containerPort of type int32"),
				finding("spec.containers[0].resources.limits[cpu]", Quantity.FORMAT_ERROR),
				finding("spec.containers[0].livenessProbe.tcpSocket.port",
						"json: cannot unmarshal number 80.5 into Go value of type int32"),
				finding("spec.containers[1]",
						"json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container"),
				finding("spec.volumes",
						"json: cannot unmarshal object into Go struct field PodSpec.spec.volumes of type []v1.Volume"));
	}

	@Test
	void int64FieldsTakeWhatInt32OnesCannot() {
		assertFindings(this.rule,
				pod(web("securityContext: {runAsUser: 4294967296}")
						+ "terminationGracePeriodSeconds: 99999999999999999999\n"),
				finding("spec.terminationGracePeriodSeconds", "json: cannot unmarshal number 99999999999999999999 into "
						+ "Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64"));
	}

	@Test
	void freeFormFieldsTakeAnythingAndBytesAreBase64() {
		// a StatefulSet's claim templates hold a status the API server ignores, and
		// managedFields a free fieldsV1
		assertFindings(this.rule, """
				apiVersion: apps/v1
				kind: StatefulSet
				metadata:
				  name: db
				  managedFields: [{fieldsV1: {"f:spec": {"f:replicas": {}}, any: [1, true]}}]
				spec:
				  selector: {matchLabels: {app: db}}
				  serviceName: db
				  template:
				    metadata: {labels: {app: db}}
				    spec:
				      containers: [{name: db, image: "postgres:${PG_VERSION}"}]
				  volumeClaimTemplates:
				  - metadata: {name: data}
				    spec:
				      accessModes: [ReadWriteOnce]
				      resources: {requests: {storage: 1Gi}}
				    status: {phase: Pending}
				""");
		assertThat(Base64Text.firstBadByte("aGVsbG8=")).isEqualTo(-1);
		assertThat(Base64Text.firstBadByte("aGVs\nbG8=")).isEqualTo(-1);
		assertThat(Base64Text.firstBadByte("${PASSWORD}")).isEqualTo(-1);
		assertThat(Base64Text.firstBadByte("hello!")).isEqualTo(5);
		assertThat(Base64Text.firstBadByte("aGVsbG8")).isEqualTo(4);
		assertThat(Base64Text.firstBadByte("aG=sbG8=")).isEqualTo(3);
	}

	@Test
	void aPlaceholderIsAStringWhereverItStands() {
		// fine in a string; in an integer the filled-in value is a string too, which the
		// API server refuses
		assertFindings(this.rule,
				deployment("containers:\n- name: web\n  image: nginx:${IMAGE_TAG}\n").replace("replicas: 2",
						"replicas: ${REPLICAS}"),
				finding("spec.replicas",
						"json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"));
	}

	@Test
	void noOtherRuleIsFooledByAWrongType() {
		assertThat(RuleTesting.errors(pod("containers: nginx\n")))
			.extracting(Finding::rule, Finding::path, Finding::message)
			.containsExactly(tuple("structure", "spec.containers",
					"json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container"));
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
				deployment(RuleTesting.ONE_CONTAINER).replace("    matchLabels:\n      app: web",
						"    matchLabels: app"))) {
			assertThat(RuleTesting.errors(yaml)).as(yaml).extracting(Finding::rule).containsOnly("structure");
		}
	}

}
