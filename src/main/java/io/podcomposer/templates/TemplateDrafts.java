package io.podcomposer.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.podcomposer.compose.EditingTemplate;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.Placeholders;
import io.podcomposer.manifest.Placeholders.Parameter;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.system.DomainException;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.InvalidFieldsException;

/**
 * The composer's side of the library: a template opened for editing, and a composition
 * saved as a template or as a template's next revision.
 */
@Service
class TemplateDrafts {

	private final TemplateService templates;

	TemplateDrafts(TemplateService templates) {
		this.templates = templates;
	}

	/** The template's current revision, to edit in the composer. */
	@Transactional(readOnly = true)
	EditingTemplate editing(long id) {
		TemplateViews.Full template = this.templates.get(id);
		List<String> declared = new ArrayList<>();
		template.parameters().values().forEach((parameter) -> declared.add(parameter.get("name").asString()));
		return new EditingTemplate(id, template.name(), template.revision(), template.manifest(), declared);
	}

	/**
	 * The save page for a manifest the composer made. Editing a template, the form starts
	 * with the template's fields; else with the manifest's name. Every placeholder the
	 * manifest uses is offered as a parameter.
	 * @param templateId the template being edited, or null
	 * @param basedOn the revision the edit started from; ignored without a template
	 */
	@Transactional(readOnly = true)
	TemplateSavePage start(JsonNode manifest, Long templateId, Integer basedOn) {
		TemplateSaveForm form = new TemplateSaveForm();
		form.manifest = manifest.toString();
		form.name = Manifest.of(manifest).name();
		List<Parameter> declared = List.of();
		List<FieldProblem> problems = new ArrayList<>();
		TemplateViews.Full template = (templateId != null) ? this.templates.lookup(templateId).orElse(null) : null;
		if (template != null) {
			form.templateId = templateId;
			form.basedOn = (basedOn != null) ? basedOn : template.revision();
			form.editedName = template.name();
			form.name = template.name();
			form.description = template.description();
			form.tags = String.join(", ", template.tags());
			declared = TemplateDocument.parameters(template.parameters().toString());
		}
		else if (templateId != null) {
			problems.add(new FieldProblem("asNew",
					"The template you were editing has been deleted. Saving makes a new template.", "gone"));
		}
		form.parameters = rows(Placeholders.names(manifest), declared);
		return TemplateSavePage.of(form, problems);
	}

	/**
	 * Saves the form: a new template, or the next revision of the one being edited if
	 * nobody saved it since the edit started. A revision that changes nothing is not
	 * saved.
	 * @return the template as saved: at the revision the edit started from when nothing
	 * changed
	 * @throws InvalidFieldsException naming the inputs to correct
	 * @throws DomainException stale when the template changed since the edit started, not
	 * found when it is gone
	 */
	@Transactional
	TemplateViews.Full save(TemplateSaveForm form) {
		TemplateDocument document;
		try {
			document = TemplateDocument.from(form.documentBody());
		}
		catch (ManifestParseException | UnsupportedManifestException ex) {
			throw new InvalidFieldsException(List.of(new FieldProblem("manifest", ex.getMessage(), "manifest")));
		}
		catch (InvalidFieldsException ex) {
			// the name is checked too, so that one try shows every problem
			List<FieldProblem> problems = new ArrayList<>(ex.problems());
			if (form.name != null && this.templates.nameTakenByAnother(form.name.trim(),
					form.isRevision() ? form.templateId : null)) {
				problems.add(nameTaken(form.name.trim()));
			}
			throw new InvalidFieldsException(problems);
		}
		try {
			if (form.isRevision()) {
				int basedOn = (form.basedOn != null) ? form.basedOn : 0;
				return this.templates.update(form.templateId, basedOn, document);
			}
			return this.templates.create(document);
		}
		catch (DomainException ex) {
			if (ex.kind() == Kind.CONFLICT) {
				throw new InvalidFieldsException(List.of(nameTaken(document.name())));
			}
			throw ex;
		}
	}

	private static FieldProblem nameTaken(String name) {
		return new FieldProblem("name", "a template named \"" + name + "\" exists: choose another name", "unique");
	}

	/**
	 * The declared parameters first, then the placeholders no parameter declares, offered
	 * for declaring.
	 */
	private static List<TemplateSaveForm.ParameterRow> rows(List<String> used, List<Parameter> declared) {
		Map<String, TemplateSaveForm.ParameterRow> rows = new LinkedHashMap<>();
		for (Parameter parameter : declared) {
			TemplateSaveForm.ParameterRow row = new TemplateSaveForm.ParameterRow();
			row.name = parameter.name();
			row.declared = true;
			row.description = parameter.description();
			row.defaultValue = parameter.defaultValue();
			row.required = parameter.required();
			rows.put(row.name, row);
		}
		for (String name : used) {
			TemplateSaveForm.ParameterRow row = rows.computeIfAbsent(name, (key) -> {
				TemplateSaveForm.ParameterRow offered = new TemplateSaveForm.ParameterRow();
				offered.name = key;
				offered.declared = true;
				return offered;
			});
			row.used = true;
		}
		return new ArrayList<>(rows.values());
	}

}
