package io.podcomposer.compose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.system.FormIndexes;
import io.podcomposer.templates.EditingTemplate;
import io.podcomposer.templates.TemplateDrafts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The composer page. The full page and its htmx fragments share URLs: an {@code HX-Request}
 * gets the piece it swaps. Every request carries the manifest the form was drawn from, so the
 * server keeps no state between them.
 */
@Controller
class ComposeController {

	private final ComposerService composer;

	private final TemplateDrafts drafts;

	ComposeController(ComposerService composer, TemplateDrafts drafts) {
		this.composer = composer;
		this.drafts = drafts;
	}

	@InitBinder("form")
	void bindFields(WebDataBinder binder, WebRequest request) {
		FormIndexes.check(request);
		binder.initDirectFieldAccess();
	}

	/**
	 * The parameters the template being edited declares, which every request of the page carries:
	 * the preview warns of placeholders that are not among them.
	 */
	@ModelAttribute("declared")
	List<String> declared(@RequestParam(name = "declared", required = false) List<String> declared) {
		return (declared != null) ? declared : List.of();
	}

	@GetMapping({ "/", "/compose" })
	String page(@RequestParam(required = false) String example,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Manifest manifest = (example != null) ? Examples.load(example).orElseGet(this.composer::newPod)
				: this.composer.newPod();
		model.addAttribute("editor", this.composer.editor(manifest, List.of(), List.of()));
		return (htmx != null) ? "compose :: editor" : "compose";
	}

	@PostMapping("/compose/preview")
	String preview(@ModelAttribute("form") ComposeForm form, @RequestParam(name = "manifest", required = false) String base,
			Model model) {
		ComposerService.Composition composition = this.composer.compose(base, form, null);
		model.addAttribute("preview",
				this.composer.preview(composition.manifest(), composition.notes(), composition.problems()));
		return "compose :: preview";
	}

	@PostMapping("/compose/edit")
	String edit(@ModelAttribute("form") ComposeForm form, @RequestParam(name = "manifest", required = false) String base,
			@RequestParam(required = false) String op, Model model) {
		ComposerService.Composition composition = this.composer.compose(base, form, op);
		model.addAttribute("editor",
				this.composer.editor(composition.manifest(), composition.notes(), composition.problems()));
		return "compose :: editor";
	}

	/**
	 * The YAML tab read back into the form; text that does not read stays in the tab with its error.
	 * Text of the same kind keeps what the composer remembers of the kinds it was switched from.
	 */
	@PostMapping("/compose/yaml")
	String yaml(@RequestParam(name = "yaml", defaultValue = "") String yaml,
			@RequestParam(name = "manifest", required = false) String base, Model model) {
		try {
			Manifest manifest = Manifest.of(ManifestReader.readYaml(yaml)).rememberingKindsOf(baseOrNew(base));
			model.addAttribute("editor", this.composer.editor(manifest, List.of(), List.of()));
		}
		catch (ManifestParseException ex) {
			model.addAttribute("editor", this.composer.yamlError(baseOrNew(base), yaml, ex));
		}
		catch (UnsupportedManifestException ex) {
			model.addAttribute("editor",
					this.composer.yamlError(baseOrNew(base), yaml, new ManifestParseException(ex.getMessage(), 0, 0)));
		}
		return "compose :: editor";
	}

	@PostMapping("/compose/download")
	ResponseEntity<byte[]> download(@ModelAttribute("form") ComposeForm form,
			@RequestParam(name = "manifest", required = false) String base,
			@RequestParam(defaultValue = "yaml") String format) {
		ComposerService.Composition composition = this.composer.compose(base, form, null);
		PreviewView preview = this.composer.preview(composition.manifest(), List.of(), List.of());
		boolean json = "json".equals(format);
		String body = json ? preview.json() : preview.yaml();
		return ResponseEntity.ok()
			.contentType(json ? MediaType.APPLICATION_JSON : MediaType.parseMediaType("application/yaml"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(preview.fileName() + (json ? ".json" : ".yaml"), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

	/** A template's current revision in the composer; saving it makes the next revision. */
	@GetMapping("/templates/{id}/edit")
	String editTemplate(@PathVariable long id, Model model) {
		EditingTemplate template = this.drafts.editing(id);
		model.addAttribute("editing", template);
		model.addAttribute("declared", template.declared());
		model.addAttribute("editor", this.composer.editor(Manifest.of(template.manifest()), List.of(), List.of()));
		return "compose";
	}

	/**
	 * A manifest the composer made earlier, back in the composer: from the save page, or a
	 * version kept when a save met someone else's newer revision.
	 */
	@PostMapping("/compose/open")
	String open(@RequestParam(name = "manifest", required = false) String manifest,
			@RequestParam(required = false) Long templateId, @RequestParam(required = false) Integer basedOn,
			Model model) {
		List<FormProblem> problems = new ArrayList<>();
		editing(templateId, basedOn, problems, model);
		model.addAttribute("editor", this.composer.editor(this.composer.base(manifest, problems), List.of(), problems));
		return "compose";
	}

	/**
	 * The form applied, then the "save as template" page. Inputs the composer could not take keep
	 * the user in the composer, to correct them rather than save without them.
	 */
	@PostMapping("/compose/save")
	String save(@ModelAttribute("form") ComposeForm form, @RequestParam(name = "manifest", required = false) String base,
			@RequestParam(required = false) Long templateId, @RequestParam(required = false) Integer basedOn,
			Model model) {
		ComposerService.Composition composition = this.composer.compose(base, form, null);
		if (!composition.problems().isEmpty()) {
			List<FormProblem> problems = new ArrayList<>(composition.problems());
			editing(templateId, basedOn, problems, model);
			model.addAttribute("editor", this.composer.editor(composition.manifest(), composition.notes(), problems));
			return "compose";
		}
		model.addAttribute("page", this.drafts.start(composition.manifest().root(), templateId, basedOn));
		return "templates/save";
	}

	/** The template the page edits, at the revision given; none when it has been deleted meanwhile. */
	private void editing(Long templateId, Integer basedOn, List<FormProblem> problems, Model model) {
		if (templateId == null) {
			return;
		}
		try {
			EditingTemplate template = this.drafts.editing(templateId);
			model.addAttribute("editing", new EditingTemplate(template.id(), template.name(),
					(basedOn != null) ? basedOn : template.basedOn(), template.manifest(), template.declared()));
		}
		catch (ResponseStatusException ex) {
			problems.add(new FormProblem("manifest",
					"The template you were editing has been deleted. Saving makes a new template."));
		}
	}

	private Manifest baseOrNew(String base) {
		return this.composer.base(base, new ArrayList<>());
	}

}
