package io.podcomposer.kube;

/**
 * An {@code exec} command that gave no credential: why, quoting its stderr but never its
 * stdout.
 */
public class ExecCredentialException extends RuntimeException {

	ExecCredentialException(String message) {
		super(message);
	}

}
