package io.podcomposer.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.WorkloadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "0 false errors" guard: a hand-written corpus of manifests the Kubernetes 1.36 API
 * server accepts on create ({@code src/test/resources/validation/valid-corpus}), each
 * file validated as {@code POST /api/v1/validate} validates it, must give no error on any
 * object. Together the pod specs of the corpus set every field of the official client's
 * pod spec models, and its workloads every field of each workload spec, so a field a new
 * Kubernetes release adds fails here, naming it, until the corpus uses it (or the
 * exclusions below say why it cannot be set on create).
 */
class ValidCorpusTest {

	static final String CORPUS = "/validation/valid-corpus";

	/**
	 * Model fields no manifest can set on create, as {@code Model.field}, each with the
	 * reason. A field listed here is not looked for in the corpus.
	 */
	private static final Map<String, String> NOT_SETTABLE_ON_CREATE = Map.ofEntries(
			// the API server refuses ephemeral containers in a created pod and in every
			// pod
			// template: they are added later, through the pods/ephemeralcontainers
			// subresource
			Map.entry("V1PodSpec.ephemeralContainers", "only through the pods/ephemeralcontainers subresource"),
			// an ephemeral volume's claim template takes labels and annotations only; the
			// API server
			// answers "cannot be set" for every other metadata field
			Map.entry("V1ObjectMeta.creationTimestamp", "set by the API server; not allowed in a claim template"),
			Map.entry("V1ObjectMeta.deletionGracePeriodSeconds", "set by the API server on delete"),
			Map.entry("V1ObjectMeta.deletionTimestamp", "set by the API server on delete"),
			Map.entry("V1ObjectMeta.finalizers", "not allowed in a claim template"),
			Map.entry("V1ObjectMeta.generateName",
					"not allowed in a claim template (the claim is named after the pod)"),
			Map.entry("V1ObjectMeta.generation", "set by the API server"),
			Map.entry("V1ObjectMeta.managedFields", "written by the API server for server-side apply"),
			Map.entry("V1ObjectMeta.name", "not allowed in a claim template (the claim is named after the pod)"),
			Map.entry("V1ObjectMeta.namespace", "not allowed in a claim template (the pod's namespace is used)"),
			Map.entry("V1ObjectMeta.ownerReferences", "not allowed in a claim template (the pod owns the claim)"),
			Map.entry("V1ObjectMeta.resourceVersion", "set by the API server"),
			Map.entry("V1ObjectMeta.selfLink", "no longer set by the API server"),
			Map.entry("V1ObjectMeta.uid", "set by the API server"),
			// a StatefulSet's claim templates are objects of their own, and the API
			// server ignores a status
			Map.entry("V1PersistentVolumeClaim.status", "written by the persistent volume controller"));

	static Stream<String> files() {
		try (Stream<Path> paths = Files.list(corpusDirectory())) {
			return paths.map((path) -> path.getFileName().toString())
				.filter((name) -> name.endsWith(".yaml"))
				.sorted()
				.toList()
				.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ParameterizedTest
	@MethodSource("files")
	void everyObjectOfTheFileIsValid(String file) {
		FileReport report = FileValidator.validateAll(ManifestReader.readYamlDocuments(read(file)));

		assertThat(report.documents()).as(file).isNotEmpty();
		for (DocumentReport document : report.documents()) {
			assertThat(document.errors()).as("%s %s %s %s", file, document.path(), document.kind(), document.name())
				.isEmpty();
			assertThat(document.checked()).as("%s %s is a built-in kind", file, document.kind()).isTrue();
			assertThat(document.valid()).isTrue();
		}
	}

	@Test
	void theCorpusHasEveryWorkloadKind() {
		Set<String> kinds = new HashSet<>();
		for (JsonNode object : allObjects()) {
			kinds.add(Nodes.text(object.get("kind")));
		}
		for (WorkloadKind kind : WorkloadKind.values()) {
			assertThat(kinds).contains(kind.kindName());
		}
		assertThat(kinds).contains("Service", "ConfigMap", "Secret", "Ingress", "PersistentVolumeClaim",
				"HorizontalPodAutoscaler", "NetworkPolicy", "ServiceAccount", "Role", "RoleBinding",
				"PodDisruptionBudget");
	}

	@Test
	void theWorkloadsOfTheCorpusSetEveryFieldOfTheirSpecs() {
		Set<String> used = workloadFields();
		Set<String> missing = new TreeSet<>();
		for (WorkloadKind kind : WorkloadKind.values()) {
			if (!kind.isPod()) {
				// the pod template is the pod spec test's; metadata is every object's
				Set<Class<?>> notWalked = new HashSet<>(Set.of(V1PodTemplateSpec.class, V1ObjectMeta.class));
				collectMissing(specModel(kind), used, notWalked, missing);
			}
		}

		assertThat(missing).as("workload spec fields no manifest of %s sets", CORPUS).isEmpty();
	}

	@Test
	void thePodSpecsOfTheCorpusSetEveryFieldOfThePodSpecModels() {
		Set<String> used = new HashSet<>();
		for (JsonNode object : allObjects()) {
			WorkloadKind.fromKindName(Nodes.text(object.get("kind")))
				.ifPresent((kind) -> collectUsed(V1PodSpec.class, object.at("/" + kind.podSpecPath().replace('.', '/')),
						used));
		}
		Set<String> missing = new TreeSet<>();
		collectMissing(V1PodSpec.class, used, new HashSet<>(), missing);

		assertThat(missing)
			.as("pod spec fields no manifest of %s sets: add them to the corpus, valid as the API "
					+ "server takes them, or to NOT_SETTABLE_ON_CREATE with the reason", CORPUS)
			.isEmpty();
		assertThat(NOT_SETTABLE_ON_CREATE.keySet()).as("exclusions the corpus sets after all")
			.doesNotContainAnyElementsOf(used);
	}

	/**
	 * {@code Model.field} of every field the corpus's pod-bearing objects set in their
	 * specs.
	 */
	private static Set<String> workloadFields() {
		Set<String> used = new HashSet<>();
		for (JsonNode object : allObjects()) {
			WorkloadKind.fromKindName(Nodes.text(object.get("kind")))
				.ifPresent((kind) -> collectUsed(kind.isPod() ? V1PodSpec.class : specModel(kind), object.get("spec"),
						used));
		}
		return used;
	}

	/** The model of a workload kind's spec: V1DeploymentSpec, V1CronJobSpec, ... */
	private static Class<?> specModel(WorkloadKind kind) {
		try {
			Field spec = BuiltInKinds.modelClass(kind.apiVersion(), kind.kindName()).getDeclaredField("spec");
			return spec.getType();
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Marks {@code Model.field} for every field the JSON sets, following the model's
	 * types.
	 */
	private static void collectUsed(Class<?> model, JsonNode node, Set<String> used) {
		if (node == null || !node.isObject()) {
			return;
		}
		for (Field field : modelFields(model)) {
			JsonNode value = node.get(field.getAnnotation(SerializedName.class).value());
			if (value == null || value.isNull()) {
				continue;
			}
			used.add(key(model, field));
			Class<?> element = modelElement(field.getGenericType());
			if (element == null) {
				continue;
			}
			if (field.getGenericType() instanceof ParameterizedType) {
				// a list's items or a map's values
				value.forEach((item) -> collectUsed(element, item, used));
			}
			else {
				collectUsed(element, value, used);
			}
		}
	}

	/**
	 * Every field of every model reachable from the pod spec that the corpus leaves
	 * unset.
	 */
	private static void collectMissing(Class<?> model, Set<String> used, Set<Class<?>> seen, Set<String> missing) {
		if (!seen.add(model)) {
			return;
		}
		for (Field field : modelFields(model)) {
			String key = key(model, field);
			if (NOT_SETTABLE_ON_CREATE.containsKey(key)) {
				continue;
			}
			if (!used.contains(key)) {
				missing.add(key);
			}
			Class<?> element = modelElement(field.getGenericType());
			if (element != null) {
				collectMissing(element, used, seen, missing);
			}
		}
	}

	private static List<Field> modelFields(Class<?> model) {
		List<Field> fields = new ArrayList<>();
		for (Field field : model.getDeclaredFields()) {
			if (field.getAnnotation(SerializedName.class) != null && !Modifier.isStatic(field.getModifiers())) {
				fields.add(field);
			}
		}
		return fields;
	}

	/**
	 * The model class a field holds, or its list's or map's values do; null for plain
	 * values.
	 */
	private static Class<?> modelElement(Type type) {
		Type element = type;
		if (type instanceof ParameterizedType parameterized) {
			Type[] arguments = parameterized.getActualTypeArguments();
			element = arguments[arguments.length - 1];
		}
		return (element instanceof Class<?> model && model.getPackageName().equals(V1PodSpec.class.getPackageName()))
				? model : null;
	}

	private static String key(Class<?> model, Field field) {
		return model.getSimpleName() + "." + field.getAnnotation(SerializedName.class).value();
	}

	/** Every object of the corpus, List items included. */
	static List<JsonNode> allObjects() {
		List<JsonNode> objects = new ArrayList<>();
		files().forEach((file) -> {
			for (JsonNode document : ManifestReader.readYamlDocuments(read(file))) {
				if ("List".equals(Nodes.text(document.get("kind")))) {
					document.path("items").forEach(objects::add);
				}
				else if (!document.isNull()) {
					objects.add(document);
				}
			}
		});
		return objects;
	}

	static String read(String file) {
		try {
			return Files.readString(corpusDirectory().resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path corpusDirectory() {
		try {
			return Paths.get(ValidCorpusTest.class.getResource(CORPUS).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
