package io.podcomposer.compose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.podcomposer.compose.ComposerDrafts.Draft;
import io.podcomposer.compose.ComposerDrafts.PageEdit;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.system.DomainException;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.FormIndexes;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * The composer page and the htmx fragments it swaps. Every request carries the manifest
 * the form was drawn from, so the requests need nothing from each other; each change is
 * also kept as the user's draft ({@link ComposerDrafts}), which the page opens with.
 */
@Controller
class ComposeController {

	private final ComposerService composer;

	private final TemplateEditing templates;

	private final ComposerDrafts drafts;

	ComposeController(ComposerService composer, TemplateEditing templates, ComposerDrafts drafts) {
		this.composer = composer;
		this.templates = templates;
		this.drafts = drafts;
	}

	@InitBinder("form")
	void bindFields(WebDataBinder binder, WebRequest request) {
		FormIndexes.check(request);
		binder.initDirectFieldAccess();
	}

	/**
	 * The parameters the template being edited declares, which every request of the page
	 * carries: the preview warns of placeholders that are not among them.
	 */
	@ModelAttribute("declared")
	List<String> declared(@RequestParam(name = "declared", required = false) List<String> declared) {
		return (declared != null) ? declared : List.of();
	}

	/**
	 * The composer as the user left it: the draft kept in the session, or a new pod. A
	 * starting point (an example, {@code start=new}) replaces the draft and redirects
	 * here, so that a reload keeps what was done since.
	 */
	@GetMapping({ "/", "/compose" })
	String page(@RequestParam(required = false) String example, @RequestParam(required = false) String start,
			HttpSession session, Model model) {
		if (example != null || start != null) {
			Manifest manifest = (example != null) ? Examples.load(example).orElseGet(this.composer::newPod)
					: this.composer.newPod();
			this.drafts.keep(session, new Draft(ComposerService.json(manifest), null, null));
			return "redirect:/compose";
		}
		Draft draft = this.drafts.current(session);
		if (draft == null) {
			model.addAttribute("editor", this.composer.editor(this.composer.newPod(), List.of(), List.of()));
			return "compose";
		}
		return restore(draft, model);
	}

	/**
	 * The preview of the form as it is typed, and out of band what the form shows of the
	 * preview's manifest between redraws (where each volume is mounted).
	 */
	@PostMapping("/compose/preview")
	String preview(@ModelAttribute("form") ComposeForm form,
			@RequestParam(name = "manifest", required = false) String base,
			@RequestParam(required = false) Long templateId, @RequestParam(required = false) Integer basedOn,
			PageEditParams edit, HttpSession session, Model model) {
		ComposerService.Composition composition = this.composer.compose(base, form, null);
		keep(session, composition.manifest(), templateId, basedOn, edit);
		model.addAttribute("editingTemplate", templateId != null);
		model.addAttribute("editor",
				this.composer.editor(composition.manifest(), composition.notes(), composition.problems()));
		return "compose :: formPreview";
	}

	/**
	 * The YAML tab's text previewed as it is typed: the preview and its findings by line,
	 * and the (hidden) form redrawn from it so that saving and downloading take what the
	 * tab holds. Text that does not read gives its error, and the form stays at the last
	 * text that did.
	 */
	@PostMapping(path = "/compose/preview", params = "yaml")
	String previewYaml(@RequestParam String yaml, @RequestParam(name = "manifest", required = false) String base,
			@RequestParam(required = false) Long templateId, @RequestParam(required = false) Integer basedOn,
			PageEditParams edit, HttpSession session, Model model) {
		EditorView editor = this.composer.yamlEditor(yaml, baseOrNew(base));
		this.drafts.keep(session, new Draft(editor.manifestJson(), yaml, templateId, basedOn, true, edit.pageEdit()));
		model.addAttribute("editingTemplate", templateId != null);
		model.addAttribute("editor", editor);
		return "compose :: yamlPreview";
	}

	@PostMapping("/compose/edit")
	String edit(@ModelAttribute("form") ComposeForm form,
			@RequestParam(name = "manifest", required = false) String base, @RequestParam(required = false) String op,
			@RequestParam(required = false) Long templateId, @RequestParam(required = false) Integer basedOn,
			PageEditParams edit, HttpSession session, Model model) {
		ComposerService.Composition composition = this.composer.compose(base, form, op);
		keep(session, composition.manifest(), templateId, basedOn, edit);
		model.addAttribute("editingTemplate", templateId != null);
		model.addAttribute("editor",
				this.composer.editor(composition.manifest(), composition.notes(), composition.problems()));
		model.addAttribute("changed", true);
		return "compose :: editor";
	}

	/**
	 * The YAML tab read back into the form; text that does not read stays in the tab with
	 * its error. Text of the same kind keeps what the composer remembers of the kinds it
	 * was switched from.
	 */
	@PostMapping("/compose/yaml")
	String yaml(@RequestParam(name = "yaml", defaultValue = "") String yaml,
			@RequestParam(name = "manifest", required = false) String base,
			@RequestParam(required = false) Long templateId, @RequestParam(required = false) Integer basedOn,
			PageEditParams edit, HttpSession session, Model model) {
		EditorView editor;
		try {
			Manifest manifest = this.composer.readYaml(yaml).rememberingKindsOf(baseOrNew(base));
			editor = this.composer.editor(manifest, List.of(), List.of());
			keep(session, manifest, templateId, basedOn, edit);
		}
		catch (ManifestParseException ex) {
			editor = this.composer.yamlError(baseOrNew(base), yaml, ex);
			this.drafts.keep(session,
					new Draft(editor.manifestJson(), yaml, templateId, basedOn, true, edit.pageEdit()));
		}
		model.addAttribute("editor", editor);
		model.addAttribute("changed", true);
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

	/**
	 * A template's current revision in the composer; saving it makes the next revision.
	 * An unsaved edit of the same template is continued; other unsaved work is shown
	 * instead, with the choice to replace it ({@code replace=true}).
	 */
	@GetMapping("/templates/{id}/edit")
	String editTemplate(@PathVariable long id, @RequestParam(defaultValue = "false") boolean replace,
			HttpSession session, Model model) {
		Draft draft = this.drafts.current(session);
		boolean unsaved = draft != null && draft.changed();
		if (unsaved && !replace) {
			if (!Long.valueOf(id).equals(draft.templateId())) {
				model.addAttribute("replacing", this.templates.editing(id));
			}
			return restore(draft, model);
		}
		EditingTemplate template = this.templates.editing(id);
		Manifest manifest = Manifest.of(template.manifest());
		this.drafts.keep(session, new Draft(ComposerService.json(manifest), template.id(), template.basedOn()));
		if (replace) {
			return "redirect:/templates/" + id + "/edit";
		}
		model.addAttribute("editing", template);
		model.addAttribute("declared", template.declared());
		model.addAttribute("editor", this.composer.editor(manifest, List.of(), List.of()));
		return "compose";
	}

	/**
	 * A manifest the composer made earlier, back in the composer: from the save page, or
	 * a version kept when a save met someone else's newer revision.
	 */
	@PostMapping("/compose/open")
	String open(@RequestParam(name = "manifest", required = false) String manifest,
			@RequestParam(required = false) Long templateId, @RequestParam(required = false) Integer basedOn,
			HttpSession session, Model model) {
		List<FormProblem> problems = new ArrayList<>();
		editing(templateId, basedOn, problems, model);
		Manifest opened = this.composer.base(manifest, problems);
		keep(session, opened, templateId, basedOn, new PageEditParams(null, null));
		model.addAttribute("editor", this.composer.editor(opened, List.of(), problems));
		model.addAttribute("changed", true);
		return "compose";
	}

	/**
	 * The form applied, then the "save as template" page. Inputs the composer could not
	 * take keep the user in the composer, to correct them rather than save without them.
	 */
	@PostMapping("/compose/save")
	String save(@ModelAttribute("form") ComposeForm form,
			@RequestParam(name = "manifest", required = false) String base,
			@RequestParam(required = false) Long templateId, @RequestParam(required = false) Integer basedOn,
			@RequestParam(defaultValue = "false") boolean asNew, Model model) {
		if (asNew) {
			// "Save as a new template…" while editing one: the edited template rides
			// along, unwanted
			templateId = null;
			basedOn = null;
		}
		ComposerService.Composition composition = this.composer.compose(base, form, null);
		if (!composition.problems().isEmpty()) {
			List<FormProblem> problems = new ArrayList<>(composition.problems());
			editing(templateId, basedOn, problems, model);
			model.addAttribute("editor", this.composer.editor(composition.manifest(), composition.notes(), problems));
			model.addAttribute("changed", true);
			return "compose";
		}
		return this.templates.saveAsTemplate(composition.manifest().root(), templateId, basedOn, model);
	}

	/**
	 * The template the page edits, at the revision given; none when it has been deleted
	 * meanwhile.
	 */
	private void editing(Long templateId, Integer basedOn, List<FormProblem> problems, Model model) {
		if (templateId == null) {
			return;
		}
		try {
			EditingTemplate template = this.templates.editing(templateId);
			model.addAttribute("editing", new EditingTemplate(template.id(), template.name(),
					(basedOn != null) ? basedOn : template.basedOn(), template.manifest(), template.declared()));
			model.addAttribute("declared", template.declared());
		}
		catch (DomainException ex) {
			if (ex.kind() != Kind.NOT_FOUND) {
				throw ex;
			}
			problems.add(new FormProblem("manifest",
					"The template you were editing has been deleted. Saving makes a new template."));
		}
	}

	/**
	 * The page drawn from a kept draft, with the note that says so when it holds unsaved
	 * work.
	 */
	private String restore(Draft draft, Model model) {
		List<FormProblem> problems = new ArrayList<>();
		editing(draft.templateId(), draft.basedOn(), problems, model);
		Manifest manifest = this.composer.base(draft.manifestJson(), problems);
		model.addAttribute("editor", (draft.yamlText() != null) ? this.composer.yamlEditor(draft.yamlText(), manifest)
				: this.composer.editor(manifest, List.of(), problems));
		model.addAttribute("changed", draft.changed());
		model.addAttribute("restored", draft.changed());
		return "compose";
	}

	private void keep(HttpSession session, Manifest manifest, Long templateId, Integer basedOn, PageEditParams edit) {
		this.drafts.keep(session,
				new Draft(ComposerService.json(manifest), null, templateId, basedOn, true, edit.pageEdit()));
	}

	/**
	 * The number the page gives each change it sends, bound from the request
	 * ({@link PageEdit}).
	 */
	record PageEditParams(String draftPage, Long draftSequence) {

		PageEdit pageEdit() {
			return PageEdit.of(this.draftPage, this.draftSequence);
		}

	}

	private Manifest baseOrNew(String base) {
		return this.composer.base(base, new ArrayList<>());
	}

}
