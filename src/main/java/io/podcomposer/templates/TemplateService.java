package io.podcomposer.templates;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import io.podcomposer.manifest.KindConversion;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.Placeholders;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.PodSecurityEvaluator;
import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.security.AuditLog;

/**
 * The template library: every save makes a new immutable revision, and a save names the
 * revision it was based on, so that a concurrent change is refused rather than overwritten.
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

	/** Creates a template in the name of {@code actor}, who need not be the signed-in user. */
	@Transactional
	TemplateViews.Full create(TemplateDocument document, String actor) {
		if (this.templates.existsByName(document.name())) {
			throw nameTaken(document.name());
		}
		Template template = new Template(actor, this.clock.instant());
		return save(template, document, actor, "TEMPLATE_CREATE");
	}

	/**
	 * Saves the document as the next revision of the template, if {@code basedOn} is still its
	 * current revision.
	 * @throws ResponseStatusException 412 when another save came first
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
		return save(template, document, actor(), "TEMPLATE_UPDATE");
	}

	@Transactional
	void delete(long id) {
		Template template = find(id);
		this.revisions.deleteByTemplate(template.getId());
		this.templates.delete(template);
		this.audit.record("TEMPLATE_DELETE", template.getName(), Outcome.SUCCESS,
				"at revision " + template.getRevision());
	}

	@Transactional(readOnly = true)
	TemplateViews.Full get(long id) {
		Template template = find(id);
		return TemplateViews.Full.of(template, revision(template.getId(), template.getRevision()));
	}

	/**
	 * Templates whose name, description or a tag contains {@code q}, ignoring case; by name, or
	 * newest change first.
	 */
	@Transactional(readOnly = true)
	TemplateViews.Page search(String q, String tag, SortOrder order, int page, int size) {
		int pageNumber = Math.max(page, 0);
		int pageSize = Math.min(Math.max(size, 1), 200);
		String text = (q == null) ? "" : q.trim().toLowerCase(Locale.ROOT);
		String tagged = (tag == null) ? "" : tag.trim();
		PageRequest request = PageRequest.of(pageNumber, pageSize, order.sort());
		// unfiltered, the count is the table's, which the database knows without a scan
		org.springframework.data.domain.Page<Long> found = (text.isEmpty() && tagged.isEmpty())
				? this.templates.findIds(request)
				: this.templates.findIdsMatching(text, tagged.isEmpty() ? "" : Template.tagLine(tagged), request);
		Map<Long, Template> byId = new HashMap<>();
		this.templates.findAllById(found.getContent()).forEach((template) -> byId.put(template.getId(), template));
		// in the order found; one deleted since is left out
		List<TemplateViews.Summary> items = found.getContent()
			.stream()
			.filter(byId::containsKey)
			.map((id) -> TemplateViews.Summary.of(byId.get(id)))
			.toList();
		return new TemplateViews.Page(items, pageNumber, pageSize, found.getTotalElements());
	}

	/** How a search is ordered. */
	enum SortOrder {

		/** Newest change first. */
		UPDATED(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))),
		/** By name, A to Z. */
		NAME(Sort.by("name"));

		private final Sort sort;

		SortOrder(Sort sort) {
			this.sort = sort;
		}

		Sort sort() {
			return this.sort;
		}

		/**
		 * Reads {@code updated} or {@code name}.
		 * @throws ResponseStatusException 400 for anything else
		 */
		static SortOrder of(String text) {
			for (SortOrder order : values()) {
				if (order.name().equalsIgnoreCase(text)) {
					return order;
				}
			}
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sort must be updated or name, not " + text);
		}

	}

	@Transactional(readOnly = true)
	List<TemplateViews.RevisionSummary> revisions(long id) {
		Template template = find(id);
		return this.revisions.findByTemplateIdOrderByNumberDesc(template.getId())
			.stream()
			.map(TemplateViews.RevisionSummary::of)
			.toList();
	}

	@Transactional(readOnly = true)
	TemplateViews.Revision revision(long id, int number) {
		return TemplateViews.Revision.of(revision(find(id).getId(), number));
	}

	/** The unified diff of two revisions' manifests, as YAML. */
	@Transactional(readOnly = true)
	String diff(long id, int from, int to) {
		Template template = find(id);
		String before = ManifestWriter.toYaml(json(revision(template.getId(), from).getManifest()));
		String after = ManifestWriter.toYaml(json(revision(template.getId(), to).getManifest()));
		return LineDiff.unified("revision " + from, before, "revision " + to, after);
	}

	/**
	 * The current manifest with its placeholders filled in, converted to {@code kind} unless
	 * that is null.
	 * @throws io.podcomposer.manifest.MissingValuesException when required values are missing
	 */
	@Transactional(readOnly = true)
	KindConversion.Result render(long id, Map<String, String> values, WorkloadKind kind) {
		Template template = find(id);
		TemplateRevision current = revision(template.getId(), template.getRevision());
		Manifest rendered = Manifest.of(Placeholders.substitute(json(current.getManifest()),
				TemplateDocument.parameters(current.getParameters()), values));
		return rendered.convertTo((kind != null) ? kind : rendered.kind());
	}

	static JsonNode json(String text) {
		return ManifestReader.readJson(text);
	}

	private TemplateViews.Full save(Template template, TemplateDocument document, String actor, String action) {
		Instant now = this.clock.instant();
		Manifest manifest = Manifest.of(document.manifest());
		String level = PodSecurityEvaluator.evaluate(new PodView(manifest)).level().id();
		template.change(document, document.parametersJson(), manifest.kind().kindName(), level, actor, now);
		Template saved;
		try {
			// flushed now, so that the version check fails here, before the revision is written
			saved = this.templates.saveAndFlush(template);
		}
		catch (DataIntegrityViolationException ex) {
			// another request took the name between the check and the save
			throw nameTaken(document.name());
		}
		TemplateRevision revision = this.revisions
			.save(new TemplateRevision(saved, document.manifestJson(), actor, document.message()));
		this.audit.record(actor, action, saved.getName(), Outcome.SUCCESS, "revision " + saved.getRevision());
		return TemplateViews.Full.of(saved, revision);
	}

	private Template find(long id) {
		return this.templates.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no template with id " + id));
	}

	private TemplateRevision revision(Long templateId, int number) {
		return this.revisions.findByTemplateIdAndNumber(templateId, number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"template " + templateId + " has no revision " + number));
	}

	static ResponseStatusException stale(int current) {
		return new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
				"the template has changed since; its current revision is " + current);
	}

	private static ResponseStatusException nameTaken(String name) {
		return new ResponseStatusException(HttpStatus.CONFLICT, "a template named \"" + name + "\" exists");
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : AuditLog.SYSTEM;
	}

}
