package io.podcomposer.templates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.Placeholders;
import io.podcomposer.manifest.Placeholders.Parameter;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.security.AuditLog;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.InvalidFieldsException;

/**
 * Turns the documents of a file into templates, all of them or none. A file holds either
 * Kubernetes objects (documents, or the items of a {@code kind: List}), each of which
 * becomes a template named after it, or one library that {@link LibraryExport} wrote,
 * whose entries are restored. Every document is checked before anything is saved, and the
 * saving is one transaction.
 * <p>
 * A name that is taken gets a suffix ({@code -2}, {@code -3}, …). A library entry
 * identical to an existing template of its name, or of a suffixed one, is skipped, so
 * that restoring the same file twice adds nothing.
 */
@Component
class TemplateImport {

	static final String LIBRARY_API_VERSION = "podcomposer.io/v1";

	static final String LIBRARY_KIND = "TemplateLibrary";

	private static final String LIST_KIND = "List";

	private static final int MAX_NAME = 253;

	private static final int MAX_TAG = 63;

	private final TemplateService service;

	private final TemplateRepository templates;

	private final TemplateRevisionRepository revisions;

	private final AuditLog audit;

	TemplateImport(TemplateService service, TemplateRepository templates, TemplateRevisionRepository revisions,
			AuditLog audit) {
		this.service = service;
		this.templates = templates;
		this.revisions = revisions;
		this.audit = audit;
	}

	/**
	 * Imports the documents of one file, adding {@code tag} (when not blank) to every
	 * template.
	 * @throws InvalidFieldsException naming every document or entry that cannot be a
	 * template; then nothing is saved
	 */
	@Transactional
	TemplateViews.ImportResult run(List<JsonNode> documents, String tag) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> tags = extraTag(tag, problems);
		List<Candidate> candidates = isLibraryFile(documents) ? LibraryEntries.read(documents.get(0), tags, problems)
				: manifests(documents, tags, problems);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException("Nothing was imported. ", problems);
		}
		TemplateViews.ImportResult result = save(candidates);
		if (!candidates.isEmpty()) {
			this.audit.record("TEMPLATE_IMPORT",
					result.items().stream().map(TemplateViews.Full::name).collect(Collectors.joining(", ")),
					Outcome.SUCCESS, summary(result));
		}
		return result;
	}

	/**
	 * A template to be, from a document or a library entry; an entry is skipped when the
	 * library holds it.
	 */
	record Candidate(TemplateDocument document, boolean restored) {
	}

	private static boolean isLibraryFile(List<JsonNode> documents) {
		return documents.size() == 1 && LIBRARY_KIND.equals(kindOf(documents.get(0)));
	}

	private static List<Candidate> manifests(List<JsonNode> documents, Set<String> tags, List<FieldProblem> problems) {
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			JsonNode document = documents.get(i);
			String path = "documents[" + i + "]";
			String kind = kindOf(document);
			TemplateDocument.repeatedFields(document,
					(documents.size() == 1 && LIST_KIND.equals(kind)) ? "" : path + ".", problems);
			if (LIBRARY_KIND.equals(kind)) {
				problems.add(new FieldProblem(path,
						describe(document)
								+ ": a template library must be the only document of its file; import it alone",
						"only"));
			}
			else if (LIST_KIND.equals(kind)) {
				String itemsPath = (documents.size() == 1) ? "items" : path + ".items";
				JsonNode items = document.path("items");
				if (!items.isArray()) {
					problems.add(new FieldProblem(itemsPath, "a List needs items: a list of objects", "type"));
				}
				for (int j = 0; j < items.size(); j++) {
					manifest(items.get(j), itemsPath + "[" + j + "]", tags, problems).ifPresent(candidates::add);
				}
			}
			else {
				manifest(document, path, tags, problems).ifPresent(candidates::add);
			}
		}
		return candidates;
	}

	/**
	 * A Kubernetes object as a template: named after it, kept whole, and with its
	 * placeholders declared as required parameters, so that none is left undeclared.
	 */
	private static Optional<Candidate> manifest(JsonNode node, String path, Set<String> tags,
			List<FieldProblem> problems) {
		if (node.isNull()) {
			problems
				.add(new FieldProblem(path, "an empty document: only a closing one may be empty; remove it", "empty"));
			return Optional.empty();
		}
		try {
			Manifest.of(node);
		}
		catch (UnsupportedManifestException ex) {
			problems.add(new FieldProblem(path, describe(node) + ": " + ex.getMessage(), "kind"));
			return Optional.empty();
		}
		String name = nameOf(node);
		if (name.isEmpty()) {
			problems.add(new FieldProblem(path + ".metadata.name",
					describe(node) + ": has no metadata.name to name the template after", "required"));
			return Optional.empty();
		}
		List<Parameter> parameters = Placeholders.names(node)
			.stream()
			.map((placeholder) -> new Parameter(placeholder, null, null, true))
			.toList();
		return Optional.of(new Candidate(
				new TemplateDocument(clipped(name, MAX_NAME), null, tags, parameters, node, "imported"), false));
	}

	/** The object's name; a generateName without its closing dash when it has none. */
	private static String nameOf(JsonNode node) {
		JsonNode metadata = node.path("metadata");
		String name = metadata.path("name").isString() ? metadata.path("name").asString().trim() : "";
		if (name.isEmpty() && metadata.path("generateName").isString()) {
			name = metadata.path("generateName").asString().trim().replaceAll("-+$", "");
		}
		return name;
	}

	private TemplateViews.ImportResult save(List<Candidate> candidates) {
		List<TemplateViews.Full> created = new ArrayList<>();
		List<TemplateViews.Skipped> skipped = new ArrayList<>();
		List<TemplateViews.Renamed> renamed = new ArrayList<>();
		Set<String> takenHere = new HashSet<>();
		for (Candidate candidate : candidates) {
			String base = candidate.document().name();
			for (int n = 1;; n++) {
				String name = suffixed(base, n);
				if (takenHere.contains(name)) {
					continue;
				}
				Optional<Template> existing = this.templates.findByName(name);
				if (existing.isEmpty()) {
					created.add(this.service.createUnaudited(candidate.document().named(name)));
					takenHere.add(name);
					if (n > 1) {
						renamed.add(new TemplateViews.Renamed(base, name));
					}
					break;
				}
				if (candidate.restored() && holds(existing.get(), candidate.document())) {
					skipped.add(new TemplateViews.Skipped(base, "identical to the existing template \"" + name + "\""));
					break;
				}
			}
		}
		return new TemplateViews.ImportResult(created, skipped, renamed);
	}

	/**
	 * Whether the template's current revision is the document: manifest, parameters,
	 * description and tags.
	 */
	private boolean holds(Template template, TemplateDocument document) {
		TemplateRevision current = this.revisions.findByTemplateIdAndNumber(template.getId(), template.getRevision())
			.orElseThrow();
		return TemplateService.json(current.getManifest()).equals(document.manifest())
				&& TemplateDocument.parameters(template.getParameters()).equals(document.parameters())
				&& Objects.equals(blankToNull(template.getDescription()), blankToNull(document.description()))
				&& template.getTags().equals(document.tags());
	}

	/**
	 * The name with suffix {@code -n} from the second on, shortened so that it stays a
	 * valid name.
	 */
	static String suffixed(String name, int n) {
		if (n == 1) {
			return name;
		}
		String suffix = "-" + n;
		return clipped(name, MAX_NAME - suffix.length()) + suffix;
	}

	private static Set<String> extraTag(String tag, List<FieldProblem> problems) {
		Set<String> tags = new LinkedHashSet<>();
		if (tag == null || tag.isBlank()) {
			return tags;
		}
		if (tag.trim().length() > MAX_TAG) {
			problems.add(new FieldProblem("tag", "must be at most " + MAX_TAG + " characters", "length"));
		}
		tags.add(tag.trim());
		return tags;
	}

	/** What a document is, for a person: its kind and name as far as it has them. */
	static String describe(JsonNode node) {
		if (node.isNull()) {
			return "an empty document";
		}
		if (node.isArray()) {
			return "a list";
		}
		if (!node.isObject()) {
			return "the value \"" + clipped(node.asString(), 40) + "\"";
		}
		String kind = kindOf(node);
		String name = nameOf(node);
		String named = name.isEmpty() ? "" : " \"" + clipped(name, MAX_NAME) + "\"";
		if (kind.isEmpty()) {
			return name.isEmpty() ? "an object without kind" : "an object" + named;
		}
		return clipped(kind, 63) + named;
	}

	private static String kindOf(JsonNode node) {
		return node.path("kind").isString() ? node.path("kind").asString() : "";
	}

	private static String summary(TemplateViews.ImportResult result) {
		StringBuilder summary = new StringBuilder("created " + result.items().size() + ", skipped "
				+ result.skipped().size() + ", renamed " + result.renamed().size());
		result.renamed()
			.forEach((renamed) -> summary.append("; ").append(renamed.from()).append(" as ").append(renamed.to()));
		return summary.toString();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static String clipped(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

}
