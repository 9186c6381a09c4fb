package io.podcomposer.kube;

import java.util.List;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.VersionInfo;

/**
 * Checks a cluster: reachable, which version, how fast, and which namespaces we may see.
 */
public final class ClusterProbe {

	private ClusterProbe() {
	}

	public static ClusterCheck check(KubeConnection connection) {
		ApiClient client;
		try {
			client = connection.apiClient();
		}
		catch (RuntimeException ex) {
			return ClusterCheck.failed("The cluster settings cannot be used: " + ex.getMessage());
		}
		VersionInfo version;
		long started = System.nanoTime();
		try {
			version = new VersionApi(client).getCode().execute();
		}
		catch (ApiException ex) {
			return ClusterCheck.failed(ClusterFailure.describe(ex, connection));
		}
		catch (RuntimeException ex) {
			// an answer that is not the VersionInfo asked for
			return ClusterCheck.failed(ClusterFailure.transportFailure(ex, connection));
		}
		if (version == null || version.getGitVersion() == null) {
			return ClusterCheck.failed(ClusterFailure.notKubernetes(connection));
		}
		long latencyMillis = (System.nanoTime() - started) / 1_000_000;
		try {
			List<String> namespaces = new CoreV1Api(client).listNamespace()
				.execute()
				.getItems()
				.stream()
				.map(V1Namespace::getMetadata)
				.map(V1ObjectMeta::getName)
				.sorted()
				.toList();
			return ClusterCheck.reached(version.getGitVersion(), latencyMillis, namespaces, null);
		}
		catch (ApiException ex) {
			// Many service accounts may not list namespaces; the cluster is still there.
			return ClusterCheck.reached(version.getGitVersion(), latencyMillis, List.of(),
					"Namespaces cannot be listed: " + ClusterFailure.describe(ex, connection));
		}
		catch (RuntimeException ex) {
			return ClusterCheck.reached(version.getGitVersion(), latencyMillis, List.of(),
					"Namespaces cannot be listed: " + ClusterFailure.transportFailure(ex, connection));
		}
	}

}
