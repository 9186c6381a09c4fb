package io.podcomposer.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kubernetes.client.openapi.models.V1Pod;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field path the official models give a Pod-bearing kind, to a bounded depth,
 * filled with a value of its type, is accepted; each field name with its last letter
 * doubled is refused at its path with a "did you mean" naming the field.
 */
class SchemaPropertyTest {

	private static final int MAX_DEPTH = 24;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final StructureRule rule = new StructureRule();

	/**
	 * A place in the sample document: the object holding a field, the field, and its
	 * path.
	 */
	private record Place(ObjectNode holder, String field, String path, SchemaType type) {
	}

	@ParameterizedTest
	@EnumSource(WorkloadKind.class)
	void everyFieldOfTheModelsIsAcceptedAndEachOneLetterTypoRefused(WorkloadKind kind) {
		SchemaType root = SchemaType.of(BuiltInKinds.modelClass(kind.apiVersion(), kind.kindName()));
		List<Place> places = new ArrayList<>();
		ObjectNode document = (ObjectNode) sample(root, "", 0, new HashSet<>(), places);
		document.put("apiVersion", kind.apiVersion()).put("kind", kind.kindName());

		assertThat(check(document, root)).as("findings on every field of %s", kind).isEmpty();
		assertThat(places).as("fields reached in %s", kind).hasSizeGreaterThan(300);

		Set<String> tried = new HashSet<>();
		for (Place place : places) {
			String typo = place.field() + place.field().charAt(place.field().length() - 1);
			// one try per field of each model; a typo that is another field's name is no
			// typo
			if (!tried.add(place.type().goName() + "." + place.field()) || place.type().field(typo) != null) {
				continue;
			}
			JsonNode value = place.holder().remove(place.field());
			place.holder().set(typo, value);
			String path = place.path() + typo;
			assertThat(check(document, root)).as(path)
				.extracting(Finding::path, Finding::message)
				.containsExactly(RuleTesting.finding(path, StructureRule.UNKNOWN_FIELD + Messages.quote(path)
						+ "; did you mean " + Messages.quote(place.field()) + "?"));
			place.holder().remove(typo);
			place.holder().set(place.field(), value);
		}
	}

	@Test
	void theBuiltInKindsAreEveryGroupsAndTellACustomResourceApart() {
		assertThat(BuiltInKinds.modelClass("v1", "Pod")).isEqualTo(V1Pod.class);
		for (String kind : List.of("v1 Service", "v1 ConfigMap", "v1 Secret", "v1 Namespace",
				"v1 PersistentVolumeClaim", "apps/v1 Deployment", "batch/v1 CronJob", "networking.k8s.io/v1 Ingress",
				"networking.k8s.io/v1 NetworkPolicy", "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
				"policy/v1 PodDisruptionBudget", "autoscaling/v2 HorizontalPodAutoscaler",
				"autoscaling/v1 HorizontalPodAutoscaler", "storage.k8s.io/v1 StorageClass",
				"scheduling.k8s.io/v1 PriorityClass", "events.k8s.io/v1 Event", "v1 Event",
				"apiextensions.k8s.io/v1 CustomResourceDefinition", "coordination.k8s.io/v1 Lease",
				"admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration", "node.k8s.io/v1 RuntimeClass",
				"discovery.k8s.io/v1 EndpointSlice", "certificates.k8s.io/v1 CertificateSigningRequest")) {
			String[] apiVersionAndKind = kind.split(" ");
			assertThat(BuiltInKinds.modelClass(apiVersionAndKind[0], apiVersionAndKind[1])).as(kind).isNotNull();
		}
		assertThat(BuiltInKinds.modelClass("example.com/v1", "Deployment")).isNull();
		assertThat(BuiltInKinds.modelClass("v1", "Deployment")).isNull();
		assertThat(BuiltInKinds.modelClass("apps/v1", "Pod")).isNull();
		assertThat(BuiltInKinds.modelClass("v1", "PodBinding")).isNull();
		assertThat(BuiltInKinds.modelClass("v1", "List")).isNull();
		assertThat(BuiltInKinds.all()).hasSizeGreaterThan(80);
	}

	@Test
	void theModelsAreOfTheKubernetesReleaseTheAnswersName() {
		// scheduling.k8s.io/v1alpha2 and the pod spec's schedulingGroup came with 1.36: a
		// client of
		// another release fails here, a reminder to change KUBERNETES_VERSION and
		// docs/VALIDATION.md
		assertThat(BuiltInKinds.KUBERNETES_VERSION).isEqualTo("1.36");
		assertThat(BuiltInKinds.modelClass("scheduling.k8s.io/v1alpha2", "PodGroup")).isNotNull();
		assertThat(SchemaType.of(BuiltInKinds.modelClass("v1", "Pod")).field("spec").field("schedulingGroup"))
			.isNotNull();
	}

	private List<Finding> check(JsonNode document, SchemaType kind) {
		Findings findings = new Findings();
		findings.runAs(this.rule);
		StructureRule.check(document, kind, findings);
		return findings.errors();
	}

	/**
	 * A value of the type; objects get every field, unless the model is already open
	 * above them.
	 */
	private static JsonNode sample(SchemaType type, String path, int depth, Set<SchemaType> open, List<Place> places) {
		switch (type.kind()) {
			case STRING:
				return NODES.stringNode("x");
			case INT32:
			case INT64:
			case INT_OR_STRING:
				return NODES.numberNode(1);
			case FLOAT:
				return NODES.numberNode(1.5);
			case BOOLEAN:
				return NODES.booleanNode(true);
			case QUANTITY:
				return NODES.stringNode("1Gi");
			case TIME:
				return NODES.stringNode("2024-05-01T10:00:00Z");
			case BYTES:
				return NODES.stringNode("eA==");
			case ANY:
				return NODES.objectNode().put("anything", 1);
			case LIST: {
				ArrayNode list = NODES.arrayNode();
				list.add(sample(type.element(), path + "[0]", depth + 1, open, places));
				return list;
			}
			case MAP: {
				ObjectNode map = NODES.objectNode();
				map.set("key", sample(type.element(), path + "[key]", depth + 1, open, places));
				return map;
			}
			default: {
				ObjectNode object = NODES.objectNode();
				if (depth >= MAX_DEPTH || !open.add(type)) {
					return object;
				}
				String prefix = path.isEmpty() ? "" : path + ".";
				for (String field : type.fieldNames()) {
					if (depth == 0 && field.equals("status")) {
						continue;
					}
					object.set(field, sample(type.field(field), prefix + field, depth + 1, open, places));
					places.add(new Place(object, field, prefix, type));
				}
				open.remove(type);
				return object;
			}
		}
	}

}
