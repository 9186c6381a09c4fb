package io.podcomposer.deploy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One deploy: who deployed which revision of which template, with which values, where,
 * and how it ended in the cluster's words. The rendered manifest is kept, so that
 * redeploy and drift do not depend on the template still being there.
 */
@Entity
@Table(name = "deployment_record")
class DeploymentRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "template_id", nullable = false)
	private long templateId;

	@Column(name = "template_name", nullable = false, length = 253)
	private String templateName;

	@Column(nullable = false)
	private int revision;

	/** The parameter values, as a JSON object. */
	@Column(name = "parameter_values", nullable = false, length = 1048576)
	private String parameterValues;

	@Column(name = "cluster_id", nullable = false)
	private long clusterId;

	@Column(name = "cluster_name", nullable = false, length = 63)
	private String clusterName;

	@Column(nullable = false, length = 63)
	private String namespace;

	@Column(nullable = false, length = 32)
	private String kind;

	@Column(nullable = false, length = 253)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private DeployStatus status;

	@Column(length = 1048576)
	private String message;

	/** One warning per line. */
	@Column(nullable = false, length = 1048576)
	private String warnings;

	/**
	 * The unified diff from the live object to the applied one, when there was a live
	 * one.
	 */
	@Column(length = 1048576)
	private String diff;

	/** The rendered manifest, as JSON. */
	@Column(nullable = false, length = 1048576)
	private String manifest;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, length = 64)
	private String createdBy;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	@Column(name = "deleted_by", length = 64)
	private String deletedBy;

	protected DeploymentRecord() {
	}

	DeploymentRecord(DeployTarget target, String parameterValues, String manifest, String kind, String name,
			Instant createdAt, String createdBy) {
		this.templateId = target.templateId();
		this.templateName = target.templateName();
		this.revision = target.revision();
		this.clusterId = target.clusterId();
		this.clusterName = target.clusterName();
		this.namespace = target.namespace();
		this.parameterValues = parameterValues;
		this.manifest = manifest;
		this.kind = kind;
		this.name = name;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.warnings = "";
	}

	void end(DeployStatus status, String message, String warnings, String diff) {
		this.status = status;
		this.message = message;
		this.warnings = warnings;
		this.diff = diff;
	}

	void markDeleted(Instant at, String by) {
		this.status = DeployStatus.Deleted;
		this.deletedAt = at;
		this.deletedBy = by;
	}

	Long getId() {
		return this.id;
	}

	long getTemplateId() {
		return this.templateId;
	}

	String getTemplateName() {
		return this.templateName;
	}

	int getRevision() {
		return this.revision;
	}

	String getParameterValues() {
		return this.parameterValues;
	}

	long getClusterId() {
		return this.clusterId;
	}

	String getClusterName() {
		return this.clusterName;
	}

	String getNamespace() {
		return this.namespace;
	}

	String getKind() {
		return this.kind;
	}

	String getName() {
		return this.name;
	}

	DeployStatus getStatus() {
		return this.status;
	}

	String getMessage() {
		return this.message;
	}

	String getWarnings() {
		return this.warnings;
	}

	String getDiff() {
		return this.diff;
	}

	String getManifest() {
		return this.manifest;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	Instant getDeletedAt() {
		return this.deletedAt;
	}

	String getDeletedBy() {
		return this.deletedBy;
	}

}
