package io.podcomposer.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every rule over garbage: a rich manifest of each kind with each of its values, one at a
 * time, replaced by a value of every other type. No rule may throw.
 */
class RobustnessTest {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Touches every field any rule reads, in every kind's shape. */
	private static final String RICH_POD = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: web
			  namespace: shop
			  generateName: web-
			  labels: {app: web}
			  annotations: {note: hello}
			spec:
			  restartPolicy: Always
			  dnsPolicy: ClusterFirst
			  hostNetwork: true
			  hostPID: true
			  shareProcessNamespace: true
			  activeDeadlineSeconds: 60
			  nodeSelector: {disk: ssd}
			  tolerations:
			  - {key: dedicated, operator: Equal, value: web, effect: NoExecute, tolerationSeconds: 5}
			  initContainers:
			  - name: sidecar
			    image: envoy:1.30
			    restartPolicy: Always
			    livenessProbe: {grpc: {port: 9901}}
			  containers:
			  - name: web
			    image: nginx:1.27
			    imagePullPolicy: Always
			    restartPolicy: Always
			    ports:
			    - {name: http, containerPort: 80, hostPort: 80, protocol: TCP}
			    env:
			    - {name: A, value: b, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
			    resources:
			      limits: {cpu: 1, memory: 1Gi}
			      requests: {cpu: 500m, memory: 2Gi}
			    volumeMounts:
			    - {name: data, mountPath: /data, subPath: a/b, subPathExpr: c}
			    livenessProbe:
			      httpGet: {path: /, port: http}
			      tcpSocket: {port: 80}
			      initialDelaySeconds: 1
			      successThreshold: 1
			      terminationGracePeriodSeconds: 5
			    readinessProbe: {exec: {command: [true]}}
			    lifecycle: {preStop: {sleep: {seconds: 1}}}
			  ephemeralContainers:
			  - {name: debug, image: busybox:1.36}
			  volumes:
			  - name: data
			    emptyDir: {}
			    configMap: {name: settings}
			    secret: {secretName: s}
			    persistentVolumeClaim: {claimName: c}
			    hostPath: {path: /x}
			""";

	private static final List<JsonNode> GARBAGE = List.of(NODES.stringNode("garbage"), NODES.stringNode(""),
			NODES.numberNode(-1), NODES.numberNode(1.5), NODES.numberNode(new BigInteger("99999999999999999999")),
			NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(),
			NODES.arrayNode().add("x").add(7),
			NODES.objectNode().put("", 1).set("x", NODES.arrayNode().add(NODES.nullNode())));

	/**
	 * Where a value sits: the JSON pointer of its parent, and its field or index there.
	 */
	private record Location(String parent, String field, int index) {

		void put(ObjectNode root, JsonNode value) {
			JsonNode parent = root.at(this.parent);
			if (parent instanceof ObjectNode object) {
				object.set(this.field, value);
			}
			else {
				((ArrayNode) parent).set(this.index, value);
			}
		}

	}

	@Test
	void noRuleThrowsOnAnyTree() {
		int trees = 0;
		for (WorkloadKind kind : WorkloadKind.values()) {
			ObjectNode rich = Manifest.of(ManifestReader.readYaml(RICH_POD)).convertTo(kind).manifest().root();
			addWorkloadFields(rich, kind);
			List<Location> locations = new ArrayList<>();
			collect(rich, "", locations);
			for (Location location : locations) {
				for (JsonNode garbage : GARBAGE) {
					ObjectNode tree = rich.deepCopy();
					location.put(tree, garbage.deepCopy());
					assertThatCode(() -> runEveryRule(tree)).as(tree::toString).doesNotThrowAnyException();
					trees++;
				}
			}
		}
		assertThat(trees).isGreaterThan(5_000);
	}

	private static void runEveryRule(ObjectNode tree) {
		PodView pod = new PodView(Manifest.of(tree));
		Findings findings = new Findings();
		for (ValidationRule rule : ValidationRules.ALL) {
			findings.runAs(rule);
			rule.check(pod, findings);
		}
	}

	private static void addWorkloadFields(ObjectNode root, WorkloadKind kind) {
		ObjectNode spec = (ObjectNode) root.get("spec");
		switch (kind) {
			case STATEFUL_SET -> spec.set("volumeClaimTemplates",
					NODES.arrayNode().add(NODES.objectNode().set("metadata", NODES.objectNode().put("name", "pg"))));
			case JOB -> spec.put("manualSelector", true)
				.put("backoffLimit", 1)
				.set("selector",
						NODES.objectNode()
							.set("matchExpressions",
									NODES.arrayNode()
										.add(NODES.objectNode()
											.put("key", "app")
											.put("operator", "In")
											.set("values", NODES.arrayNode().add("web")))));
			case CRON_JOB -> spec.put("timeZone", "Europe/Paris").put("concurrencyPolicy", "Forbid");
			default -> {
			}
		}
	}

	/**
	 * Every value under node except apiVersion and kind, which make the manifest what it
	 * is.
	 */
	private static void collect(JsonNode node, String pointer, List<Location> locations) {
		if (node instanceof ObjectNode object) {
			object.properties().forEach((field) -> {
				if (!pointer.isEmpty() || !List.of("apiVersion", "kind").contains(field.getKey())) {
					locations.add(new Location(pointer, field.getKey(), -1));
					collect(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"),
							locations);
				}
			});
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				locations.add(new Location(pointer, null, i));
				collect(array.get(i), pointer + "/" + i, locations);
			}
		}
	}

}
