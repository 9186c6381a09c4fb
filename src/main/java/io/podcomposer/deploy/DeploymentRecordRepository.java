package io.podcomposer.deploy;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeploymentRecordRepository extends JpaRepository<DeploymentRecord, Long> {

	/** Newest first; a null filter matches every record. */
	@Query("select r from DeploymentRecord r where (:templateId is null or r.templateId = :templateId)"
			+ " and (:clusterId is null or r.clusterId = :clusterId) order by r.id desc")
	Page<DeploymentRecord> search(@Param("templateId") Long templateId, @Param("clusterId") Long clusterId,
			Pageable page);

	/** The template's records that put an object into a cluster, newest first. */
	List<DeploymentRecord> findByTemplateIdAndStatusInOrderByIdDesc(long templateId, List<DeployStatus> statuses);

	/** The records of one object in one cluster that ended in this status. */
	List<DeploymentRecord> findByClusterIdAndNamespaceAndKindAndNameAndStatus(long clusterId, String namespace,
			String kind, String name, DeployStatus status);

	/** The templates deployed so far, each once: what the history can be filtered by. */
	@Query("select new io.podcomposer.deploy.DeploymentRecordRepository$Named(r.templateId, max(r.templateName))"
			+ " from DeploymentRecord r group by r.templateId order by max(r.templateName)")
	List<Named> deployedTemplates();

	/** The clusters deployed to so far, each once, also those removed since. */
	@Query("select new io.podcomposer.deploy.DeploymentRecordRepository$Named(r.clusterId, max(r.clusterName))"
			+ " from DeploymentRecord r group by r.clusterId order by max(r.clusterName)")
	List<Named> deployedToClusters();

	/** A template or a cluster the records name. */
	record Named(long id, String name) {
	}

}
