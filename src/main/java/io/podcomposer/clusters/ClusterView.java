package io.podcomposer.clusters;

import java.time.Instant;

/**
 * A cluster as the API answers it: never its credentials.
 *
 * @param namespace the namespace its kubeconfig context names, where deploys start; null
 * without one
 * @param inCluster whether it is the cluster the portal runs in, reached with the
 * portal's service account
 */
public record ClusterView(long id, String name, String server, String context, String namespace, AuthKind authKind,
		boolean insecure, boolean inCluster, Instant createdAt, String createdBy) {

	static ClusterView of(Cluster cluster) {
		return new ClusterView(cluster.getId(), cluster.getName(), Kubeconfig.withoutUserInfo(cluster.getServer()),
				cluster.getContextName(), cluster.getDefaultNamespace(), cluster.getAuthKind(), cluster.isInsecure(),
				cluster.isInCluster(), cluster.getCreatedAt(), cluster.getCreatedBy());
	}

}
