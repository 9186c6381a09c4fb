package io.podcomposer.deploy;

import java.util.List;
import java.util.Map;

import io.podcomposer.deploy.updates.ImmutableChange;
import io.podcomposer.kube.ClusterCallException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A deploy, delete or read that did not succeed, answered as a problem. When a record was made
 * (a failed deploy), it rides along as {@code deployment}; a refused apply names the fields
 * other managers own as {@code conflicts}; a pod refused for its Pod Security level names the
 * failing checks as {@code podSecurity}; a failed dry run says {@code dryRun}.
 */
class DeployProblem extends ErrorResponseException {

	private final DeploymentView deployment;

	private final List<ClusterCallException.FieldConflict> conflicts;

	private final NamespaceFit podSecurity;

	private final boolean dryRun;

	/**
	 * @param podSecurity when the namespace's Pod Security level is why the cluster refused: what would pass
	 * @param dryRun whether only a dry run failed, which records nothing
	 */
	DeployProblem(HttpStatus status, String title, String detail, DeploymentView deployment,
			List<ClusterCallException.FieldConflict> conflicts, NamespaceFit podSecurity, boolean dryRun) {
		super(status, problem(status, title, detail, deployment, conflicts), null);
		this.deployment = deployment;
		this.conflicts = List.copyOf(conflicts);
		this.podSecurity = podSecurity;
		this.dryRun = dryRun;
		if (podSecurity != null) {
			getBody().setProperty("podSecurity", Map.of("namespace", podSecurity.namespace(), "enforced",
					podSecurity.enforced(), "podLevel", podSecurity.podLevel(), "failingChecks", podSecurity.refusedChecks()));
		}
		if (dryRun) {
			getBody().setProperty("dryRun", true);
		}
	}

	DeployProblem(HttpStatus status, String title, String detail) {
		this(status, title, detail, null, List.of(), null, false);
	}

	/** A deploy refused before anything was sent, for changes the cluster does not make in place, named as {@code immutableChanges}. */
	DeployProblem(HttpStatus status, String title, String detail, List<ImmutableChange> immutableChanges) {
		this(status, title, detail);
		getBody().setProperty("immutableChanges", immutableChanges);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail, DeploymentView deployment,
			List<ClusterCallException.FieldConflict> conflicts) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (deployment != null) {
			problem.setProperty("deployment", deployment);
		}
		if (!conflicts.isEmpty()) {
			problem.setProperty("conflicts", conflicts);
		}
		return problem;
	}

	/** Why the namespace refused the pod and what would pass, when that is why; else null. */
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
	 * The answer for a cluster call that failed: 504 when it did not answer in time, 502 when it
	 * could not be reached, refused our credentials or failed itself, 409 for fields another
	 * manager owns, and 422 for what the cluster refused (RBAC, a missing namespace, admission,
	 * an invalid object).
	 */
	static HttpStatus statusFor(ClusterCallException failure) {
		int code = failure.status();
		if (code == 0) {
			return failure.timedOut() ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		}
		if (code == 401 || code >= 500) {
			return HttpStatus.BAD_GATEWAY;
		}
		if (code == 409) {
			return HttpStatus.CONFLICT;
		}
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

}
