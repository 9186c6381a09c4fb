package io.podcomposer.templates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.InvalidFieldsException;

/**
 * The entries of a library file that {@link LibraryExport} wrote, read back as templates
 * to restore. Each entry is checked as a template document is; what the export adds
 * (revision, who and when) only goes into the revision message, as the restored template
 * is a new one.
 */
final class LibraryEntries {

	private LibraryEntries() {
	}

	/**
	 * The entries of {@code library} with {@code tags} added to each.
	 * @param problems collects what is wrong, with paths as in
	 * {@code templates[3].parameters[0].name}
	 */
	static List<TemplateImport.Candidate> read(JsonNode library, Set<String> tags, List<FieldProblem> problems) {
		List<TemplateImport.Candidate> candidates = new ArrayList<>();
		String apiVersion = library.path("apiVersion").asString("");
		if (!TemplateImport.LIBRARY_API_VERSION.equals(apiVersion)) {
			problems.add(new FieldProblem("apiVersion", "apiVersion \"" + apiVersion + "\" is not supported for a "
					+ TemplateImport.LIBRARY_KIND + "; use " + TemplateImport.LIBRARY_API_VERSION, "kind"));
		}
		JsonNode entries = library.path("templates");
		if (!entries.isArray()) {
			problems.add(new FieldProblem("templates", "must be a list of templates", "type"));
			return candidates;
		}
		for (int i = 0; i < entries.size(); i++) {
			String path = "templates[" + i + "]";
			try {
				candidates.add(new TemplateImport.Candidate(
						restored(TemplateDocument.from(entries.get(i)), entries.get(i).path("revision"), tags), true));
			}
			catch (InvalidFieldsException ex) {
				ex.problems()
					.forEach((problem) -> problems
						.add(new FieldProblem(problem.path().isEmpty() ? path : path + "." + problem.path(),
								problem.message(), problem.rule())));
			}
			catch (UnsupportedManifestException ex) {
				problems.add(new FieldProblem(path + ".manifest", ex.getMessage(), "kind"));
			}
		}
		return candidates;
	}

	private static TemplateDocument restored(TemplateDocument entry, JsonNode revision, Set<String> tags) {
		Set<String> allTags = new LinkedHashSet<>(entry.tags());
		allTags.addAll(tags);
		String message = (entry.message() != null) ? entry.message()
				: revision.isInt() ? "restored from a library export, where it was at revision " + revision.asInt()
						: "restored from a library export";
		return new TemplateDocument(entry.name(), entry.description(), allTags, entry.parameters(), entry.manifest(),
				message);
	}

}
