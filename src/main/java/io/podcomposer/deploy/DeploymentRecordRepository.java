package io.podcomposer.deploy;

import java.util.List;
import java.util.Optional;

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

	/**
	 * The newest record of each deployed object (cluster, namespace, kind, name), newest
	 * first; a null filter matches every record.
	 */
	@Query(value = "select max(r.id) from DeploymentRecord r where (:templateId is null or r.templateId = :templateId)"
			+ " and (:clusterId is null or r.clusterId = :clusterId)"
			+ " group by r.clusterId, r.namespace, r.kind, r.name order by max(r.id) desc",
			countQuery = "select count(r) from DeploymentRecord r where r.id in (select max(s.id) from DeploymentRecord s"
					+ " where (:templateId is null or s.templateId = :templateId) and (:clusterId is null or s.clusterId = :clusterId)"
					+ " group by s.clusterId, s.namespace, s.kind, s.name)")
	Page<Long> newestOfEachObject(@Param("templateId") Long templateId, @Param("clusterId") Long clusterId,
			Pageable page);

	/** The records of one object in one cluster, newest first. */
	List<DeploymentRecord> findByClusterIdAndNamespaceAndKindAndNameOrderByIdDesc(long clusterId, String namespace,
			String kind, String name, Pageable page);

	/** The newest record of one object that ended in one of these statuses. */
	Optional<DeploymentRecord> findFirstByClusterIdAndNamespaceAndKindAndNameAndStatusInOrderByIdDesc(long clusterId,
			String namespace, String kind, String name, List<DeployStatus> statuses);

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
