package io.podcomposer.clusters;

/**
 * A cluster's credentials cannot be had just now: its exec command failed, or the service
 * account's files cannot be read. The message says why and holds no secret.
 */
public class CredentialsUnavailableException extends RuntimeException {

	CredentialsUnavailableException(String message) {
		super(message);
	}

}
