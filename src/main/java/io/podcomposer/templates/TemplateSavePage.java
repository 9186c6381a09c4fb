package io.podcomposer.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.Placeholders;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.validation.ValidationReport;
import io.podcomposer.validation.Validator;

/**
 * The "save as template" page: the form, what is being saved, and the problems of the
 * last try, by input name.
 */
public record TemplateSavePage(TemplateSaveForm form, String yaml, String kind, String podSecurityLevel, int errors,
		int warnings, Map<String, String> problems) {

	static TemplateSavePage of(TemplateSaveForm form, List<FieldProblem> problems) {
		Map<String, String> byField = new LinkedHashMap<>();
		problems.forEach((problem) -> byField.merge(form.fieldOf(problem.path()), problem.message(),
				(first, second) -> first + "; " + second));
		try {
			Manifest manifest = Manifest.of(ManifestReader.readJson(form.manifest));
			List<String> used = Placeholders.names(manifest.root());
			form.parameters.forEach((row) -> row.used = used.contains(row.name));
			ValidationReport report = Validator.validate(manifest);
			return new TemplateSavePage(form, ManifestWriter.toYaml(manifest.root()), manifest.kind().kindName(),
					report.podSecurity().level().id(), report.errors().size(), report.warnings().size(), byField);
		}
		catch (ManifestParseException | UnsupportedManifestException ex) {
			byField.putIfAbsent("manifest", "The manifest could not be read: " + ex.getMessage());
			return new TemplateSavePage(form, "", "", "", 0, 0, byField);
		}
	}

}
