package io.podcomposer.templates;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The templates; none of these queries reads a manifest. */
interface TemplateRepository extends JpaRepository<Template, Long> {

	boolean existsByName(String name);

	Optional<Template> findByName(String name);

	@Query("select distinct g from Template t join t.tags g order by g")
	List<String> findAllTags();

	/**
	 * Templates whose name, description or a tag contains {@code pattern} (lower case, a LIKE
	 * pattern), and that carry {@code tag} unless it is empty; in the pageable's order.
	 */
	@Query(value = """
			select t from Template t
			where (lower(t.name) like :pattern escape '\\' or lower(t.description) like :pattern escape '\\'
				or exists (select 1 from Template s join s.tags g where s = t and lower(g) like :pattern escape '\\'))
			and (:tag = '' or :tag member of t.tags)""", countQuery = """
			select count(t) from Template t
			where (lower(t.name) like :pattern escape '\\' or lower(t.description) like :pattern escape '\\'
				or exists (select 1 from Template s join s.tags g where s = t and lower(g) like :pattern escape '\\'))
			and (:tag = '' or :tag member of t.tags)""")
	Page<Template> search(String pattern, String tag, Pageable pageable);

}
