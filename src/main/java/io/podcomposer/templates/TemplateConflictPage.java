package io.podcomposer.templates;

import java.time.Instant;
import java.util.List;

import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.system.LineDiff;

/**
 * "Changed since you opened it": the template's current revision, who made it, and how
 * this user's version differs from it. The user's form rides along whole, so that nothing
 * is lost.
 *
 * @param diff the hunks from the current revision to this user's version
 */
record TemplateConflictPage(TemplateSaveForm form, String name, int currentRevision, String updatedBy,
		Instant updatedAt, List<LineDiff.Hunk> diff) {

	static TemplateConflictPage of(TemplateSaveForm form, TemplateViews.Full current) {
		String theirs = ManifestWriter.toYaml(current.manifest());
		String mine = ManifestWriter.toYaml(TemplateService.json(form.manifest));
		return new TemplateConflictPage(form, current.name(), current.revision(), current.updatedBy(),
				current.updatedAt(), LineDiff.hunks(theirs, mine));
	}

}
