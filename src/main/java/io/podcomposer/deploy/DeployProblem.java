package io.podcomposer.deploy;

import java.util.List;

import io.podcomposer.kube.ClusterCallException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A deploy, delete or read that did not succeed, answered as a problem. When a record was made
 * (a failed deploy), it rides along as {@code deployment}; a refused apply names the fields
 * other managers own as {@code conflicts}.
 */
class DeployProblem extends ErrorResponseException {

	private final DeploymentView deployment;

	private final List<ClusterCallException.FieldConflict> conflicts;

	DeployProblem(HttpStatus status, String title, String detail, DeploymentView deployment,
			List<ClusterCallException.FieldConflict> conflicts) {
		super(status, problem(status, title, detail, deployment, conflicts), null);
		this.deployment = deployment;
		this.conflicts = List.copyOf(conflicts);
	}

	DeployProblem(HttpStatus status, String title, String detail) {
		this(status, title, detail, null, List.of());
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
