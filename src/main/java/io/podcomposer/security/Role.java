package io.podcomposer.security;

/**
 * What a user may do. Each role includes the ones before it: an EDITOR is also a VIEWER, and an
 * ADMIN is everything.
 */
public enum Role {

	/** Read templates, render, validate. */
	VIEWER,
	/** And write templates. */
	EDITOR,
	/** And deploy, and delete deployments. */
	DEPLOYER,
	/** And clusters, users and the audit log. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
