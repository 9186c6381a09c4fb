package io.podcomposer.templates;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The revisions of the templates. */
interface TemplateRevisionRepository extends JpaRepository<TemplateRevision, Long> {

	Optional<TemplateRevision> findByTemplateIdAndNumber(Long templateId, int number);

	List<TemplateRevision> findByTemplateIdOrderByNumberDesc(Long templateId);

	@Modifying
	@Query("delete from TemplateRevision r where r.templateId = :templateId")
	void deleteByTemplate(Long templateId);

}
