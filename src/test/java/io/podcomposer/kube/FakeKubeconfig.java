package io.podcomposer.kube;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Kubeconfigs for a {@link FakeKubernetes}. */
public final class FakeKubeconfig {

	private FakeKubeconfig() {
	}

	/** A kubeconfig for the fake cluster: its address, its CA as data, and a bearer token. */
	public static String of(FakeKubernetes cluster, String token) {
		return withUser(cluster, "token: " + token);
	}

	/** A kubeconfig for the fake cluster: its address, its CA as data, and the user's lines (indented four spaces). */
	public static String withUser(FakeKubernetes cluster, String userLines) {
		return """
				apiVersion: v1
				kind: Config
				clusters:
				- name: fake
				  cluster:
				    server: %s
				    certificate-authority-data: %s
				users:
				- name: deployer
				  user:
				    %s
				contexts:
				- name: fake
				  context: {cluster: fake, user: deployer}
				current-context: fake
				""".formatted(cluster.url(),
				Base64.getEncoder().encodeToString(cluster.caPem().getBytes(StandardCharsets.US_ASCII)), userLines);
	}

}
