package io.podcomposer.templates;

import java.io.Serializable;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.DocumentBody;
import io.podcomposer.system.DomainException;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.InvalidFieldsException;

/**
 * The import page ({@code /templates/import}): paste or upload Kubernetes objects or a
 * library file. What was imported shows after a redirect, so that a reload imports
 * nothing twice; what was refused shows next to the text, which stays as it was. Also the
 * library's download ({@code /templates/export}) for the browser.
 */
@Controller
class TemplateImportController {

	private static final String VIEW = "templates/import";

	private final TemplateImport imports;

	private final LibraryExport export;

	TemplateImportController(TemplateImport imports, LibraryExport export) {
		this.imports = imports;
		this.export = export;
	}

	@GetMapping("/templates/import")
	String page(Model model) {
		model.addAttribute("text", "");
		if (!model.containsAttribute("tag")) {
			model.addAttribute("tag", "");
		}
		return VIEW;
	}

	@PostMapping("/templates/import")
	String importTemplates(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String tag,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes flash,
			HttpServletResponse response) throws IOException {
		boolean upload = file != null && !file.isEmpty();
		String source = text;
		List<FieldProblem> problems;
		try {
			if (upload && !text.isBlank()) {
				throw problem("choose a file or paste text, not both; the text is kept here");
			}
			if (upload) {
				source = DocumentBody.utf8(file.getBytes());
			}
			if (source.isBlank()) {
				throw problem("paste YAML or JSON, or choose a file");
			}
			flash.addFlashAttribute("outcome",
					Imported.of(this.imports.run(documents(source, upload ? file : null), tag)));
			flash.addFlashAttribute("tag", tag);
			return "redirect:/templates/import";
		}
		catch (InvalidFieldsException ex) {
			problems = ex.problems();
		}
		catch (ManifestParseException ex) {
			problems = List.of(new FieldProblem("", ex.describe(), "parse"));
		}
		catch (DomainException ex) {
			if (ex.kind() != Kind.CONFLICT) {
				throw ex;
			}
			// another import took a name between the check and the save
			problems = List.of(new FieldProblem("", ex.getMessage(), "conflict"));
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problems", problems);
		model.addAttribute("text", source);
		model.addAttribute("tag", tag);
		model.addAttribute("fileName", upload ? file.getOriginalFilename() : null);
		return VIEW;
	}

	@GetMapping("/templates/export")
	void export(@RequestParam(required = false) String tag, @RequestParam(defaultValue = "yaml") String format,
			HttpServletResponse response) throws IOException {
		LibraryExport.Format chosen = switch (format) {
			case "yaml" -> LibraryExport.Format.YAML;
			case "json" -> LibraryExport.Format.JSON;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be yaml or json");
		};
		this.export.download(tag, chosen, response);
	}

	/**
	 * What the page shows of an import: each template made, with a link to it, and what
	 * was left out or renamed.
	 */
	record Imported(List<Created> created, List<TemplateViews.Skipped> skipped,
			List<TemplateViews.Renamed> renamed) implements Serializable {

		static Imported of(TemplateViews.ImportResult result) {
			return new Imported(result.items()
				.stream()
				.map((template) -> new Created(template.id(), template.name(),
						template.manifest().path("kind").asString()))
				.toList(), result.skipped(), result.renamed());
		}

	}

	/** A template an import made. */
	record Created(long id, String name, String kind) implements Serializable {
	}

	/**
	 * The documents of the text: one JSON document when it is JSON (a {@code .json} file,
	 * or text that opens with a brace or bracket), else a YAML stream. JSON is YAML too,
	 * but not when it is indented with tabs.
	 */
	private static List<JsonNode> documents(String text, MultipartFile file) {
		String name = (file != null && file.getOriginalFilename() != null) ? file.getOriginalFilename() : "";
		String start = text.stripLeading();
		boolean json = name.endsWith(".json") || start.startsWith("{") || start.startsWith("[");
		return json ? List.of(ManifestReader.readJson(text)) : ManifestReader.readYamlDocuments(text);
	}

	private static InvalidFieldsException problem(String message) {
		return new InvalidFieldsException(List.of(new FieldProblem("", message, "input")));
	}

}
