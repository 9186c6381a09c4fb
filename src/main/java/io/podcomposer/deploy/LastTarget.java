package io.podcomposer.deploy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Where a user last deployed to: the deploy form starts there, so that deploying again is
 * one click.
 */
@Entity
@Table(name = "deploy_target")
class LastTarget {

	@Id
	@Column(length = 64)
	private String username;

	@Column(name = "cluster_id", nullable = false)
	private long clusterId;

	@Column(nullable = false, length = 63)
	private String namespace;

	protected LastTarget() {
	}

	LastTarget(String username, long clusterId, String namespace) {
		this.username = username;
		this.clusterId = clusterId;
		this.namespace = namespace;
	}

	long getClusterId() {
		return this.clusterId;
	}

	String getNamespace() {
		return this.namespace;
	}

}
