package io.podcomposer.clusters;

import io.podcomposer.system.DomainException;

/**
 * A refused cluster request: one that is not there, switched off, or cannot be added as
 * given.
 */
public class ClusterProblem extends DomainException {

	ClusterProblem(Kind kind, String title, String detail) {
		super(kind, title, detail);
	}

	static ClusterProblem notFound(long id) {
		return new ClusterProblem(Kind.NOT_FOUND, "Not found", "There is no cluster " + id + ".");
	}

}
