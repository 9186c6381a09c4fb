package io.podcomposer.manifest;

import io.podcomposer.system.DomainException;

/** A well-formed document that is not an object of a kind the portal composes. */
public class UnsupportedManifestException extends DomainException {

	public UnsupportedManifestException(String message) {
		super(Kind.INVALID, "Unsupported manifest", message);
	}

}
