package io.podcomposer.templates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.podcomposer.compose.ComposerService;
import io.podcomposer.manifest.ManifestAnswer;
import io.podcomposer.compose.PreviewView;
import io.podcomposer.manifest.KindConversion;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestTooLargeException;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.MissingValuesException;
import io.podcomposer.manifest.Placeholders.Parameter;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.security.PageProblem;
import io.podcomposer.security.Role;
import io.podcomposer.system.DomainException;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.HtmxFragments;
import io.podcomposer.system.LineDiff;

/**
 * The library pages: the list with search, tag filter and paging, and a page per template
 * with its YAML, pod picture, checks, parameters and revisions. Lists and fragments share
 * URLs with their full pages: an {@code HX-Request} gets the piece it swaps.
 */
@Controller
@RequestMapping("/templates")
class TemplatePagesController {

	static final int PAGE_SIZE = 20;

	private static final List<String> KINDS = Arrays.stream(WorkloadKind.values()).map(WorkloadKind::kindName).toList();

	private static final String TEMPLATE = "redirect:/templates/{id}";

	private final TemplateService templates;

	private final TemplateSearch search;

	private final TemplateDiffs diffs;

	private final ComposerService composer;

	private final RoleHierarchy roles;

	TemplatePagesController(TemplateService templates, TemplateSearch search, TemplateDiffs diffs,
			ComposerService composer, RoleHierarchy roles) {
		this.templates = templates;
		this.search = search;
		this.diffs = diffs;
		this.composer = composer;
		this.roles = roles;
	}

	/**
	 * A search as the library shows it; {@code sort} is {@code updated} or {@code name}.
	 */
	record Library(String q, String tag, String sort, TemplateViews.Page found, Pager pager) {

		public boolean filtered() {
			return !this.q.isEmpty() || !this.tag.isEmpty();
		}

	}

	/** Page links: 0-based page numbers to link, with -1 where some are left out. */
	record Pager(int page, int pages, List<Integer> links) {

		static Pager of(TemplateViews.Page found) {
			int pages = (int) Math.max(1, (found.total() + found.size() - 1) / found.size());
			List<Integer> links = new ArrayList<>();
			for (int n = 0; n < pages; n++) {
				// the first, the last and two either side of the current one
				if (n == 0 || n == pages - 1 || Math.abs(n - found.page()) <= 2) {
					links.add(n);
				}
				else if (links.get(links.size() - 1) != -1) {
					links.add(-1);
				}
			}
			return new Pager(found.page(), pages, links);
		}

	}

	/**
	 * A template as its page shows it; {@code preview} is the composer's view of its
	 * manifest.
	 */
	record TemplatePage(TemplateViews.Full template, String kind, List<Parameter> parameters, PreviewView preview,
			List<TemplateViews.RevisionSummary> revisions, List<String> kinds) {
	}

	/**
	 * The template rendered with values: the YAML and what a conversion noted, or why it
	 * could not be.
	 */
	record Rendered(String yaml, List<String> notes, String problem) {
	}

	/**
	 * Two revisions compared, their descriptions, tags and manifests; {@code split} for
	 * side by side.
	 */
	record DiffPage(TemplateViews.Summary template, int from, int to, boolean split,
			List<LineDiff.Hunk> descriptionHunks, List<LineDiff.Hunk> tagHunks, List<LineDiff.Hunk> hunks,
			List<TemplateViews.RevisionSummary> revisions) {

		/** The two revisions compared, older first; one when they are the same. */
		public List<TemplateViews.RevisionSummary> compared() {
			return Stream.of(this.from, this.to)
				.distinct()
				.flatMap((number) -> this.revisions.stream().filter((r) -> r.revision() == number))
				.toList();
		}

		public long added() {
			return count(LineDiff.Change.ADDED);
		}

		public long removed() {
			return count(LineDiff.Change.REMOVED);
		}

		private long count(LineDiff.Change change) {
			return Stream.of(this.descriptionHunks, this.tagHunks, this.hunks)
				.flatMap(List::stream)
				.flatMap((hunk) -> hunk.lines().stream())
				.filter((line) -> line.change() == change)
				.count();
		}

	}

	/** Whether the user may change templates; pages hide what they may not do. */
	@ModelAttribute("canEdit")
	boolean canEdit(Authentication authentication) {
		return authentication != null && this.roles.getReachableGrantedAuthorities(authentication.getAuthorities())
			.stream()
			.anyMatch((authority) -> Role.EDITOR.authority().equals(authority.getAuthority()));
	}

	@GetMapping
	String library(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String tag,
			@RequestParam(defaultValue = "updated") String sort, @RequestParam(defaultValue = "0") int page,
			HtmxRequest htmx, Model model) {
		TemplateSearch.SortOrder order = TemplateSearch.SortOrder.of(sort);
		TemplateViews.Page found = this.search.search(q, tag, order, page, PAGE_SIZE);
		model.addAttribute("library",
				new Library(q.trim(), tag.trim(), order.name().toLowerCase(Locale.ROOT), found, Pager.of(found)));
		if (HtmxFragments.wanted(htmx)) {
			model.addAttribute("partial", true);
			return "templates/library :: results";
		}
		model.addAttribute("allTags", this.templates.tags());
		return "templates/library";
	}

	@GetMapping("/{id}")
	String template(@PathVariable long id, Model model) {
		model.addAttribute("page", templatePage(id));
		return "templates/template";
	}

	/**
	 * The template rendered with the values given as {@code values.NAME}; an empty one
	 * takes the default.
	 */
	@GetMapping("/{id}/render")
	String render(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam Map<String, String> query, HtmxRequest htmx, Model model) {
		Map<String, String> values = TemplateApiController.queryValues(query);
		values.values().removeIf(String::isBlank);
		model.addAttribute("rendered", rendered(id, values, kind));
		if (HtmxFragments.wanted(htmx)) {
			return "templates/template :: rendered";
		}
		model.addAttribute("page", templatePage(id));
		model.addAttribute("values", values);
		model.addAttribute("renderKind", kind);
		return "templates/template";
	}

	/** Two revisions compared, by default the current one and the one before. */
	@GetMapping("/{id}/diff")
	String diff(@PathVariable long id, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, @RequestParam(defaultValue = "unified") String view,
			Model model) {
		TemplateViews.Summary template = this.templates.summary(id);
		int newer = (to != null) ? to : template.revision();
		int older = (from != null) ? from : Math.max(1, newer - 1);
		model.addAttribute("diff",
				new DiffPage(template, older, newer, "split".equals(view),
						this.diffs.descriptionHunks(id, older, newer), this.diffs.tagHunks(id, older, newer),
						this.diffs.diffHunks(id, older, newer), this.templates.revisions(id)));
		return "templates/diff";
	}

	/**
	 * Restores a revision, if the template is still at {@code basedOn}, the revision the
	 * user saw.
	 */
	@PostMapping("/{id}/revisions/{number}/restore")
	String restore(@PathVariable long id, @PathVariable int number, @RequestParam int basedOn,
			RedirectAttributes flash) {
		try {
			TemplateViews.Full saved = this.templates.restore(id, number, basedOn);
			flash.addFlashAttribute("notice",
					(saved.revision() == basedOn)
							? "Nothing to restore: revision " + number + " has the manifest and parameters of revision "
									+ basedOn + ", the current one."
							: "Revision " + number + " restored as revision " + saved.revision() + ".");
		}
		catch (DomainException ex) {
			if (ex.kind() != Kind.STALE) {
				throw ex;
			}
			flashStale(id, flash);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			flashStale(id, flash);
		}
		return TEMPLATE;
	}

	@PostMapping("/{id}/clone")
	String copy(@PathVariable long id, RedirectAttributes flash) {
		TemplateViews.Full copy = this.templates.copy(id);
		flash.addFlashAttribute("notice", "Cloned as " + copy.name() + ".");
		return "redirect:/templates/" + copy.id();
	}

	/** Asks before deleting; a page of its own, so that it works without JavaScript. */
	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("template", this.templates.summary(id));
		return "templates/delete";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes flash) {
		flash.addFlashAttribute("notice", "Template " + this.templates.delete(id) + " deleted.");
		return "redirect:/templates";
	}

	@GetMapping("/{id}/manifest.yaml")
	ResponseEntity<byte[]> manifestYaml(@PathVariable long id) {
		TemplateViews.Full template = this.templates.get(id);
		return download(template.name() + ".yaml", MediaType.parseMediaType("application/yaml"),
				ManifestWriter.toYaml(template.manifest()));
	}

	@GetMapping("/{id}/manifest.json")
	ResponseEntity<byte[]> manifestJson(@PathVariable long id) {
		TemplateViews.Full template = this.templates.get(id);
		return download(template.name() + ".json", MediaType.APPLICATION_JSON,
				ManifestWriter.toJson(template.manifest()));
	}

	private TemplatePage templatePage(long id) {
		TemplateViews.Full template = this.templates.get(id);
		Manifest manifest = Manifest.of(template.manifest());
		return new TemplatePage(template, manifest.kind().kindName(),
				TemplateDocument.parameters(template.parameters()),
				this.composer.preview(manifest, List.of(), List.of()), this.templates.revisions(id), KINDS);
	}

	private Rendered rendered(long id, Map<String, String> values, String kind) {
		try {
			KindConversion.Result result = this.templates.render(id, values, ManifestAnswer.targetKind(kind));
			return new Rendered(ManifestWriter.toYaml(result.manifest().root()), result.notes(), null);
		}
		catch (MissingValuesException ex) {
			String names = String.join(", ", ex.names());
			return new Rendered(null, List.of(),
					(ex.names().size() == 1) ? "Enter a value for " + names + ": it is required and has no default."
							: "Enter values for " + names + ": they are required and have no default.");
		}
		catch (UnsupportedManifestException | ManifestTooLargeException ex) {
			return new Rendered(null, List.of(), "Could not render: " + ex.getMessage());
		}
	}

	private void flashStale(long id, RedirectAttributes flash) {
		flash.addFlashAttribute("problem",
				new PageProblem("restore",
						"Nothing was restored: the template was changed "
								+ "since you opened it and is now at revision " + this.templates.summary(id).revision()
								+ ". Look at the revisions, then restore again if you still want to."));
	}

	private static ResponseEntity<byte[]> download(String fileName, MediaType type, String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType(type, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

}
