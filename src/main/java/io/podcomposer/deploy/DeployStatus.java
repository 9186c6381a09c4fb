package io.podcomposer.deploy;

/**
 * How a deploy ended; a record that was applied becomes {@link #Deleted} when it is
 * undeployed.
 */
public enum DeployStatus {

	/** Server-side applied: the object is in the cluster. */
	Applied,
	/** Only the server-side dry run was asked for, and it passed. */
	DryRunPassed,
	/**
	 * Blocked by validation, or refused by or unreachable in the cluster; the message
	 * says why.
	 */
	Failed,
	/** Applied once, then deleted from the cluster through the portal. */
	Deleted

}
