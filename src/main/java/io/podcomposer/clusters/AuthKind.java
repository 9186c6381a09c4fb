package io.podcomposer.clusters;

/** How the portal signs in to a cluster: one of the ways a kubeconfig gives inline. */
public enum AuthKind {

	TOKEN, CLIENT_CERTIFICATE, BASIC

}
