package io.podcomposer.templates;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.podcomposer.compose.ComposerDrafts;
import io.podcomposer.system.DomainException;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.FormIndexes;
import io.podcomposer.system.InvalidFieldsException;

/**
 * Saves what the composer made, from the "save as template" page. A refused save shows
 * the page again with everything typed; a save over someone else's newer revision shows
 * what changed, and keeps this user's version for them to merge.
 */
@Controller
class TemplateSaveController {

	private final TemplateDrafts drafts;

	private final TemplateService templates;

	private final ComposerDrafts composerDrafts;

	TemplateSaveController(TemplateDrafts drafts, TemplateService templates, ComposerDrafts composerDrafts) {
		this.drafts = drafts;
		this.templates = templates;
		this.composerDrafts = composerDrafts;
	}

	@InitBinder("save")
	void bindFields(WebDataBinder binder, WebRequest request) {
		FormIndexes.check(request);
		binder.initDirectFieldAccess();
	}

	@PostMapping("/templates/save")
	String save(@ModelAttribute("save") TemplateSaveForm form, HttpSession session, Model model,
			RedirectAttributes flash) {
		try {
			TemplateViews.Full saved = this.drafts.save(form);
			// saved, the composer's draft is no longer unsaved work
			this.composerDrafts.discard(session);
			flash.addFlashAttribute("notice", notice(form, saved));
			return "redirect:/templates/" + saved.id();
		}
		catch (InvalidFieldsException ex) {
			return page(form, ex.problems(), model);
		}
		catch (DomainException ex) {
			if (form.isRevision() && ex.kind() == Kind.NOT_FOUND) {
				form.asNew = true;
				return page(form, List.of(new FieldProblem("asNew",
						"The template was deleted since you opened it. Saving now makes it a new template.", "gone")),
						model);
			}
			if (form.isRevision() && ex.kind() == Kind.STALE) {
				model.addAttribute("conflict", TemplateConflictPage.of(form, this.templates.get(form.templateId)));
				return "templates/conflict";
			}
			throw ex;
		}
	}

	private static String notice(TemplateSaveForm form, TemplateViews.Full saved) {
		if (!form.isRevision()) {
			return "Saved the template.";
		}
		return Integer.valueOf(saved.revision()).equals(form.basedOn)
				? "Nothing changed since revision " + saved.revision() + ", so no revision was saved."
				: "Saved a new revision.";
	}

	private static String page(TemplateSaveForm form, List<FieldProblem> problems, Model model) {
		model.addAttribute("page", TemplateSavePage.of(form, problems));
		return "templates/save";
	}

}
