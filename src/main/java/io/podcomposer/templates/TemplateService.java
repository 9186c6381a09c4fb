package io.podcomposer.templates;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.podcomposer.manifest.KindConversion;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.Placeholders;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.PodSecurityEvaluator;
import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.security.AuditLog;
import io.podcomposer.system.DomainException;
import io.podcomposer.system.DomainException.Kind;

/**
 * The template library: every save makes a new immutable revision, and a save names the
 * revision it was based on, so that a concurrent change is refused rather than
 * overwritten.
 */
@Service
public class TemplateService {

	private final TemplateRepository templates;

	private final TemplateRevisionRepository revisions;

	private final AuditLog audit;

	private final Clock clock;

	TemplateService(TemplateRepository templates, TemplateRevisionRepository revisions, AuditLog audit, Clock clock) {
		this.templates = templates;
		this.revisions = revisions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	TemplateViews.Full create(TemplateDocument document) {
		return create(document, actor());
	}

	/**
	 * Creates a template in the name of {@code actor}, who need not be the signed-in
	 * user.
	 */
	@Transactional
	TemplateViews.Full create(TemplateDocument document, String actor) {
		if (this.templates.existsByName(document.name())) {
			throw nameTaken(document.name());
		}
		return audited(actor, "TEMPLATE_CREATE", save(new Template(actor, this.clock.instant()), document, actor));
	}

	/**
	 * Saves a new template without an audit entry of its own, for an import: it chooses
	 * free names itself and records one entry for all it saves.
	 */
	@Transactional
	TemplateViews.Full createUnaudited(TemplateDocument document) {
		String actor = actor();
		return save(new Template(actor, this.clock.instant()), document, actor);
	}

	/**
	 * Saves the document as the next revision of the template, if {@code basedOn} is
	 * still its current revision; a document that holds what the current revision does
	 * saves nothing and answers the current revision.
	 * @throws DomainException stale when another save came first
	 */
	@Transactional
	TemplateViews.Full update(long id, int basedOn, TemplateDocument document) {
		Template template = find(id);
		if (template.getRevision() != basedOn) {
			throw stale(template.getRevision());
		}
		if (!template.getName().equals(document.name()) && this.templates.existsByName(document.name())) {
			throw nameTaken(document.name());
		}
		return revise(template, document, "TEMPLATE_UPDATE");
	}

	/** Whether a template other than {@code ownId} (null: any template) has this name. */
	@Transactional(readOnly = true)
	boolean nameTakenByAnother(String name, Long ownId) {
		return this.templates.findByName(name).filter((template) -> !template.getId().equals(ownId)).isPresent();
	}

	/** Deletes the template and its revisions; answers its name. */
	@Transactional
	String delete(long id) {
		Template template = find(id);
		this.revisions.deleteByTemplate(template.getId());
		this.templates.delete(template);
		this.audit.recordWithin(actor(), "TEMPLATE_DELETE", template.getName(), Outcome.SUCCESS,
				"at revision " + template.getRevision());
		return template.getName();
	}

	/**
	 * Saves revision {@code number}'s manifest and parameters as the next revision, if
	 * {@code basedOn} is still the current one; name, description and tags stay as they
	 * are. When that is what the current revision holds, nothing is saved and the current
	 * revision answered.
	 * @throws DomainException stale when another save came first, not found for an
	 * unknown revision
	 */
	@Transactional
	TemplateViews.Full restore(long id, int number, int basedOn) {
		Template template = find(id);
		if (template.getRevision() != basedOn) {
			throw stale(template.getRevision());
		}
		TemplateRevision restored = revision(template.getId(), number);
		return revise(template, copyOf(template, template.getName(), restored, "Restored revision " + number),
				"TEMPLATE_RESTORE");
	}

	/**
	 * A new template with the current content of another, named after it with
	 * {@code -copy}, or {@code -copy-2} and on when that is taken.
	 */
	@Transactional
	TemplateViews.Full copy(long id) {
		Template source = find(id);
		TemplateRevision current = revision(source.getId(), source.getRevision());
		String name = freeCopyName(source.getName());
		String actor = actor();
		return audited(actor, "TEMPLATE_CLONE", save(new Template(actor, this.clock.instant()),
				copyOf(source, name, current, "Cloned from " + source.getName() + " revision " + source.getRevision()),
				actor));
	}

	/** The template without its manifest, as the library lists it. */
	@Transactional(readOnly = true)
	TemplateViews.Summary summary(long id) {
		return TemplateViews.Summary.of(find(id));
	}

	/** The tags the templates carry, A to Z, each once. */
	@Transactional(readOnly = true)
	List<String> tags() {
		return this.templates.findAllTags();
	}

	@Transactional(readOnly = true)
	TemplateViews.Full get(long id) {
		Template template = find(id);
		return TemplateViews.Full.of(template, revision(template.getId(), template.getRevision()));
	}

	/** The template with its current manifest, if there is one with this id. */
	@Transactional(readOnly = true)
	Optional<TemplateViews.Full> lookup(long id) {
		return this.templates.findById(id)
			.map((template) -> TemplateViews.Full.of(template, revision(template.getId(), template.getRevision())));
	}

	@Transactional(readOnly = true)
	List<TemplateViews.RevisionSummary> revisions(long id) {
		Template template = find(id);
		return this.revisions.summaries(template.getId());
	}

	@Transactional(readOnly = true)
	TemplateViews.Revision revision(long id, int number) {
		return TemplateViews.Revision.of(revision(find(id).getId(), number));
	}

	/**
	 * The current manifest with its placeholders filled in, converted to {@code kind}
	 * unless that is null.
	 * @throws io.podcomposer.manifest.MissingValuesException when required values are
	 * missing
	 */
	@Transactional(readOnly = true)
	KindConversion.Result render(long id, Map<String, String> values, WorkloadKind kind) {
		RenderedTemplate rendered = renderRevision(id, null, values, kind);
		return new KindConversion.Result(rendered.manifest(), rendered.notes());
	}

	/**
	 * A revision (the current one when null) with its placeholders filled in, converted
	 * to {@code kind} unless that is null, for deploying.
	 * @throws io.podcomposer.manifest.MissingValuesException when required values are
	 * missing
	 * @throws DomainException not found when the template or the revision is not there
	 */
	@Transactional(readOnly = true)
	public RenderedTemplate renderRevision(long id, Integer revision, Map<String, String> values, WorkloadKind kind) {
		Template template = find(id);
		int number = (revision != null) ? revision : template.getRevision();
		TemplateRevision chosen = this.revisions.findByTemplateIdAndNumber(template.getId(), number)
			.orElseThrow(() -> new DomainException(Kind.NOT_FOUND,
					"template " + template.getName() + " has no revision " + number));
		Manifest rendered = Manifest.of(Placeholders.substitute(json(chosen.getManifest()),
				TemplateDocument.parameters(chosen.getParameters()), values));
		KindConversion.Result converted = rendered.convertTo((kind != null) ? kind : rendered.kind());
		return new RenderedTemplate(template.getId(), template.getName(), number, template.getRevision(),
				converted.manifest(), converted.notes());
	}

	/**
	 * What the deploy form shows of a template: its kind, its parameters and its
	 * revisions, newest first.
	 */
	@Transactional(readOnly = true)
	public Deployable deployable(long id) {
		TemplateViews.Full template = get(id);
		return new Deployable(template.id(), template.name(), Manifest.of(template.manifest()).kind().kindName(),
				template.revision(), TemplateDocument.parameters(template.parameters()),
				revisions(id).stream().map(TemplateViews.RevisionSummary::revision).toList());
	}

	/** A template as the deploy form offers it; {@code revision} is the current one. */
	public record Deployable(long id, String name, String kind, int revision, List<Placeholders.Parameter> parameters,
			List<Integer> revisions) {
	}

	/**
	 * A template's revision rendered for a deploy; {@code latest} is the template's
	 * current revision.
	 */
	public record RenderedTemplate(long templateId, String templateName, int revision, int latest, Manifest manifest,
			List<String> notes) {
	}

	static JsonNode json(String text) {
		return ManifestReader.readJson(text);
	}

	/**
	 * Saves the document as the template's next revision, unless it holds what the
	 * current one does.
	 */
	private TemplateViews.Full revise(Template template, TemplateDocument document, String action) {
		TemplateRevision current = revision(template.getId(), template.getRevision());
		if (sameContent(template, current, document)) {
			// a revision that changed nothing would only add an empty diff to the history
			return TemplateViews.Full.of(template, current);
		}
		return audited(actor(), action, save(template, document, actor()));
	}

	/**
	 * Whether the document holds what the template's current revision does; the manifest
	 * as stored, so that a change of key order, which the diff shows, is a change. The
	 * message is no content.
	 */
	private static boolean sameContent(Template template, TemplateRevision current, TemplateDocument document) {
		return template.getName().equals(document.name())
				&& Objects.equals(orEmpty(template.getDescription()), orEmpty(document.description()))
				&& new TreeSet<>(template.getTags()).equals(new TreeSet<>(document.tags()))
				&& current.getParameters().equals(document.parametersJson())
				&& current.getManifest().equals(document.manifestJson());
	}

	static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

	private TemplateViews.Full save(Template template, TemplateDocument document, String actor) {
		Instant now = this.clock.instant();
		Manifest manifest = Manifest.of(document.manifest());
		String level = PodSecurityEvaluator.evaluate(new PodView(manifest)).level().id();
		template.change(document, document.parametersJson(), manifest.kind().kindName(), level, actor, now);
		Template saved;
		try {
			// flushed now, so that the version check fails here, before the revision is
			// written
			saved = this.templates.saveAndFlush(template);
		}
		catch (DataIntegrityViolationException ex) {
			// another request took the name between the check and the save
			throw nameTaken(document.name());
		}
		TemplateRevision revision = this.revisions
			.save(new TemplateRevision(saved, document.manifestJson(), actor, document.message()));
		return TemplateViews.Full.of(saved, revision);
	}

	/**
	 * A document that saves a revision's content under the template's description and
	 * tags.
	 */
	private static TemplateDocument copyOf(Template template, String name, TemplateRevision content, String message) {
		// a copy: the template clears its own tag set before it takes the document's
		return new TemplateDocument(name, template.getDescription(), new LinkedHashSet<>(template.getTags()),
				TemplateDocument.parameters(content.getParameters()), json(content.getManifest()), message);
	}

	private String freeCopyName(String name) {
		for (int n = 1;; n++) {
			String suffix = (n == 1) ? "-copy" : "-copy-" + n;
			String candidate = name.substring(0, Math.min(name.length(), TemplateDocument.MAX_NAME - suffix.length()))
					+ suffix;
			if (!this.templates.existsByName(candidate)) {
				return candidate;
			}
		}
	}

	/**
	 * The save's audit entry, in the save's transaction: it stands or falls with the
	 * save, and needs no second connection while the save holds the template's row, which
	 * concurrent saves of the same template wait for, each holding a connection of the
	 * pool.
	 */
	private TemplateViews.Full audited(String actor, String action, TemplateViews.Full saved) {
		this.audit.recordWithin(actor, action, saved.name(), Outcome.SUCCESS, "revision " + saved.revision());
		return saved;
	}

	Template find(long id) {
		return this.templates.findById(id)
			.orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "no template with id " + id));
	}

	TemplateRevision revision(Long templateId, int number) {
		return this.revisions.findByTemplateIdAndNumber(templateId, number)
			.orElseThrow(
					() -> new DomainException(Kind.NOT_FOUND, "template " + templateId + " has no revision " + number));
	}

	static DomainException stale(int current) {
		return new DomainException(Kind.STALE, "the template has changed since; its current revision is " + current);
	}

	private static DomainException nameTaken(String name) {
		return new DomainException(Kind.CONFLICT, "a template named \"" + name + "\" exists");
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : AuditLog.SYSTEM;
	}

}
