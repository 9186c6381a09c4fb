package io.podcomposer.clusters;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.podcomposer.security.AuditLog;

/**
 * A cluster the portal can deploy to, with its credentials encrypted
 * ({@link CredentialCipher}).
 */
@Entity
@Table(name = "cluster")
public class Cluster {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 63)
	private String name;

	@Column(nullable = false, length = 2048)
	private String server;

	@Column(name = "context_name", nullable = false, length = 253)
	private String contextName;

	/** The namespace the kubeconfig's context names; null without one. */
	@Column(name = "default_namespace", length = 63)
	private String defaultNamespace;

	@Enumerated(EnumType.STRING)
	@Column(name = "auth_kind", nullable = false, length = 32)
	private AuthKind authKind;

	@Column(nullable = false)
	private boolean insecure;

	@Column(name = "ca_data", length = 1048576)
	private String caData;

	/** Base64 of the IV and the ciphertext. */
	@Column(nullable = false, length = 1048576)
	private String credentials;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, length = 64)
	private String createdBy;

	protected Cluster() {
	}

	Cluster(String name, Kubeconfig kubeconfig, String encryptedCredentials, Instant createdAt, String createdBy) {
		this.name = name;
		this.server = kubeconfig.server();
		this.contextName = kubeconfig.context();
		this.defaultNamespace = kubeconfig.namespace();
		this.authKind = kubeconfig.credentials().kind();
		this.insecure = kubeconfig.insecure();
		this.caData = kubeconfig.certificateAuthorityData();
		this.credentials = encryptedCredentials;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	/**
	 * The cluster the portal runs in, reached with its service account: no secret is
	 * stored for it.
	 */
	static Cluster inCluster(String server, String encryptedCredentials, Instant createdAt) {
		Cluster cluster = new Cluster();
		cluster.name = InClusterAccount.NAME;
		cluster.server = server;
		cluster.contextName = InClusterAccount.NAME;
		cluster.authKind = AuthKind.SERVICE_ACCOUNT;
		cluster.credentials = encryptedCredentials;
		cluster.createdAt = createdAt;
		cluster.createdBy = AuditLog.SYSTEM;
		return cluster;
	}

	/** The in-cluster address, as the portal's pod sees it now. */
	void moveTo(String server) {
		this.server = server;
	}

	public boolean isInCluster() {
		return this.authKind == AuthKind.SERVICE_ACCOUNT;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getServer() {
		return this.server;
	}

	public String getContextName() {
		return this.contextName;
	}

	public String getDefaultNamespace() {
		return this.defaultNamespace;
	}

	public AuthKind getAuthKind() {
		return this.authKind;
	}

	public boolean isInsecure() {
		return this.insecure;
	}

	public String getCaData() {
		return this.caData;
	}

	String getCredentials() {
		return this.credentials;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

}
