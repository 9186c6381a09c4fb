package io.podcomposer.clusters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.kube.ClusterCalls;
import io.podcomposer.kube.ClusterCheck;
import io.podcomposer.kube.ClusterProbe;
import io.podcomposer.kube.ExecCredentialException;
import io.podcomposer.kube.ExecCredentialPlugin;
import io.podcomposer.kube.KubeClients;
import io.podcomposer.kube.KubeConnection;
import io.podcomposer.kube.ServerAddresses;
import io.podcomposer.security.AuditLog;
import io.podcomposer.system.DomainException.Kind;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, lists and removes clusters, and says how to reach them. Credentials go in
 * encrypted and never come out in a view or the audit log. The portal's own cluster
 * ({@link InClusterAccount}) is listed and used only while its setting is on.
 */
@Service
public class ClusterService {

	/** A DNS label, as Kubernetes names things: it shows in URLs and lists. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

	private final ClusterRepository clusters;

	private final CredentialCipher cipher;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * How long a call to a cluster may take; {@link KubeConnection} keeps it at 15 s or
	 * less.
	 */
	private final Duration timeout;

	private final InClusterAccount inCluster;

	private final ExecCredentialPlugin exec;

	private final boolean allowExec;

	/**
	 * Which server addresses may be called: those on the portal's own host only when the
	 * operator allows.
	 */
	private final ServerAddresses addresses;

	private final KubeClients clients = new KubeClients();

	ClusterService(ClusterRepository clusters, CredentialCipher cipher, AuditLog audit, Clock clock,
			InClusterAccount inCluster, ExecCredentialPlugin exec, ClusterSettings settings) {
		this.clusters = clusters;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
		this.timeout = settings.timeout();
		this.inCluster = inCluster;
		this.exec = exec;
		this.allowExec = settings.allowExec();
		this.addresses = ServerAddresses.of(settings.allowLocalServers());
	}

	/**
	 * Adds a cluster from a kubeconfig and, optionally, the context to use.
	 * @throws ClusterProblem 422 for a bad name or kubeconfig, 409 for a name taken
	 */
	@Transactional
	public ClusterView add(String name, String kubeconfigText, String context) {
		String trimmed = (name == null) ? "" : name.trim();
		if (!NAME.matcher(trimmed).matches()) {
			throw new ClusterProblem(Kind.INVALID, "Invalid fields",
					"The name must be lower-case letters, digits and '-', 1 to 63 characters, starting and ending "
							+ "with a letter or digit.");
		}
		if (trimmed.equals(InClusterAccount.NAME)) {
			throw new ClusterProblem(Kind.INVALID, "Invalid fields",
					"The name " + trimmed + " is kept for the cluster the portal runs in; pick another.");
		}
		Kubeconfig kubeconfig;
		try {
			kubeconfig = Kubeconfig.read(kubeconfigText, context, this.allowExec);
		}
		catch (KubeconfigException ex) {
			this.audit.record("CLUSTER_ADD", trimmed, Outcome.FAILURE, ex.getMessage());
			throw new ClusterProblem(Kind.INVALID, "Unusable kubeconfig", ex.getMessage());
		}
		Optional<String> refusal = this.addresses.refusal(kubeconfig.server());
		if (refusal.isPresent()) {
			this.audit.record("CLUSTER_ADD", trimmed, Outcome.FAILURE, refusal.get());
			throw new ClusterProblem(Kind.INVALID, "Server refused", refusal.get());
		}
		if (this.clusters.existsByName(trimmed)) {
			throw taken(trimmed);
		}
		String sealed = Base64.getEncoder().encodeToString(this.cipher.encrypt(kubeconfig.credentials().toJson()));
		Cluster cluster;
		try {
			cluster = this.clusters
				.saveAndFlush(new Cluster(trimmed, kubeconfig, sealed, now(), AuditLog.currentActor()));
		}
		catch (DataIntegrityViolationException ex) {
			// added by another request since the check above
			throw taken(trimmed);
		}
		this.audit.record("CLUSTER_ADD", trimmed, Outcome.SUCCESS,
				"server " + kubeconfig.server() + ", context " + kubeconfig.context() + ", "
						+ kubeconfig.credentials().kind() + (kubeconfig.insecure() ? ", insecure" : ""));
		return ClusterView.of(cluster);
	}

	/** Every cluster that can be used: the portal's own only while its setting is on. */
	@Transactional(readOnly = true)
	public List<ClusterView> list() {
		return this.clusters.findAllByOrderByNameAsc()
			.stream()
			.filter((cluster) -> this.inCluster.enabled() || !cluster.isInCluster())
			.map(ClusterView::of)
			.toList();
	}

	/**
	 * Any cluster, the portal's own too when its setting is off, so that what refers to
	 * it stays readable.
	 */
	@Transactional(readOnly = true)
	public ClusterView get(long id) {
		return ClusterView.of(find(id));
	}

	/**
	 * For the code that contacts the cluster: the decrypted credentials, never to be
	 * shown or logged.
	 */
	@Transactional(readOnly = true)
	public Credentials credentials(long id) {
		return open(find(id));
	}

	/**
	 * How to reach the cluster: its address, its CA and the decrypted credentials, or
	 * those its exec command or the service account's files give now. Not in a
	 * transaction: a command may take seconds.
	 * @throws ClusterProblem when it is the portal's own cluster and that is switched off
	 * @throws CredentialsUnavailableException when its credentials cannot be had, saying
	 * why
	 */
	public KubeConnection connection(long id) {
		return connection(find(id));
	}

	private KubeConnection connection(Cluster cluster) {
		if (cluster.isInCluster()) {
			if (!this.inCluster.enabled()) {
				throw new ClusterProblem(Kind.CONFLICT, "Switched off",
						"The cluster " + cluster.getName() + " is the one the portal runs in, and "
								+ InClusterAccount.ENABLED + " (PODCOMPOSER_IN_CLUSTER_ENABLED) is off.");
			}
			return this.inCluster.connection();
		}
		Credentials credentials = open(cluster);
		KubeConnection.Credentials login = switch (credentials.kind()) {
			case TOKEN -> new KubeConnection.Credentials.BearerToken(credentials.token());
			case CLIENT_CERTIFICATE -> new KubeConnection.Credentials.ClientCertificate(
					credentials.clientCertificateData(), credentials.clientKeyData());
			case BASIC -> new KubeConnection.Credentials.Basic(credentials.username(), credentials.password());
			case EXEC -> run(cluster, credentials.exec());
			case SERVICE_ACCOUNT ->
				throw new IllegalStateException("Only the in-cluster row signs in as the service account.");
		};
		return new KubeConnection(cluster.getServer(), cluster.getCaData(), cluster.isInsecure(), login, this.timeout,
				this.addresses);
	}

	/**
	 * The calls to the cluster, on the client kept for it while its connection stays the
	 * same.
	 * @throws ClusterProblem and {@link CredentialsUnavailableException} as
	 * {@link #connection}
	 */
	public ClusterCalls calls(long id) {
		return calls(id, () -> find(id));
	}

	/**
	 * The cluster read once, for a deploy: what it shows now, and its calls when asked
	 * for, after the checks that need no cluster (its exec command may take seconds).
	 * @throws ClusterProblem when there is no such cluster
	 */
	public ClusterAccess access(long id) {
		Cluster cluster = find(id);
		return new ClusterAccess(ClusterView.of(cluster), () -> calls(id, () -> cluster));
	}

	/** A cluster as it shows, and its calls, which throw as {@link #calls(long)} does. */
	public record ClusterAccess(ClusterView view, Supplier<ClusterCalls> calls) {
	}

	private ClusterCalls calls(long id, Supplier<Cluster> cluster) {
		KubeConnection connection;
		try {
			connection = connection(cluster.get());
		}
		catch (RuntimeException ex) {
			// removed, perhaps through another instance, or its credentials cannot be had
			// now
			this.clients.forget(id);
			throw ex;
		}
		return new ClusterCalls(connection, this.clients.client(id, connection));
	}

	/**
	 * Calls the cluster: its version, how long that took, and the namespaces it lets us
	 * list, or why its credentials cannot be had. Not in a transaction: a cluster may
	 * take up to the timeout to answer.
	 */
	public ClusterCheck check(long id) {
		KubeConnection connection;
		try {
			connection = connection(id);
		}
		catch (CredentialsUnavailableException ex) {
			return ClusterCheck.failed(ex.getMessage());
		}
		return ClusterProbe.check(connection);
	}

	/**
	 * @throws ClusterProblem for the portal's own cluster, which its setting governs
	 */
	@Transactional
	public void delete(long id) {
		Cluster cluster = find(id);
		if (cluster.isInCluster()) {
			throw new ClusterProblem(Kind.CONFLICT, "Conflict",
					"The cluster " + cluster.getName() + " is the one the portal runs in; it is offered while "
							+ InClusterAccount.ENABLED + " is on, and cannot be removed.");
		}
		this.clusters.delete(cluster);
		this.clients.forget(id);
		this.audit.record("CLUSTER_DELETE", cluster.getName(), Outcome.SUCCESS,
				"server " + Kubeconfig.withoutUserInfo(cluster.getServer()));
	}

	/**
	 * As precise as the database keeps it, so that the answer to the add matches later
	 * reads.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private Credentials open(Cluster cluster) {
		return Credentials.fromJson(this.cipher.decrypt(Base64.getDecoder().decode(cluster.getCredentials())));
	}

	private KubeConnection.Credentials run(Cluster cluster, ExecCredentialPlugin.Command command) {
		if (!this.allowExec) {
			throw new CredentialsUnavailableException("The cluster " + cluster.getName() + " signs in by running "
					+ command.command() + " (exec), which the portal does not do while " + Kubeconfig.ALLOW_EXEC
					+ " (PODCOMPOSER_CLUSTERS_ALLOW_EXEC) is off.");
		}
		try {
			return this.exec.credentials(command);
		}
		catch (ExecCredentialException ex) {
			throw new CredentialsUnavailableException(ex.getMessage());
		}
	}

	private Cluster find(long id) {
		return this.clusters.findById(id).orElseThrow(() -> ClusterProblem.notFound(id));
	}

	private static ClusterProblem taken(String name) {
		return new ClusterProblem(Kind.CONFLICT, "Conflict", "A cluster named " + name + " exists already.");
	}

}
