package io.podcomposer.clusters;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused cluster request, answered as a problem by the API's exception handler. */
class ClusterProblem extends ErrorResponseException {

	ClusterProblem(HttpStatus status, String title, String detail) {
		super(status, problem(status, title, detail), null);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	static ClusterProblem notFound(long id) {
		return new ClusterProblem(HttpStatus.NOT_FOUND, "Not found", "There is no cluster " + id + ".");
	}

}
