package io.podcomposer.clusters;

/**
 * A kubeconfig the portal refuses: malformed, incomplete, or asking for what the portal
 * does not do.
 */
public class KubeconfigException extends RuntimeException {

	KubeconfigException(String message) {
		super(message);
	}

}
