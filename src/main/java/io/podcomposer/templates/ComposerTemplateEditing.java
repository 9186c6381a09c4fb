package io.podcomposer.templates;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.podcomposer.compose.EditingTemplate;
import io.podcomposer.compose.TemplateEditing;

/**
 * The library as the composer sees it: a template to edit, and the page that saves a
 * composition.
 */
@Component
class ComposerTemplateEditing implements TemplateEditing {

	private final TemplateDrafts drafts;

	ComposerTemplateEditing(TemplateDrafts drafts) {
		this.drafts = drafts;
	}

	@Override
	public EditingTemplate editing(long id) {
		return this.drafts.editing(id);
	}

	@Override
	public String saveAsTemplate(JsonNode manifest, Long templateId, Integer basedOn, Model model) {
		model.addAttribute("page", this.drafts.start(manifest, templateId, basedOn));
		return "templates/save";
	}

}
