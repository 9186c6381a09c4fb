package io.podcomposer.templates;

import java.util.List;
import java.util.function.Function;

import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.system.LineDiff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The differences between two revisions of a template: its manifest, its description and
 * its tags.
 */
@Service
class TemplateDiffs {

	private final TemplateService library;

	TemplateDiffs(TemplateService library) {
		this.library = library;
	}

	/**
	 * The unified diff of two revisions' manifests, as YAML; when their descriptions or
	 * their tags differ, the diff of the descriptions and then that of the tags, one a
	 * line, come first.
	 */
	@Transactional(readOnly = true)
	String diff(long id, int from, int to) {
		Template template = this.library.find(id);
		TemplateRevision older = this.library.revision(template.getId(), from);
		TemplateRevision newer = this.library.revision(template.getId(), to);
		return LineDiff.unified("revision " + from + " description", description(older),
				"revision " + to + " description", description(newer))
				+ LineDiff.unified("revision " + from + " tags", tags(older), "revision " + to + " tags", tags(newer))
				+ LineDiff.unified("revision " + from, yaml(older), "revision " + to, yaml(newer));
	}

	/** The hunks of the diff of two revisions' manifests, as YAML. */
	@Transactional(readOnly = true)
	List<LineDiff.Hunk> diffHunks(long id, int from, int to) {
		return hunks(id, from, to, TemplateDiffs::yaml);
	}

	/** The hunks of the diff of two revisions' descriptions. */
	@Transactional(readOnly = true)
	List<LineDiff.Hunk> descriptionHunks(long id, int from, int to) {
		return hunks(id, from, to, TemplateDiffs::description);
	}

	/**
	 * The hunks of the diff of two revisions' tags, one a line, A to Z: the tags added
	 * and removed.
	 */
	@Transactional(readOnly = true)
	List<LineDiff.Hunk> tagHunks(long id, int from, int to) {
		return hunks(id, from, to, TemplateDiffs::tags);
	}

	private List<LineDiff.Hunk> hunks(long id, int from, int to, Function<TemplateRevision, String> text) {
		Template template = this.library.find(id);
		return LineDiff.hunks(text.apply(this.library.revision(template.getId(), from)),
				text.apply(this.library.revision(template.getId(), to)));
	}

	private static String description(TemplateRevision revision) {
		return TemplateService.orEmpty(revision.getDescription());
	}

	private static String tags(TemplateRevision revision) {
		return String.join("\n", revision.getTags());
	}

	private static String yaml(TemplateRevision revision) {
		return ManifestWriter.toYaml(TemplateService.json(revision.getManifest()));
	}

}
