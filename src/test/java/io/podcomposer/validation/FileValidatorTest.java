package io.podcomposer.validation;

import java.util.List;

import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestTooLargeException;
import io.podcomposer.manifest.UnsupportedManifestException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class FileValidatorTest {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata: {name: web}
			spec:
			  selector: {matchLabels: {app: web}}
			  template:
			    metadata: {labels: {app: web}}
			    spec:
			      containers:
			      - name: web
			        image: nginx:1.27
			        envFrom: [{configMapRef: {name: web}}]
			""";

	private static final String SERVICE = """
			apiVersion: v1
			kind: Service
			metadata: {name: web}
			spec:
			  selector: {app: web}
			  ports: [{port: 80, targetPort: http, protocol: TCP}]
			""";

	private static final String CONFIG_MAP = """
			apiVersion: v1
			kind: ConfigMap
			metadata: {name: web}
			data: {mode: fast}
			binaryData: {logo: aGVsbG8=}
			""";

	private static final String WIDGET = """
			apiVersion: example.com/v1
			kind: Widget
			metadata: {name: w}
			spec: {anything: [1, 2]}
			""";

	@Test
	void aDeploymentServiceAndConfigMapFileGetsAReportPerObject() {
		FileReport report = FileValidator.validateAll(read(DEPLOYMENT + "---\n" + SERVICE + "---\n" + CONFIG_MAP));

		assertThat(report.valid()).isTrue();
		assertThat(report.documents())
			.extracting(DocumentReport::index, DocumentReport::path, DocumentReport::kind, DocumentReport::name,
					DocumentReport::checked, DocumentReport::valid)
			.containsExactly(tuple(0, "documents[0]", "Deployment", "web", true, true),
					tuple(1, "documents[1]", "Service", "web", true, true),
					tuple(2, "documents[2]", "ConfigMap", "web", true, true));
		// the pod kinds get every rule, the hints and Pod Security; the others the schema
		// alone
		assertThat(report.documents().get(0).podSecurity()).isNotNull();
		assertThat(report.documents().get(0).warnings()).isNotEmpty();
		assertThat(report.documents().subList(1, 3)).allSatisfy((document) -> {
			assertThat(document.podSecurity()).isNull();
			assertThat(document.errors()).isEmpty();
			assertThat(document.warnings()).isEmpty();
		});
	}

	@Test
	void eachObjectsErrorsAreItsOwn() {
		FileReport report = FileValidator.validateAll(read(SERVICE.replace("port: 80", "prot: 80") + "---\n"
				+ CONFIG_MAP.replace("aGVsbG8=", "hello!") + "---\n" + DEPLOYMENT));

		assertThat(report.valid()).isFalse();
		assertThat(report.documents()).extracting(DocumentReport::valid).containsExactly(false, false, true);
		assertThat(report.documents().get(0).errors()).extracting(Finding::path, Finding::message, Finding::rule)
			.containsExactly(tuple("spec.ports[0].prot",
					"strict decoding error: unknown field \"spec.ports[0].prot\"; did you mean \"port\"?",
					"structure"));
		assertThat(report.documents().get(1).errors()).extracting(Finding::path, Finding::message)
			.containsExactly(tuple("binaryData[logo]", "illegal base64 data at input byte 5"));
	}

	@Test
	void aListsItemsAreTheObjects() {
		FileReport report = FileValidator.validateAll(read("""
				apiVersion: v1
				kind: List
				items:
				- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}, data: {x: "1"}}
				- {apiVersion: v1, kind: Service, metadata: {name: b}, spec: {type: ClusterIP, portz: []}}
				"""));

		assertThat(report.documents()).extracting(DocumentReport::path, DocumentReport::kind, DocumentReport::valid)
			.containsExactly(tuple("items[0]", "ConfigMap", true), tuple("items[1]", "Service", false));
		assertThat(FileValidator
			.validateAll(read(SERVICE + "---\napiVersion: v1\nkind: List\nitems: [" + "{apiVersion: "
					+ "v1, kind: ConfigMap, metadata: {name: a}}]\n"))
			.documents()).extracting(DocumentReport::index, DocumentReport::path)
			.containsExactly(tuple(0, "documents[0]"), tuple(1, "documents[1].items[0]"));
		assertThat(FileValidator.validateAll(read("apiVersion: v1\nkind: List\nitems: {a: b}\n")).documents())
			.extracting(DocumentReport::kind, DocumentReport::valid, (document) -> document.errors().get(0).path())
			.containsExactly(tuple("List", false, "items"));
		assertThat(FileValidator.validateAll(read("apiVersion: v1\nkind: List\nitems: []\n")).documents()).isEmpty();
	}

	@Test
	void aCustomResourceIsNotCheckedAndAnUnknownBuiltInKindIsAnError() {
		FileReport report = FileValidator.validateAll(
				read(WIDGET + "---\n" + SERVICE + "---\n" + "apiVersion: apps/v1\nkind: Pod\nmetadata: {name: p}\n---\n"
						+ "apiVersion: apps/v1beta1\nkind: Gadget\nmetadata: {name: g}\n---\n"
						+ "kind: Service\nmetadata: {name: s}\n---\n[not, an, object]\n"));

		assertThat(report.documents()).extracting(DocumentReport::kind, DocumentReport::checked, DocumentReport::valid)
			.containsExactly(tuple("Widget", false, true), tuple("Service", true, true), tuple("Pod", true, false),
					tuple("Gadget", true, false), tuple("Service", true, false), tuple(null, true, false));
		assertThat(report.valid()).isFalse();
		assertThat(report.documents().get(0).warnings()).extracting(Finding::path, Finding::message)
			.containsExactly(
					tuple("kind", "not checked: \"example.com/v1\" \"Widget\" is no built-in kind of Kubernetes "
							+ "1.36 (a custom resource?), so its fields were not looked at"));
		assertThat(report.documents().subList(2, 6)).extracting((document) -> document.errors().get(0).message())
			.containsExactly("no matches for kind \"Pod\" in version \"apps/v1\"; use v1",
					"no matches for kind \"Gadget\" in version \"apps/v1beta1\"", "Object 'apiVersion' is missing",
					"a manifest must be an object with apiVersion and kind");
		// a file of custom resources alone is valid: nothing in it was found wrong
		assertThat(FileValidator.validateAll(read(WIDGET + "---\n" + WIDGET)).valid()).isTrue();
	}

	@Test
	void oneObjectKeepsTheOneManifestAnswer() {
		List<JsonNode> pod = read("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: "
				+ "[{name: web, image: nginx:1.27, imagePullPolicyy: Always}]\n");
		assertThat(FileValidator.isSingleObject(pod)).isTrue();
		ValidationReport report = FileValidator.validateOne(pod.get(0));
		assertThat(report.valid()).isFalse();
		assertThat(report.podSecurity()).isNotNull();
		assertThat(report.errors()).extracting(Finding::path).containsExactly("spec.containers[0].imagePullPolicyy");

		ValidationReport service = FileValidator.validateOne(read(SERVICE).get(0));
		assertThat(service.valid()).isTrue();
		assertThat(service.podSecurity()).isNull();
		ValidationReport widget = FileValidator.validateOne(read(WIDGET).get(0));
		assertThat(widget.valid()).isTrue();
		assertThat(widget.warnings()).extracting(Finding::rule).containsExactly("kind");

		assertThat(FileValidator.isSingleObject(read("apiVersion: v1\nkind: List\nitems: []\n"))).isFalse();
		assertThatExceptionOfType(UnsupportedManifestException.class)
			.isThrownBy(() -> FileValidator.validateOne(read("metadata: {name: web}\n").get(0)));
	}

	@Test
	void theObjectsAreCountedBeforeAnyIsChecked() {
		String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n";
		assertThat(FileValidator.validateAll(read((configMap + "---\n").repeat(FileValidator.MAX_OBJECTS))).documents())
			.hasSize(FileValidator.MAX_OBJECTS);
		assertThatExceptionOfType(ManifestTooLargeException.class)
			.isThrownBy(() -> FileValidator.validateAll(read((configMap + "---\n").repeat(FileValidator.MAX_OBJECTS)
					+ "apiVersion: v1\nkind: List\nitems: [{kind: Pod}]\n")))
			.withMessageContaining("more than 500 objects");
	}

	@Test
	void aHundredDocumentFileIsValidatedQuickly() {
		List<JsonNode> file = read((DEPLOYMENT + "---\n" + SERVICE + "---\n").repeat(50));
		FileValidator.validateAll(file);
		long started = System.nanoTime();
		FileReport report = FileValidator.validateAll(file);
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(report.documents()).hasSize(100);
		// the target is 50 ms; a loaded test machine gets room
		assertThat(millis).isLessThan(500);
	}

	@Test
	void aFieldRepeatedInAServiceOfAFileIsTheApiServersDuplicateFieldError() {
		String repeated = SERVICE.replace("metadata: {name: web}", "metadata: {name: web}\nmetadata: {name: api}");

		FileReport report = FileValidator.validateAll(read(DEPLOYMENT + "---\n" + repeated));

		assertThat(report.documents().get(0).errors()).isEmpty();
		assertThat(report.documents().get(1).name()).isEqualTo("api");
		assertThat(report.documents().get(1).errors()).extracting(Finding::path, Finding::message, Finding::rule)
			.containsExactly(
					tuple("metadata", "strict decoding error: duplicate field \"metadata\"", "duplicate-field"));
	}

	private static List<JsonNode> read(String yaml) {
		return ManifestReader.readYamlDocuments(yaml);
	}

}
