package io.podcomposer.compose;

import tools.jackson.databind.JsonNode;

import org.springframework.ui.Model;

/**
 * The templates the composer opens and saves to. The template library sits above the
 * composer and implements this, so that the composer needs nothing of the library.
 */
public interface TemplateEditing {

	/** The template's current revision, to edit in the composer. */
	EditingTemplate editing(long id);

	/**
	 * The "save as template" page for a manifest the composer made: puts what it shows in
	 * the model and answers the view's name.
	 * @param templateId the template being edited, or null
	 * @param basedOn the revision the edit started from; ignored without a template
	 */
	String saveAsTemplate(JsonNode manifest, Long templateId, Integer basedOn, Model model);

}
