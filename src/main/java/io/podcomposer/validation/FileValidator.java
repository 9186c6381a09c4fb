package io.podcomposer.validation;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestTooLargeException;
import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * Validates the objects of a file as {@code kubectl apply -f} takes them: YAML documents,
 * and the items of a {@code kind: List}. Every built-in kind gets the schema check
 * ({@link StructureRule}); the kinds that run pods get every rule and Pod Security too
 * (see {@link Validator}). A kind the API server does not build in, such as a custom
 * resource, is not checked; one it should know but does not ({@code apps/v1 Pod}) is its
 * error.
 */
public final class FileValidator {

	/**
	 * Enough for a repository's manifests; counted, List items included, before any is
	 * checked.
	 */
	public static final int MAX_OBJECTS = 500;

	private static final String LIST_KIND = "List";

	/**
	 * The rule id of what is said of an object's kind: missing, unknown to the API
	 * server, not checked.
	 */
	static final String KIND_RULE = "kind";

	private static final StructureRule STRUCTURE = new StructureRule();

	private static final DuplicateFieldsRule DUPLICATE_FIELDS = new DuplicateFieldsRule();

	private FileValidator() {
	}

	/**
	 * Whether the body is one object, answered as {@link Validator#validate} always has:
	 * not a List.
	 */
	public static boolean isSingleObject(List<JsonNode> documents) {
		return documents.size() == 1 && !LIST_KIND.equals(Nodes.text(documents.get(0).get("kind")));
	}

	/**
	 * The report on one object of any kind, in the shape of one manifest's; a kind that
	 * is not built in is valid with a warning that it was not checked, and only the pod
	 * kinds have a Pod Security level.
	 * @throws UnsupportedManifestException when it is not an object with apiVersion and
	 * kind
	 */
	public static ValidationReport validateOne(JsonNode document) {
		Manifest.requireKind(document);
		DocumentReport report = validateObject(document, 0, "");
		return new ValidationReport(report.valid(), report.errors(), report.warnings(), report.podSecurity());
	}

	/**
	 * A report for every object of the file, in order; empty documents are left out.
	 * @throws ManifestTooLargeException when the file holds more than
	 * {@link #MAX_OBJECTS} objects
	 */
	public static FileReport validateAll(List<JsonNode> documents) {
		List<Entry> entries = new ArrayList<>();
		boolean alone = documents.size() == 1;
		for (int i = 0; i < documents.size(); i++) {
			JsonNode document = documents.get(i);
			String path = alone ? "" : "documents[" + i + "]";
			if (LIST_KIND.equals(Nodes.text(document.get("kind")))) {
				String itemsPath = (alone ? "" : path + ".") + "items";
				JsonNode items = document.path("items");
				if (!Nodes.absent(items) && !items.isArray()) {
					entries.add(new Entry(document, path,
							finding(itemsPath, "json: cannot unmarshal " + StructureRule.jsonValue(items, false)
									+ " into Go struct field List.items of type []runtime.RawExtension")));
				}
				for (int j = 0; j < Nodes.count(items); j++) {
					entries.add(new Entry(items.get(j), itemsPath + "[" + j + "]", null));
				}
			}
			else if (!document.isNull()) {
				entries.add(new Entry(document, path, null));
			}
			if (entries.size() > MAX_OBJECTS) {
				throw new ManifestTooLargeException("the body holds more than " + MAX_OBJECTS
						+ " objects (documents and List items): send them in parts");
			}
		}
		List<DocumentReport> reports = new ArrayList<>(entries.size());
		boolean valid = true;
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			DocumentReport report = (entry.listError() == null) ? validateObject(entry.object(), i, entry.path())
					: report(i, entry.path(), LIST_KIND, null, true, entry.listError(), List.of());
			reports.add(report);
			valid &= report.valid();
		}
		return new FileReport(valid, reports);
	}

	/**
	 * An object of the file and where it is; a List whose items are no list stands for
	 * its own error.
	 */
	private record Entry(JsonNode object, String path, List<Finding> listError) {
	}

	private static DocumentReport validateObject(JsonNode object, int index, String path) {
		String kind = Nodes.text(object.get("kind"));
		String apiVersion = Nodes.text(object.get("apiVersion"));
		String name = Nodes.text(object.path("metadata").get("name"));
		try {
			Manifest.requireKind(object);
		}
		catch (UnsupportedManifestException ex) {
			return report(index, path, kind, name, true, finding("", ex.getMessage()), List.of());
		}
		if (apiVersion == null || apiVersion.isEmpty()) {
			// the API server's words for a kind without a version
			return report(index, path, kind, name, true, finding("apiVersion", "Object 'apiVersion' is missing"),
					List.of());
		}
		WorkloadKind workload = WorkloadKind.fromKindName(kind).orElse(null);
		if (workload != null && workload.apiVersion().equals(apiVersion)) {
			ValidationReport report = Validator.validate(Manifest.of(object));
			return new DocumentReport(index, path, kind, name, true, report.valid(), report.errors(), report.warnings(),
					report.podSecurity());
		}
		Class<?> model = BuiltInKinds.modelClass(apiVersion, kind);
		if (model != null) {
			Findings findings = new Findings();
			findings.runAs(STRUCTURE);
			StructureRule.check(object, SchemaType.of(model), findings);
			findings.runAs(DUPLICATE_FIELDS);
			DuplicateFieldsRule.report(ManifestReader.duplicateFields(object), findings);
			return report(index, path, kind, name, true, findings.errors(), findings.warnings());
		}
		if (BuiltInKinds.isBuiltInGroup(apiVersion)) {
			// kubectl's words when the API server has no such kind in that version
			String noMatches = "no matches for kind " + Messages.quote(kind) + " in version "
					+ Messages.quote(apiVersion);
			return report(index, path, kind, name, true,
					finding("kind", (workload == null) ? noMatches : noMatches + "; use " + workload.apiVersion()),
					List.of());
		}
		return report(index, path, kind, name, false, List.of(),
				finding("kind",
						"not checked: " + Messages.quote(apiVersion) + " " + Messages.quote(kind)
								+ " is no built-in kind of Kubernetes " + BuiltInKinds.KUBERNETES_VERSION
								+ " (a custom resource?), so its fields were not looked at"));
	}

	private static DocumentReport report(int index, String path, String kind, String name, boolean checked,
			List<Finding> errors, List<Finding> warnings) {
		return new DocumentReport(index, path, kind, name, checked, errors.isEmpty(), errors, warnings, null);
	}

	private static List<Finding> finding(String path, String message) {
		return List.of(new Finding(path, message, KIND_RULE));
	}

}
