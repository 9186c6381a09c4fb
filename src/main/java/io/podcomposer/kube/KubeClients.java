package io.podcomposer.kube;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.kubernetes.client.openapi.ApiClient;

/**
 * One client-java client a cluster, kept while the way to reach that cluster stays the
 * same, so that a deploy reuses the pooled TLS connections of the last one: building a
 * client and shaking hands anew cost a deploy several times what its four calls take. A
 * connection that differs in anything (address, CA, credentials, timeout) gets a new
 * client; the old one's idle connections are closed, as are those of a cluster forgotten.
 */
public final class KubeClients {

	private final ConcurrentMap<Long, Kept> clients = new ConcurrentHashMap<>();

	/**
	 * The client kept for the cluster when it was built for this connection, else a new
	 * one.
	 */
	public ApiClient client(long clusterId, KubeConnection connection) {
		return this.clients.compute(clusterId, (id, kept) -> {
			if (kept != null && kept.connection().equals(connection)) {
				return kept;
			}
			if (kept != null) {
				close(kept.client());
			}
			return new Kept(connection, connection.apiClient());
		}).client();
	}

	/** Drops the cluster's client, when it has one. */
	public void forget(long clusterId) {
		Kept kept = this.clients.remove(clusterId);
		if (kept != null) {
			close(kept.client());
		}
	}

	/** Closes the idle connections; a call under way finishes on its own. */
	private static void close(ApiClient client) {
		client.getHttpClient().connectionPool().evictAll();
	}

	/**
	 * The credentials stay inside, as in the client itself: neither record shows them.
	 */
	private record Kept(KubeConnection connection, ApiClient client) {
	}

}
