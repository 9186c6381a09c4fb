package io.podcomposer.templates;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

/** The templates; none of these queries reads a manifest, but the export's. */
interface TemplateRepository extends JpaRepository<Template, Long>, TemplateWordSearch {

	boolean existsByName(String name);

	Optional<Template> findByName(String name);

	/**
	 * Every tag in use, A to Z, each once; from the tag table's index alone, not joined
	 * to the templates.
	 */
	@NativeQuery("select distinct tag from template_tag order by tag")
	List<String> findAllTags();

	/*
	 * The searches answer ids only, in the pageable's order, so that on H2 a page is
	 * found and the matches counted from one index of the sort columns, the search text
	 * and the tags (V5.1), without reading the templates' rows.
	 */

	@Query(value = "select t.id from Template t", countQuery = "select count(t) from Template t")
	Page<Long> findIds(Pageable pageable);

	/*
	 * A query for each filter, each testing only what it filters by: a LIKE '%' on every
	 * row costs H2 a column read and a pattern set up per row, and leaves PostgreSQL's
	 * generic plan guessing. The patterns are LIKE patterns with {@code !} as the escape
	 * character. LIKE rather than LOCATE, so that PostgreSQL's trigram indexes
	 * (db/vendor/postgresql) can serve them. The text search, with a LIKE per word, is
	 * TemplateWordSearch's.
	 */

	/** The ids of the templates whose tag text is like {@code tags}. */
	@Query(value = "select t.id from Template t where t.tagText like :tags escape '!'",
			countQuery = "select count(t) from Template t where t.tagText like :tags escape '!'")
	Page<Long> findIdsTagged(String tags, Pageable pageable);

	/** The LIKE pattern of the searches that matches {@code text} anywhere. */
	static String anywhere(String text) {
		return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	/**
	 * The templates after {@code afterId} in id order, each with its current manifest,
	 * that carry {@code tag} unless it is empty: one page of an export. Rows, not
	 * entities, so that a long export keeps nothing in the persistence context.
	 */
	@Query("""
			select t.id as id, t.name as name, t.description as description, t.parameters as parameters,
				t.revision as revision, t.createdAt as createdAt, t.createdBy as createdBy, t.updatedAt as updatedAt,
				t.updatedBy as updatedBy, r.manifest as manifest
			from Template t join TemplateRevision r on r.templateId = t.id and r.number = t.revision
			where t.id > :afterId and (:tag = '' or :tag member of t.tags)
			order by t.id""")
	List<ExportRow> exportPage(long afterId, String tag, Limit limit);

	/** The tags of the templates {@code ids}, a row per tag. */
	@Query("select t.id as templateId, g as tag from Template t join t.tags g where t.id in :ids")
	List<TagRow> tagsOf(Collection<Long> ids);

	/** A template with its current manifest, as an export writes it. */
	interface ExportRow {

		Long getId();

		String getName();

		String getDescription();

		String getParameters();

		int getRevision();

		Instant getCreatedAt();

		String getCreatedBy();

		Instant getUpdatedAt();

		String getUpdatedBy();

		String getManifest();

	}

	/** One tag of one template. */
	interface TagRow {

		Long getTemplateId();

		String getTag();

	}

}
