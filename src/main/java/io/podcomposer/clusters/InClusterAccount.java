package io.podcomposer.clusters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import io.podcomposer.kube.KubeConnection;
import io.podcomposer.kube.ServerAddresses;
import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.security.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "This cluster": the one the portal runs in, reached with the pod's service account,
 * when {@value #ENABLED} is on. It is a cluster row like the others, so that deployments
 * refer to it by id, made once on the first start with the switch on; its token is read
 * from the service account's file on every connection (projected tokens rotate) and never
 * stored.
 */
@Component
class InClusterAccount implements ApplicationRunner {

	static final String NAME = "in-cluster";

	static final String ENABLED = "podcomposer.clusters.in-cluster.enabled";

	private static final Logger logger = LoggerFactory.getLogger(InClusterAccount.class);

	private final boolean enabled;

	private final Path directory;

	private final String server;

	private final ClusterRepository clusters;

	private final CredentialCipher cipher;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	InClusterAccount(ClusterSettings settings, ClusterRepository clusters, CredentialCipher cipher, AuditLog audit,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.enabled = settings.inCluster().enabled();
		this.directory = settings.inCluster().serviceAccountDir();
		this.server = settings.inCluster().server();
		this.clusters = clusters;
		this.cipher = cipher;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	boolean enabled() {
		return this.enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		for (String file : new String[] { "token", "ca.crt" }) {
			if (!Files.isReadable(this.directory.resolve(file))) {
				logger.warn("In-cluster access is on, but the service account's {} cannot be read: the cluster {} "
						+ "cannot be reached until it can. Is the portal running in a pod with its service account "
						+ "token mounted (automountServiceAccountToken)?", this.directory.resolve(file), NAME);
			}
		}
		createOnce();
	}

	/**
	 * Makes the cluster row unless there is one; points it at the address of now when
	 * there is.
	 * @return whether this call made it
	 */
	boolean createOnce() {
		try {
			Boolean created = this.transactions.execute((status) -> {
				Optional<Cluster> existing = this.clusters.findByName(NAME);
				if (existing.isPresent()) {
					if (!existing.get().isInCluster()) {
						logger.warn("A cluster named {} was added from a kubeconfig; the portal's own cluster is not "
								+ "offered until it is removed.", NAME);
					}
					else if (!existing.get().getServer().equals(this.server)) {
						existing.get().moveTo(this.server);
					}
					return false;
				}
				String sealed = Base64.getEncoder()
					.encodeToString(this.cipher.encrypt(Credentials.serviceAccount().toJson()));
				this.clusters.saveAndFlush(
						Cluster.inCluster(this.server, sealed, this.clock.instant().truncatedTo(ChronoUnit.MICROS)));
				this.audit.record(AuditLog.SYSTEM, "CLUSTER_ADD", NAME, Outcome.SUCCESS,
						"server " + this.server + ", the portal's service account");
				return true;
			});
			if (Boolean.TRUE.equals(created)) {
				logger.info("Added the cluster {}: the one the portal runs in, at {}", NAME, this.server);
			}
			return Boolean.TRUE.equals(created);
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
			logger.info("Another instance added the cluster {} at the same time", NAME);
			return false;
		}
	}

	/**
	 * How to reach the cluster now: the token and CA as their files hold them at this
	 * moment.
	 * @throws CredentialsUnavailableException when a file cannot be read
	 */
	KubeConnection connection() {
		String token = read("token").strip();
		if (token.isEmpty()) {
			throw new CredentialsUnavailableException(
					"The service account token " + this.directory.resolve("token") + " is empty.");
		}
		String certificateAuthority = read("ca.crt");
		if (certificateAuthority.isBlank()) {
			throw new CredentialsUnavailableException(
					"The service account's CA " + this.directory.resolve("ca.crt") + " is empty.");
		}
		// the operator's address, from the pod's environment, not an admin's: it may be
		// on the node
		return new KubeConnection(this.server, certificateAuthority, false,
				new KubeConnection.Credentials.BearerToken(token), KubeConnection.MAX_TIMEOUT,
				ServerAddresses.LOCAL_ALLOWED);
	}

	private String read(String file) {
		Path path = this.directory.resolve(file);
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new CredentialsUnavailableException("The service account's " + file + " cannot be read from " + path
					+ " (" + ex.getClass().getSimpleName() + "); is the portal running in a pod with its service "
					+ "account token mounted?");
		}
	}

}
