package io.podcomposer.clusters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.kube.ClusterCheck;
import io.podcomposer.kube.ClusterProbe;
import io.podcomposer.kube.KubeConnection;
import io.podcomposer.security.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds, lists and removes clusters. Credentials go in encrypted and never come out in a view or the audit log. */
@Service
public class ClusterService {

	/** A DNS label, as Kubernetes names things: it shows in URLs and lists. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

	private final ClusterRepository clusters;

	private final CredentialCipher cipher;

	private final AuditLog audit;

	private final Clock clock;

	/** How long a call to a cluster may take; {@link KubeConnection} keeps it at 15 s or less. */
	private final Duration timeout;

	ClusterService(ClusterRepository clusters, CredentialCipher cipher, AuditLog audit, Clock clock,
			@Value("${podcomposer.clusters.timeout:15s}") Duration timeout) {
		this.clusters = clusters;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
		this.timeout = timeout;
	}

	/**
	 * Adds a cluster from a kubeconfig and, optionally, the context to use.
	 * @throws ClusterProblem 422 for a bad name or kubeconfig, 409 for a name taken
	 */
	@Transactional
	public ClusterView add(String name, String kubeconfigText, String context) {
		String trimmed = (name == null) ? "" : name.trim();
		if (!NAME.matcher(trimmed).matches()) {
			throw new ClusterProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid fields",
					"The name must be lower-case letters, digits and '-', 1 to 63 characters, starting and ending "
							+ "with a letter or digit.");
		}
		Kubeconfig kubeconfig;
		try {
			kubeconfig = Kubeconfig.read(kubeconfigText, context);
		}
		catch (KubeconfigException ex) {
			this.audit.record("CLUSTER_ADD", trimmed, Outcome.FAILURE, ex.getMessage());
			throw new ClusterProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Unusable kubeconfig", ex.getMessage());
		}
		if (this.clusters.existsByName(trimmed)) {
			throw taken(trimmed);
		}
		String sealed = Base64.getEncoder().encodeToString(this.cipher.encrypt(kubeconfig.credentials().toJson()));
		Cluster cluster;
		try {
			cluster = this.clusters.saveAndFlush(
					new Cluster(trimmed, kubeconfig, sealed, now(), AuditLog.currentActor()));
		}
		catch (DataIntegrityViolationException ex) {
			// added by another request since the check above
			throw taken(trimmed);
		}
		this.audit.record("CLUSTER_ADD", trimmed, Outcome.SUCCESS, "server " + kubeconfig.server() + ", context "
				+ kubeconfig.context() + ", " + kubeconfig.credentials().kind() + (kubeconfig.insecure() ? ", insecure" : ""));
		return ClusterView.of(cluster);
	}

	@Transactional(readOnly = true)
	public List<ClusterView> list() {
		return this.clusters.findAllByOrderByNameAsc().stream().map(ClusterView::of).toList();
	}

	@Transactional(readOnly = true)
	public ClusterView get(long id) {
		return ClusterView.of(find(id));
	}

	/** For the code that contacts the cluster: the decrypted credentials, never to be shown or logged. */
	@Transactional(readOnly = true)
	public Credentials credentials(long id) {
		return Credentials.fromJson(this.cipher.decrypt(Base64.getDecoder().decode(find(id).getCredentials())));
	}

	/** How to reach the cluster: its address, its CA and the decrypted credentials. */
	@Transactional(readOnly = true)
	public KubeConnection connection(long id) {
		Cluster cluster = find(id);
		Credentials credentials = credentials(id);
		KubeConnection.Credentials login = switch (credentials.kind()) {
			case TOKEN -> new KubeConnection.Credentials.BearerToken(credentials.token());
			case CLIENT_CERTIFICATE -> new KubeConnection.Credentials.ClientCertificate(
					credentials.clientCertificateData(), credentials.clientKeyData());
			case BASIC -> new KubeConnection.Credentials.Basic(credentials.username(), credentials.password());
		};
		return new KubeConnection(cluster.getServer(), cluster.getCaData(), cluster.isInsecure(), login, this.timeout);
	}

	/**
	 * Calls the cluster: its version, how long that took, and the namespaces it lets us list.
	 * Not in a transaction: a cluster may take up to the timeout to answer.
	 */
	public ClusterCheck check(long id) {
		return ClusterProbe.check(connection(id));
	}

	@Transactional
	public void delete(long id) {
		Cluster cluster = find(id);
		this.clusters.delete(cluster);
		this.audit.record("CLUSTER_DELETE", cluster.getName(), Outcome.SUCCESS, "server " + cluster.getServer());
	}

	/** As precise as the database keeps it, so that the answer to the add matches later reads. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private Cluster find(long id) {
		return this.clusters.findById(id).orElseThrow(() -> ClusterProblem.notFound(id));
	}

	private static ClusterProblem taken(String name) {
		return new ClusterProblem(HttpStatus.CONFLICT, "Conflict", "A cluster named " + name + " exists already.");
	}

}
