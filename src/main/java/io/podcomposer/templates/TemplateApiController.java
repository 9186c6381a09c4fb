package io.podcomposer.templates;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.podcomposer.manifest.ManifestAnswer;
import io.podcomposer.manifest.TemplateFields;
import io.podcomposer.manifest.DocumentBody;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.InvalidFieldsException;

import static io.podcomposer.manifest.DocumentBody.JSON;
import static io.podcomposer.manifest.DocumentBody.TEXT_YAML;
import static io.podcomposer.manifest.DocumentBody.X_YAML;
import static io.podcomposer.manifest.DocumentBody.YAML;

/**
 * {@code /api/v1/templates}: the template library over REST. A template's {@code ETag} is
 * its revision; a change must name it in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates")
class TemplateApiController {

	private static final String VALUES = "values.";

	private final TemplateService templates;

	private final TemplateSearch search;

	private final TemplateDiffs diffs;

	TemplateApiController(TemplateService templates, TemplateSearch search, TemplateDiffs diffs) {
		this.templates = templates;
		this.search = search;
		this.diffs = diffs;
	}

	@Operation(summary = "Search templates", description = "q finds the templates whose name, description or tags "
			+ "contain each of its words (at most 20), in any order, ignoring case; newest change first, or by name "
			+ "with sort=name; items come without the manifest")
	@GetMapping(produces = JSON)
	TemplateViews.Page search(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
			@RequestParam(defaultValue = "updated") String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.search.search(q, tag, TemplateSearch.SortOrder.of(sort), page, size);
	}

	@Operation(summary = "Create a template", description = "The body is a template document, as JSON or YAML")
	@PostMapping(consumes = { JSON, YAML, X_YAML, TEXT_YAML }, produces = JSON)
	ResponseEntity<TemplateViews.Full> create(HttpServletRequest request) throws IOException {
		TemplateViews.Full created = this.templates.create(TemplateDocument.from(DocumentBody.read(request)));
		return ResponseEntity.created(URI.create("/api/v1/templates/" + created.id()))
			.eTag(etag(created.revision()))
			.body(created);
	}

	@Operation(summary = "A template with its current manifest; the ETag is its revision")
	@GetMapping(path = "/{id}", produces = JSON)
	ResponseEntity<TemplateViews.Full> get(@PathVariable long id) {
		TemplateViews.Full template = this.templates.get(id);
		return ResponseEntity.ok().eTag(etag(template.revision())).body(template);
	}

	@Operation(summary = "Save a new revision", description = "If-Match must name the current revision: "
			+ "428 without it, 412 when another save came first. A document that changes nothing (name, description, "
			+ "tags, parameters and manifest as the current revision has them; the message aside) saves no revision: "
			+ "the answer is the current one, with its ETag")
	@PutMapping(path = "/{id}", consumes = { JSON, YAML, X_YAML, TEXT_YAML }, produces = JSON)
	ResponseEntity<TemplateViews.Full> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, HttpServletRequest request)
			throws IOException {
		int basedOn = basedOn(ifMatch);
		TemplateViews.Full saved = this.templates.update(id, basedOn,
				TemplateDocument.from(DocumentBody.read(request)));
		return ResponseEntity.ok().eTag(etag(saved.revision())).body(saved);
	}

	@Operation(summary = "Restore a revision", description = "Saves revision n's manifest and parameters as a new "
			+ "revision with the message \"Restored revision n\"; name, description and tags stay. If-Match must name "
			+ "the current revision: 428 without it, 412 when another save came first. When that changes nothing, "
			+ "no revision is saved: the answer is the current one, with its ETag")
	@PostMapping(path = "/{id}/revisions/{number}/restore", produces = JSON)
	ResponseEntity<TemplateViews.Full> restore(@PathVariable long id, @PathVariable int number,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		TemplateViews.Full saved = this.templates.restore(id, number, basedOn(ifMatch));
		return ResponseEntity.ok().eTag(etag(saved.revision())).body(saved);
	}

	@Operation(summary = "Delete a template and its revisions")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.templates.delete(id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The revisions of a template, newest first, each with the tags it was saved with")
	@GetMapping(path = "/{id}/revisions", produces = JSON)
	List<TemplateViews.RevisionSummary> revisions(@PathVariable long id) {
		return this.templates.revisions(id);
	}

	@Operation(summary = "One revision of a template, with the description and tags it was saved with")
	@GetMapping(path = "/{id}/revisions/{number}", produces = JSON)
	TemplateViews.Revision revision(@PathVariable long id, @PathVariable int number) {
		return this.templates.revision(id, number);
	}

	@Operation(summary = "A unified diff of two revisions' manifests, as YAML",
			description = "When the revisions' descriptions differ, their diff comes first, with headers "
					+ "--- revision N description and +++ revision M description; then, when their tags differ, "
					+ "the diff of the tags, one a line, A to Z, with headers --- revision N tags and +++ revision M tags")
	@GetMapping(path = "/{id}/diff", produces = MediaType.TEXT_PLAIN_VALUE)
	String diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
		return this.diffs.diff(id, from, to);
	}

	@Operation(summary = "Render the current manifest",
			description = "Values come as values.NAME=value; "
					+ "kind= converts the output; YAML unless Accept asks for JSON")
	@GetMapping(path = "/{id}/render", produces = { YAML, X_YAML, TEXT_YAML, JSON })
	ResponseEntity<String> render(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam Map<String, String> query, HttpServletRequest request) {
		return ManifestAnswer.of(this.templates.render(id, queryValues(query), ManifestAnswer.targetKind(kind)),
				request);
	}

	/** The values a query or a form gives as {@code values.NAME=value}, by name. */
	static Map<String, String> queryValues(Map<String, String> query) {
		Map<String, String> values = new HashMap<>();
		query.forEach((name, value) -> {
			if (name.startsWith(VALUES)) {
				values.put(name.substring(VALUES.length()), value);
			}
		});
		return values;
	}

	@Operation(summary = "Render the current manifest with the body's values",
			description = "The body is {\"values\": {\"NAME\": \"value\"}}, as JSON or YAML")
	@PostMapping(path = "/{id}/render", consumes = { JSON, YAML, X_YAML, TEXT_YAML },
			produces = { YAML, X_YAML, TEXT_YAML, JSON })
	ResponseEntity<String> render(@PathVariable long id, @RequestParam(required = false) String kind,
			HttpServletRequest request) throws IOException {
		Map<String, String> values = values(DocumentBody.read(request).path("values"));
		return ManifestAnswer.of(this.templates.render(id, values, ManifestAnswer.targetKind(kind)), request);
	}

	private static Map<String, String> values(JsonNode node) {
		Map<String, String> values = new HashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		if (node.isObject()) {
			node.properties()
				.forEach((entry) -> values.put(entry.getKey(),
						TemplateFields.scalar(entry.getValue(), "values." + entry.getKey(), problems)));
		}
		else if (!node.isMissingNode() && !node.isNull()) {
			problems.add(new FieldProblem("values", "must be an object of NAME: value", "type"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return values;
	}

	private static String etag(int revision) {
		return "\"" + revision + "\"";
	}

	/**
	 * The revision a change is based on, from its {@code If-Match}.
	 * @throws ResponseStatusException 428 when there is none
	 */
	private static int basedOn(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
					"If-Match with the revision the change is based on is required, as in If-Match: \"3\"");
		}
		return revisionOf(ifMatch);
	}

	/**
	 * The revision an {@code If-Match} names; one that names none matches nothing, so it
	 * is stale.
	 */
	private static int revisionOf(String ifMatch) {
		String tag = ifMatch.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		try {
			return Integer.parseInt(tag);
		}
		catch (NumberFormatException ex) {
			throw TemplateService.stale(-1);
		}
	}

}
