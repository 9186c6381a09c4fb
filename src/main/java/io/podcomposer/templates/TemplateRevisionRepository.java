package io.podcomposer.templates;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The revisions of the templates. */
interface TemplateRevisionRepository extends JpaRepository<TemplateRevision, Long> {

	Optional<TemplateRevision> findByTemplateIdAndNumber(Long templateId, int number);

	/** A template's revisions, newest first, without their manifests, with their tags. */
	@Query("""
			select new io.podcomposer.templates.TemplateViews$RevisionSummary(r.number, r.author, r.createdAt, r.message,
				r.tagText)
			from TemplateRevision r where r.templateId = :templateId order by r.number desc""")
	List<TemplateViews.RevisionSummary> summaries(Long templateId);

	@Modifying
	@Query("delete from TemplateRevision r where r.templateId = :templateId")
	void deleteByTemplate(Long templateId);

}
