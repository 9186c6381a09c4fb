package io.podcomposer.kube;

import java.util.List;

/**
 * A call to a cluster that did not succeed. {@code status} is the cluster's HTTP status,
 * or 0 when no answer came; {@code getMessage()} says what happened in the cluster's own
 * words.
 */
public final class ClusterCallException extends RuntimeException {

	private final int status;

	private final boolean timedOut;

	private final String reason;

	private final List<FieldConflict> conflicts;

	ClusterCallException(int status, boolean timedOut, String reason, String message, List<FieldConflict> conflicts) {
		super(message);
		this.status = status;
		this.timedOut = timedOut;
		this.reason = reason;
		this.conflicts = List.copyOf(conflicts);
	}

	/** The cluster's HTTP status; 0 when it could not be reached or did not answer. */
	public int status() {
		return this.status;
	}

	/** No answer came within the connection's timeout. */
	public boolean timedOut() {
		return this.timedOut;
	}

	/**
	 * The {@code reason} of the cluster's {@code Status}, such as {@code Forbidden}; null
	 * without one.
	 */
	public String reason() {
		return this.reason;
	}

	/** For a server-side apply refused with 409: the fields another manager owns. */
	public List<FieldConflict> conflicts() {
		return this.conflicts;
	}

	/**
	 * A field that another field manager owns, as a refused server-side apply names it.
	 */
	public record FieldConflict(String manager, String field) {
	}

}
