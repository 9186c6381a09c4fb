package io.podcomposer.clusters;

import java.time.Instant;

/** A cluster as the API answers it: never its credentials. */
public record ClusterView(long id, String name, String server, String context, AuthKind authKind, boolean insecure,
		Instant createdAt, String createdBy) {

	static ClusterView of(Cluster cluster) {
		return new ClusterView(cluster.getId(), cluster.getName(), cluster.getServer(), cluster.getContextName(),
				cluster.getAuthKind(), cluster.isInsecure(), cluster.getCreatedAt(), cluster.getCreatedBy());
	}

}
