package io.podcomposer.deploy;

import java.util.List;
import java.util.Map;

import io.podcomposer.deploy.updates.ImmutableChange;
import io.podcomposer.kube.ClusterCallException;
import io.podcomposer.system.DomainException;

/**
 * A deploy, delete or read that did not succeed, answered as a problem. When a record was
 * made (a failed deploy), it rides along as {@code deployment}; a refused apply names the
 * fields other managers own as {@code conflicts}; a pod refused for its Pod Security
 * level names the failing checks as {@code podSecurity}; a failed dry run says
 * {@code dryRun}.
 */
class DeployProblem extends DomainException {

	private final DeploymentView deployment;

	private final List<ClusterCallException.FieldConflict> conflicts;

	private final NamespaceFit podSecurity;

	private final boolean dryRun;

	/**
	 * @param podSecurity when the namespace's Pod Security level is why the cluster
	 * refused: what would pass
	 * @param dryRun whether only a dry run failed, which records nothing
	 */
	DeployProblem(Kind kind, String title, String detail, DeploymentView deployment,
			List<ClusterCallException.FieldConflict> conflicts, NamespaceFit podSecurity, boolean dryRun) {
		super(kind, title, detail);
		this.deployment = deployment;
		this.conflicts = List.copyOf(conflicts);
		this.podSecurity = podSecurity;
		this.dryRun = dryRun;
		if (deployment != null) {
			property("deployment", deployment);
		}
		if (!conflicts.isEmpty()) {
			property("conflicts", this.conflicts);
		}
		if (podSecurity != null) {
			property("podSecurity", Map.of("namespace", podSecurity.namespace(), "enforced", podSecurity.enforced(),
					"podLevel", podSecurity.podLevel(), "failingChecks", podSecurity.refusedChecks()));
		}
		if (dryRun) {
			property("dryRun", true);
		}
	}

	DeployProblem(Kind kind, String title, String detail) {
		this(kind, title, detail, null, List.of(), null, false);
	}

	/**
	 * A deploy refused before anything was sent, for changes the cluster does not make in
	 * place, named as {@code immutableChanges}.
	 */
	DeployProblem(Kind kind, String title, String detail, List<ImmutableChange> immutableChanges) {
		this(kind, title, detail);
		property("immutableChanges", immutableChanges);
	}

	/**
	 * Why the namespace refused the pod and what would pass, when that is why; else null.
	 */
	NamespaceFit podSecurity() {
		return this.podSecurity;
	}

	boolean dryRun() {
		return this.dryRun;
	}

	/** The failed record, or null when none was made. */
	DeploymentView deployment() {
		return this.deployment;
	}

	List<ClusterCallException.FieldConflict> conflicts() {
		return this.conflicts;
	}

	/**
	 * What a cluster call that failed is: a timeout when it did not answer in time,
	 * unreachable when it could not be reached, refused our credentials or failed itself,
	 * a conflict for fields another manager owns, and invalid for what the cluster
	 * refused (RBAC, a missing namespace, admission, an invalid object).
	 */
	static Kind kindFor(ClusterCallException failure) {
		int code = failure.status();
		if (code == 0) {
			return failure.timedOut() ? Kind.CLUSTER_TIMEOUT : Kind.CLUSTER_UNREACHABLE;
		}
		if (code == 401 || code >= 500) {
			return Kind.CLUSTER_UNREACHABLE;
		}
		if (code == 409) {
			return Kind.CONFLICT;
		}
		return Kind.INVALID;
	}

}
