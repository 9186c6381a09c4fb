package io.podcomposer.templates;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The templates; none of these queries reads a manifest. */
interface TemplateRepository extends JpaRepository<Template, Long> {

	boolean existsByName(String name);

	Optional<Template> findByName(String name);

	/*
	 * The searches answer ids only, in the pageable's order, so that on H2 a page is found and the
	 * matches counted from one index of the sort columns, the search text and the tags (V5.1),
	 * without reading the templates' rows.
	 */

	@Query(value = "select t.id from Template t", countQuery = "select count(t) from Template t")
	Page<Long> findIds(Pageable pageable);

	/**
	 * The ids of the templates whose search text contains {@code text} (lower case) and whose tag
	 * text contains {@code tagLine} (see {@link Template#tagLine}); either may be empty, which
	 * every template contains.
	 */
	@Query(value = """
			select t.id from Template t
			where locate(:text, t.searchText) > 0 and locate(:tagLine, t.tagText) > 0""", countQuery = """
			select count(t) from Template t
			where locate(:text, t.searchText) > 0 and locate(:tagLine, t.tagText) > 0""")
	Page<Long> findIdsMatching(String text, String tagLine, Pageable pageable);

}
