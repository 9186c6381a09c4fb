package io.podcomposer.manifest;

/** A well-formed document that is not an object of a kind the portal composes. */
public class UnsupportedManifestException extends RuntimeException {

	public UnsupportedManifestException(String message) {
		super(message);
	}

}
