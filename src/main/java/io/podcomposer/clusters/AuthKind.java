package io.podcomposer.clusters;

/**
 * How the portal signs in to a cluster: one of the ways a kubeconfig gives inline, a
 * command it runs ({@code exec}, when allowed), or the portal's own service account in
 * the cluster it runs in.
 */
public enum AuthKind {

	TOKEN, CLIENT_CERTIFICATE, BASIC, EXEC, SERVICE_ACCOUNT

}
