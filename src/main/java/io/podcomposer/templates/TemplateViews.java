package io.podcomposer.templates;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** What the templates API answers: records made from the entities, never the entities. */
final class TemplateViews {

	private TemplateViews() {
	}

	/** A template in a list: everything but the manifest. */
	record Summary(Long id, String name, String description, List<String> tags, JsonNode parameters, String kind,
			String podSecurityLevel, int revision, Instant createdAt, String createdBy, Instant updatedAt,
			String updatedBy) {

		static Summary of(Template template) {
			return new Summary(template.getId(), template.getName(), template.getDescription(),
					sorted(template.getTags()), TemplateService.json(template.getParameters()), template.getKind(),
					template.getPodSecurityLevel(), template.getRevision(), template.getCreatedAt(),
					template.getCreatedBy(), template.getUpdatedAt(), template.getUpdatedBy());
		}

	}

	/** A template document with its current manifest. */
	record Full(Long id, String name, String description, List<String> tags, JsonNode parameters, JsonNode manifest,
			int revision, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

		static Full of(Template template, TemplateRevision current) {
			return new Full(template.getId(), template.getName(), template.getDescription(), sorted(template.getTags()),
					TemplateService.json(template.getParameters()), TemplateService.json(current.getManifest()),
					template.getRevision(), template.getCreatedAt(), template.getCreatedBy(), template.getUpdatedAt(),
					template.getUpdatedBy());
		}

	}

	/**
	 * What an import did: the templates it created, and the library entries it left out
	 * because the library holds them unchanged, and the names it changed because they
	 * were taken.
	 */
	record ImportResult(List<Full> items, List<Skipped> skipped, List<Renamed> renamed) {
	}

	/** A library entry an import left out, with why. */
	record Skipped(String name, String reason) implements Serializable {
	}

	/** A template imported under another name than its own, which was taken. */
	record Renamed(String from, String to) implements Serializable {
	}

	/** One page of a search. */
	record Page(List<Summary> items, int page, int size, long total) {
	}

	/**
	 * A revision in the list of a template's revisions, with the tags it was saved with.
	 */
	record RevisionSummary(int revision, String author, Instant createdAt, String message, List<String> tags) {

		/** As the revisions query reads it: the tags as {@code tag_text}. */
		RevisionSummary(int revision, String author, Instant createdAt, String message, String tagText) {
			this(revision, author, createdAt, message, Template.tags(tagText));
		}

	}

	/** One revision, with what it saved. */
	record Revision(int revision, String author, Instant createdAt, String message, String description,
			List<String> tags, JsonNode parameters, JsonNode manifest) {

		static Revision of(TemplateRevision revision) {
			return new Revision(revision.getNumber(), revision.getAuthor(), revision.getCreatedAt(),
					revision.getMessage(), revision.getDescription(), revision.getTags(),
					TemplateService.json(revision.getParameters()), TemplateService.json(revision.getManifest()));
		}

	}

	private static List<String> sorted(Set<String> tags) {
		return tags.stream().sorted().toList();
	}

}
