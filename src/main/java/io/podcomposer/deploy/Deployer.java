package io.podcomposer.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.podcomposer.clusters.ClusterProblem;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.clusters.ClusterService.ClusterAccess;
import io.podcomposer.clusters.ClusterView;
import io.podcomposer.deploy.updates.ImmutableChange;
import io.podcomposer.deploy.updates.UpdateRules;
import io.podcomposer.kube.ClusterCallException;
import io.podcomposer.kube.ClusterCalls;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestTooLargeException;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.PodSecurityResult;
import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.security.AuditLog;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.WorkMeters;
import io.podcomposer.system.LineDiff;
import io.podcomposer.templates.TemplateService;
import io.podcomposer.templates.TemplateService.RenderedTemplate;
import io.podcomposer.validation.Finding;
import io.podcomposer.validation.ValidationReport;
import io.podcomposer.validation.Validator;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deploys a template's revision into a cluster, in the order a careful operator would:
 * render, validate (errors block), read the namespace's Pod Security label, server-side
 * dry run, diff against the live object, server-side apply as {@code pod-composer}
 * without force, and record how it ended. Cluster calls run outside any transaction: a
 * cluster may take up to the connection's timeout to answer.
 */
@Service
public class Deployer {

	/** Reads of a live object around its dry run, until one held still (see deploy). */
	private static final int MOST_READS = 3;

	/** How long a replace waits for the deleted object to go, and how often it looks. */
	private static final Duration REPLACE_WAIT = Duration.ofSeconds(60);

	private static final Duration REPLACE_POLL = Duration.ofMillis(250);

	/** A DNS label, as namespaces are named. */
	private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

	private final TemplateService templates;

	private final ClusterService clusters;

	private final DeploymentRecordRepository records;

	private final LastTargetRepository lastTargets;

	private final AuditLog audit;

	private final Clock clock;

	private final WorkMeters meters;

	private final DeployMetrics metrics;

	private final TransactionTemplate transactions;

	/**
	 * Reads the live object while the namespace is read: on a cluster across a network
	 * each is a round trip. A thread for each read, as each deploy has its own request
	 * thread: a pool would make deploys waiting for a slow cluster queue for its few
	 * threads.
	 */
	private final SimpleAsyncTaskExecutor reads = new SimpleAsyncTaskExecutor("cluster-read-");

	Deployer(TemplateService templates, ClusterService clusters, DeploymentRecordRepository records,
			LastTargetRepository lastTargets, AuditLog audit, Clock clock, WorkMeters meters, DeployMetrics metrics,
			PlatformTransactionManager transactionManager, Environment environment) {
		this.templates = templates;
		this.clusters = clusters;
		this.records = records;
		this.lastTargets = lastTargets;
		this.audit = audit;
		this.clock = clock;
		this.meters = meters;
		this.metrics = metrics;
		this.transactions = new TransactionTemplate(transactionManager);
		// virtual where the request threads are (spring.threads.virtual.enabled, on Java
		// 21 and later)
		this.reads.setVirtualThreads(Threading.VIRTUAL.isActive(environment));
	}

	/**
	 * Deploys and records the result, or with {@code request.dryRun()} only dry-runs,
	 * recording nothing but the audit entry: a dry run changes nothing, so it is no
	 * deployment.
	 * @param pauseForChanges when the object exists and would change, stop after the dry
	 * run and answer the diff to confirm, recording nothing (the pages do this; the API
	 * applies at once)
	 * @throws DeployProblem for bad input (nothing recorded) and for a failed deploy
	 * (recorded, unless a dry run)
	 */
	public DeployOutcome deploy(DeployRequest request, boolean pauseForChanges) {
		return deploy(request, pauseForChanges, false);
	}

	/**
	 * As {@link #deploy(DeployRequest, boolean)}; with {@code refuseWhereBlocked}, a
	 * deploy bound to fail in its namespace (no such namespace, a Pod Security level that
	 * refuses the pod) is refused before the dry run, as bad input: nothing is sent or
	 * recorded. The namespace is read once, for this and for the deploy.
	 */
	public DeployOutcome deploy(DeployRequest request, boolean pauseForChanges, boolean refuseWhereBlocked) {
		return this.metrics.timed(() -> run(request, pauseForChanges, refuseWhereBlocked));
	}

	private DeployOutcome run(DeployRequest request, boolean pauseForChanges, boolean refuseWhereBlocked) {
		String actor = AuditLog.currentActor();
		if (request.templateId() == null || request.clusterId() == null) {
			throw new DeployProblem(Kind.INVALID, "Invalid fields", "templateId and clusterId are required.");
		}
		String namespace = (request.namespace() == null) ? "" : request.namespace().trim();
		if (!NAMESPACE.matcher(namespace).matches()) {
			throw new DeployProblem(Kind.INVALID, "Invalid fields",
					"namespace must be a DNS label: lower-case letters, digits and '-', 1 to 63 characters, not \""
							+ namespace + "\".");
		}
		WorkloadKind kind = kind(request.kind());
		ClusterAccess access = cluster(request.clusterId());
		ClusterView cluster = access.view();
		RenderedTemplate rendered = this.templates.renderRevision(request.templateId(), request.revision(),
				request.values(), kind);
		Manifest manifest = rendered.manifest();
		if (manifest.name().isEmpty()) {
			throw new DeployProblem(Kind.INVALID, "Invalid fields",
					"The manifest needs metadata.name: server-side apply names the object it creates.");
		}
		ObjectNode object = manifest.root().deepCopy();
		object.withObject("/metadata").put("namespace", namespace);
		DeploymentRecord record = new DeploymentRecord(
				new DeployTarget(rendered.templateId(), rendered.templateName(), rendered.revision(), cluster.id(),
						cluster.name(), namespace),
				JsonMapper.shared().writeValueAsString(request.values()), ManifestWriter.toJson(object),
				manifest.kind().kindName(), manifest.name(), now(), actor);
		List<String> warnings = new ArrayList<>(rendered.notes());

		ValidationReport report = this.meters.validate(() -> Validator.validate(Manifest.of(object)));
		if (!report.valid()) {
			String errors = report.errors().stream().map(Deployer::line).collect(Collectors.joining("; "));
			throw failed(record, request, Kind.INVALID, "Blocked by validation",
					"Not sent to the cluster: " + report.errors().size() + " validation error"
							+ (report.errors().size() == 1 ? "" : "s") + ": " + errors,
					warnings, List.of(), null);
		}
		ClusterCalls calls;
		try {
			calls = access.calls().get();
		}
		catch (RuntimeException ex) {
			throw failed(record, request, Kind.CLUSTER_UNREACHABLE, "Cluster unusable",
					"The cluster settings cannot be used: " + ex.getMessage(), warnings, List.of(), null);
		}
		// read before the dry run: when the cluster refuses, the form shows what would
		// make the pod pass
		NamespaceFit fit = null;
		try {
			Future<Optional<JsonNode>> reading = this.reads
				.submit(() -> calls.get(manifest.kind(), namespace, manifest.name()));
			fit = namespaceFit(calls, reading, namespace, manifest.kind().isPod(), report.podSecurity(), warnings,
					refuseWhereBlocked);
			Optional<JsonNode> live = read(reading);
			List<ImmutableChange> refused = live.map((found) -> UpdateRules.refused(manifest.kind(), found, object))
				.orElse(List.of());
			if (!refused.isEmpty()) {
				return replace(request, pauseForChanges, calls, record, object, live.get(), refused, warnings,
						rendered.revision());
			}
			JsonNode wouldBe;
			try {
				wouldBe = calls.apply(manifest.kind(), namespace, object, true, request.force());
			}
			catch (ClusterCallException ex) {
				Optional<ImmutableChange> refusal = live.isPresent()
						? UpdateRules.refusedByCluster(ex.status(), ex.getMessage()) : Optional.empty();
				if (refusal.isEmpty()) {
					throw ex;
				}
				return replace(request, pauseForChanges, calls, record, object, live.get(), List.of(refusal.get()),
						warnings, rendered.revision());
			}
			// The dry run starts from the object as it is when it runs, and answers with
			// that object's
			// resourceVersion. Another writer may have changed it since it was read (the
			// scheduler binding
			// a new pod to a node, say), which would show as this deploy's change: then
			// read it again, and
			// dry-run again until it held still around one.
			for (int reads = 1; live.isPresent() && !sameVersion(live.get(), wouldBe) && reads < MOST_READS; reads++) {
				Optional<JsonNode> after = calls.get(manifest.kind(), namespace, manifest.name());
				if (after.map(Deployer::withoutBookkeeping).equals(live.map(Deployer::withoutBookkeeping))) {
					break;
				}
				live = after;
				wouldBe = calls.apply(manifest.kind(), namespace, object, true, request.force());
			}
			String diff = live.isPresent() ? diff(live.get(), wouldBe) : null;
			if (request.dryRun()) {
				return DeployOutcome.dryRun(dryRunPassed(record,
						"The server-side dry run passed: " + what(record) + " would be "
								+ (live.isEmpty() ? "created" : diff.isEmpty() ? "unchanged" : "configured") + ".",
						warnings, diff));
			}
			if (pauseForChanges && diff != null && !diff.isEmpty() && !request.force()) {
				this.lastTargets.save(lastTarget(record));
				return new DeployOutcome(null, null, diff, rendered.revision());
			}
			calls.apply(manifest.kind(), namespace, object, false, request.force());
			return DeployOutcome
				.ended(finish(record, DeployStatus.Applied,
						what(record) + " " + (live.isEmpty() ? "created" : diff.isEmpty() ? "unchanged" : "configured")
								+ (request.force() ? ", taking over fields of other managers" : "") + ".",
						warnings, diff));
		}
		catch (ClusterCallException ex) {
			String message = ex.getMessage();
			if (ex.timedOut()) {
				message += ". The cluster may have received the request: look at the live state before deploying again.";
			}
			throw failed(record, request, DeployProblem.kindFor(ex), title(ex), message, warnings, ex.conflicts(), fit);
		}
		catch (NamespaceMissing ex) {
			throw failed(record, request, Kind.INVALID, "Refused by the cluster",
					"Cluster " + cluster.name() + " has no namespace " + namespace + ": " + ex.getMessage(), warnings,
					List.of(), null);
		}
	}

	/**
	 * A deploy that changes what the cluster does not change in place: with
	 * {@code replace}, the object is deleted and created again, as kubectl users do by
	 * hand; else the pages pause to offer that, and the API refuses with the changes
	 * named. Nothing is sent before that choice.
	 */
	private DeployOutcome replace(DeployRequest request, boolean pauseForChanges, ClusterCalls calls,
			DeploymentRecord record, ObjectNode object, JsonNode live, List<ImmutableChange> refused,
			List<String> warnings, int revision) {
		String fields = refused.stream().map(ImmutableChange::field).distinct().collect(Collectors.joining(", "));
		if (!request.replace()) {
			String diff = diff(live, UpdateRules.updated(live, object));
			if (pauseForChanges && request.dryRun()) {
				// the pages' dry run: said on the form, and the deploy offers the
				// replacement
				return DeployOutcome.dryRun(dryRunPassed(record,
						"Not dry-run: the cluster would refuse this change to " + what(record)
								+ ", since it does not change " + fields + " in place. Deploy offers to replace it.",
						warnings, diff));
			}
			if (pauseForChanges) {
				this.lastTargets.save(lastTarget(record));
				return new DeployOutcome(null, null, diff, revision, refused);
			}
			throw new DeployProblem(Kind.CONFLICT, "Needs replacing",
					what(record) + " cannot be changed in place: the cluster refuses changes to " + fields
							+ ". Nothing was sent. "
							+ "Send replace: true to delete it and create it again, or deploy it under a new name.",
					refused);
		}
		String because = ", because the cluster does not change " + fields + " in place";
		if (request.dryRun()) {
			return DeployOutcome.dryRun(dryRunPassed(record,
					"Not dry-run: " + what(record) + " would be replaced, deleted and created again" + because + ".",
					warnings, null));
		}
		WorkloadKind kind = WorkloadKind.fromKindName(record.getKind()).orElseThrow();
		calls.delete(kind, record.getNamespace(), record.getName());
		Instant until = this.clock.instant().plus(REPLACE_WAIT);
		while (calls.get(kind, record.getNamespace(), record.getName()).isPresent()) {
			if (!this.clock.instant().isBefore(until)) {
				throw failed(record, request, Kind.CLUSTER_TIMEOUT, "Not replaced",
						what(record) + " was deleted but is still there after " + REPLACE_WAIT.toSeconds()
								+ " s (a finalizer, or a long grace period): deploy again once it is gone.",
						warnings, List.of(), null);
			}
			pause();
		}
		try {
			calls.apply(kind, record.getNamespace(), object, false, request.force());
		}
		catch (ClusterCallException ex) {
			// the deletion cannot be undone: say that nothing runs under the name now
			throw failed(record, request, DeployProblem.kindFor(ex), title(ex), what(record)
					+ " was deleted, but creating it again failed: " + ex.getMessage()
					+ ". Nothing runs under that name now: correct the cause and deploy again, or redeploy an earlier revision.",
					warnings, ex.conflicts(), null);
		}
		return DeployOutcome.ended(finish(record, DeployStatus.Applied,
				what(record) + " replaced: deleted and created again" + because + ".", warnings, null));
	}

	private static void pause() {
		try {
			Thread.sleep(REPLACE_POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a deleted object to go", ex);
		}
	}

	/**
	 * The namespace must exist; its enforced Pod Security level is compared with the
	 * pod's, while the live object is {@code reading}: on a cluster across a network each
	 * is a round trip.
	 * @param refuseWhereBlocked refuse, as bad input, a deploy the namespace would refuse
	 */
	private static NamespaceFit namespaceFit(ClusterCalls calls, Future<Optional<JsonNode>> reading, String namespace,
			boolean pod, PodSecurityResult podSecurity, List<String> warnings, boolean refuseWhereBlocked) {
		try {
			NamespaceFit fit = fit(calls, namespace, pod, podSecurity);
			if (refuseWhereBlocked && fit.blocks()) {
				throw new DeployProblem(Kind.INVALID, "Not deployed", "Not deployed: " + fit.reason());
			}
			if (!fit.exists()) {
				throw new NamespaceMissing(namespace);
			}
			if (fit.refused()) {
				warnings.add(fit.reason() + " To pass, change " + String.join("; ", fit.fixes()) + ".");
			}
			if (fit.unreadable() != null) {
				warnings.add("The namespace's Pod Security label could not be read: " + fit.unreadable());
			}
			return fit;
		}
		catch (RuntimeException ex) {
			reading.cancel(true);
			throw ex;
		}
	}

	/** The live object, when there is one. */
	private static Optional<JsonNode> read(Future<Optional<JsonNode>> live) {
		try {
			return live.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			live.cancel(true);
			throw new IllegalStateException("interrupted while reading the live object", ex);
		}
	}

	/**
	 * How the pod fits the namespace as the cluster has it; a namespace we may not read
	 * fits unknown.
	 */
	private static NamespaceFit fit(ClusterCalls calls, String namespace, boolean pod, PodSecurityResult podSecurity) {
		try {
			return NamespaceFit.of(namespace, pod, calls.namespace(namespace).orElse(null), podSecurity);
		}
		catch (ClusterCallException ex) {
			if (ex.status() != 403) {
				throw ex;
			}
			// many deploy accounts may not read namespaces; the apply will tell whether
			// it exists
			return NamespaceFit.unreadable(namespace, pod, ex.getMessage(), podSecurity);
		}
	}

	/**
	 * How the pod of the request would fit its namespace, for the deploy form to say
	 * before it is sent; empty when that cannot be told (no such cluster, a name that is
	 * no namespace's, a cluster that does not answer). The pod's level is left out when
	 * it cannot be rendered yet.
	 */
	public Optional<NamespaceFit> fit(DeployRequest request) {
		String namespace = (request.namespace() == null) ? "" : request.namespace().trim();
		if (request.templateId() == null || request.clusterId() == null || !NAMESPACE.matcher(namespace).matches()) {
			return Optional.empty();
		}
		PodSecurityResult podSecurity = null;
		boolean pod = true;
		try {
			RenderedTemplate rendered = this.templates.renderRevision(request.templateId(), request.revision(),
					request.values(), kind(request.kind()));
			podSecurity = this.meters.validate(() -> Validator.validate(rendered.manifest())).podSecurity();
			pod = rendered.manifest().kind().isPod();
		}
		catch (ManifestTooLargeException ex) {
			// refused before any work reaches the cluster, as the deploy itself refuses
			// it
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			// missing values, an unknown revision or kind: the deploy itself will say so
		}
		try {
			return Optional.of(fit(cluster(request.clusterId()).calls().get(), namespace, pod, podSecurity));
		}
		catch (RuntimeException ex) {
			// the namespaces' list says why the cluster cannot be asked
			return Optional.empty();
		}
	}

	/**
	 * A deploy that failed: recorded, and answered with the record; a dry run that failed
	 * is answered alone, as it changed nothing.
	 */
	private DeployProblem failed(DeploymentRecord record, DeployRequest request, Kind kind, String title,
			String message, List<String> warnings, List<ClusterCallException.FieldConflict> conflicts,
			NamespaceFit fit) {
		if (request.dryRun()) {
			this.transactions.executeWithoutResult((transaction) -> audit(record, Outcome.FAILURE, message));
			this.metrics.ended(DeployStatus.Failed);
			return new DeployProblem(kind, "Dry run: " + title.toLowerCase(Locale.ROOT), message, null, conflicts,
					refusal(fit), true);
		}
		DeploymentView view = finish(record, DeployStatus.Failed, message, warnings, null);
		return new DeployProblem(kind, title, message, view, conflicts, refusal(fit), false);
	}

	/** The namespace's fit, when it is why the cluster refused. */
	private static NamespaceFit refusal(NamespaceFit fit) {
		return (fit != null && fit.refused()) ? fit : null;
	}

	/** A dry run that passed: audited, not recorded. */
	private DryRun dryRunPassed(DeploymentRecord record, String message, List<String> warnings, String diff) {
		this.transactions.executeWithoutResult((transaction) -> {
			this.lastTargets.save(lastTarget(record));
			audit(record, Outcome.SUCCESS, message);
		});
		this.metrics.ended(DeployStatus.DryRunPassed);
		return new DryRun(message, List.copyOf(warnings), record.getKind(), record.getName(), record.getNamespace(),
				record.getClusterId(), record.getClusterName(), record.getTemplateId(), record.getTemplateName(),
				record.getRevision(), DeploymentView.values(record), diff, record.getCreatedAt(),
				record.getCreatedBy());
	}

	private void audit(DeploymentRecord record, Outcome outcome, String message) {
		this.audit.recordWithin(record.getCreatedBy(), "DEPLOY_DRY_RUN", where(record), outcome,
				"template " + record.getTemplateName() + " revision " + record.getRevision() + ": " + message);
	}

	/**
	 * Writes the record, the user's last target and the audit entry together, in one
	 * transaction.
	 */
	private DeploymentView finish(DeploymentRecord record, DeployStatus status, String message, List<String> warnings,
			String diff) {
		record.end(status, message, String.join("\n", warnings), diff);
		DeploymentRecord saved = this.transactions.execute((transaction) -> {
			this.lastTargets.save(lastTarget(record));
			this.audit.recordWithin(record.getCreatedBy(), "DEPLOY", where(record),
					status == DeployStatus.Failed ? Outcome.FAILURE : Outcome.SUCCESS,
					"template " + record.getTemplateName() + " revision " + record.getRevision() + ": " + message);
			return this.records.save(record);
		});
		this.metrics.ended(status);
		return DeploymentView.of(saved);
	}

	private static LastTarget lastTarget(DeploymentRecord record) {
		return new LastTarget(record.getCreatedBy(), record.getClusterId(), record.getNamespace());
	}

	/**
	 * A deploy that ended ({@code record}), a dry run that passed ({@code dryRun}), or
	 * one paused before changing a live object ({@code pendingDiff}, the diff of revision
	 * {@code pendingRevision}).
	 */
	public record DeployOutcome(DeploymentView record, DryRun dryRun, String pendingDiff, int pendingRevision,
			List<ImmutableChange> refusedChanges) {

		/**
		 * @param refusedChanges when paused, what of the diff the cluster would refuse to
		 * change in place
		 */
		public DeployOutcome {
			refusedChanges = List.copyOf(refusedChanges);
		}

		DeployOutcome(DeploymentView record, DryRun dryRun, String pendingDiff, int pendingRevision) {
			this(record, dryRun, pendingDiff, pendingRevision, List.of());
		}

		static DeployOutcome ended(DeploymentView record) {
			return new DeployOutcome(record, null, null, record.revision());
		}

		static DeployOutcome dryRun(DryRun dryRun) {
			return new DeployOutcome(null, dryRun, null, dryRun.revision());
		}

	}

	/**
	 * Where a user's deploy form starts: the cluster and namespace of their last deploy
	 * while that cluster is still offered, else the first cluster offered and the
	 * namespace its kubeconfig context names, or {@code default}; no cluster when none is
	 * offered.
	 */
	public StartingTarget startingTarget(String username, List<ClusterView> offered) {
		Optional<LastTarget> last = this.lastTargets.findById(username);
		for (ClusterView cluster : offered) {
			if (last.isPresent() && cluster.id() == last.get().getClusterId()) {
				return new StartingTarget(cluster, last.get().getNamespace());
			}
		}
		if (offered.isEmpty()) {
			return new StartingTarget(null, "default");
		}
		ClusterView first = offered.get(0);
		return new StartingTarget(first, (first.namespace() == null) ? "default" : first.namespace());
	}

	/** A cluster, null when there is none to offer, and a namespace in it. */
	public record StartingTarget(ClusterView cluster, String namespace) {
	}

	private static String title(ClusterCallException ex) {
		if (ex.status() == 0) {
			return ex.timedOut() ? "Cluster timed out" : "Cluster unreachable";
		}
		if (ex.status() == 409) {
			return "Conflict";
		}
		return (ex.status() >= 500 || ex.status() == 401) ? "Cluster failed" : "Refused by the cluster";
	}

	private ClusterAccess cluster(long id) {
		try {
			return this.clusters.access(id);
		}
		catch (ClusterProblem ex) {
			throw new DeployProblem(Kind.INVALID, "Invalid fields", "There is no cluster " + id + ".");
		}
	}

	private static WorkloadKind kind(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return WorkloadKind.fromKindName(name.trim())
			.orElseThrow(() -> new DeployProblem(Kind.INVALID, "Unsupported kind",
					"kind must be one of " + Manifest.supportedKinds() + ", not " + name + "."));
	}

	/**
	 * The diff from the live object to what the dry run says it would become, without the
	 * server's bookkeeping.
	 */
	static String diff(JsonNode live, JsonNode wouldBe) {
		String before = ManifestWriter.toYaml(withoutBookkeeping(live));
		String after = ManifestWriter.toYaml(withoutBookkeeping(wouldBe));
		return before.equals(after) ? "" : LineDiff.unified("live", before, "new", after);
	}

	/** Whether both are the same version of an object, as the API server numbers them. */
	static boolean sameVersion(JsonNode read, JsonNode dryRun) {
		String version = read.at("/metadata/resourceVersion").asString("");
		return !version.isEmpty() && version.equals(dryRun.at("/metadata/resourceVersion").asString(""));
	}

	/** The object without status and the metadata the server keeps for itself. */
	static JsonNode withoutBookkeeping(JsonNode object) {
		ObjectNode copy = (ObjectNode) object.deepCopy();
		copy.remove("status");
		JsonNode metadata = copy.path("metadata");
		if (metadata instanceof ObjectNode fields) {
			fields.remove(
					List.of("managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"));
		}
		return copy;
	}

	static String what(DeploymentRecord record) {
		return record.getKind() + " " + record.getName();
	}

	static String where(DeploymentRecord record) {
		return record.getKind() + "/" + record.getName() + " in " + record.getClusterName() + "/"
				+ record.getNamespace();
	}

	private static String line(Finding finding) {
		return finding.path() + ": " + finding.message();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** A namespace the cluster does not have: refused as the cluster would word it. */
	private static final class NamespaceMissing extends RuntimeException {

		NamespaceMissing(String namespace) {
			super("namespaces \"" + namespace + "\" not found");
		}

	}

}
