package io.podcomposer.kube;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Kubeconfigs for a {@link FakeKubernetes}. */
public final class FakeKubeconfig {

	private FakeKubeconfig() {
	}

	/**
	 * A kubeconfig for the fake cluster: its address, its CA as data, and a bearer token.
	 */
	public static String of(FakeKubernetes cluster, String token) {
		return withUser(cluster, "token: " + token);
	}

	/** A kubeconfig for a server at that URL, with no CA data, and a bearer token. */
	public static String forServer(String server, String token) {
		return kubeconfig("server: " + server, "token: " + token);
	}

	/**
	 * A kubeconfig for the fake cluster: its address, its CA as data, and the user's
	 * lines (indented four spaces).
	 */
	public static String withUser(FakeKubernetes cluster, String userLines) {
		return kubeconfig(
				"server: " + cluster.url() + "\n    certificate-authority-data: "
						+ Base64.getEncoder().encodeToString(cluster.caPem().getBytes(StandardCharsets.US_ASCII)),
				userLines);
	}

	/**
	 * One cluster, one user and the context joining them; the lines are indented four
	 * spaces.
	 */
	private static String kubeconfig(String clusterLines, String userLines) {
		return """
				apiVersion: v1
				kind: Config
				clusters:
				- name: fake
				  cluster:
				    %s
				users:
				- name: deployer
				  user:
				    %s
				contexts:
				- name: fake
				  context: {cluster: fake, user: deployer}
				current-context: fake
				""".formatted(clusterLines, userLines);
	}

}
