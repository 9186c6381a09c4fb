package io.podcomposer.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.ClusterCallException;
import io.podcomposer.kube.ClusterCalls;
import io.podcomposer.manifest.WorkloadKind;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the health of many deployed objects for one page: the clusters are asked at once, each
 * cluster's objects one after the other, and the page waits at most {@link #WAIT}; what has not
 * been answered by then is Unknown. A cluster that could not be reached is not asked again for
 * {@link #REMEMBER_UNREACHABLE}, so that a page of its objects does not wait on each.
 */
@Component
class HealthReader {

	static final Duration WAIT = Duration.ofSeconds(3);

	static final Duration REMEMBER_UNREACHABLE = Duration.ofSeconds(10);

	private final ClusterService clusters;

	/** A thread for each cluster read: a read left behind by a page that stopped waiting ends at the connection's timeout. */
	private final SimpleAsyncTaskExecutor reads = new SimpleAsyncTaskExecutor("cluster-health-");

	/** Why a cluster could not be reached, and until when (System.nanoTime) that answer stands. */
	private final Map<Long, Unreachable> unreachable = new ConcurrentHashMap<>();

	/** When the read of a cluster under way started (System.nanoTime): a slow cluster gets one read at a time. */
	private final Map<Long, Long> underWay = new ConcurrentHashMap<>();

	HealthReader(ClusterService clusters, Environment environment) {
		this.clusters = clusters;
		this.reads.setVirtualThreads(Threading.VIRTUAL.isActive(environment));
	}

	/** A deployed object: where it is, and what. */
	record ObjectKey(long clusterId, String namespace, String kind, String name) {

		static ObjectKey of(DeploymentRecord record) {
			return new ObjectKey(record.getClusterId(), record.getNamespace(), record.getKind(), record.getName());
		}

	}

	private record Unreachable(long until, Health health) {
	}

	/** The health of the objects these applied records put in their clusters, read live. */
	Map<ObjectKey, Health> read(List<DeploymentRecord> applied) {
		Map<Long, List<DeploymentRecord>> byCluster = new LinkedHashMap<>();
		applied.forEach((record) -> byCluster.computeIfAbsent(record.getClusterId(), (id) -> new ArrayList<>()).add(record));
		Map<ObjectKey, Health> health = new HashMap<>();
		Map<Long, CompletableFuture<Map<ObjectKey, Health>>> asked = new LinkedHashMap<>();
		long now = System.nanoTime();
		for (Map.Entry<Long, List<DeploymentRecord>> cluster : byCluster.entrySet()) {
			long clusterId = cluster.getKey();
			Unreachable known = this.unreachable.get(clusterId);
			Long since = this.underWay.get(clusterId);
			if (known != null && known.until() - now > 0) {
				fill(health, cluster.getValue(), known.health());
			}
			else if (since != null && now - since > WAIT.toNanos()) {
				fill(health, cluster.getValue(), Health.unknown("ClusterTimedOut", "Cluster "
						+ cluster.getValue().get(0).getClusterName() + " has not answered an earlier read yet."));
			}
			else {
				this.underWay.putIfAbsent(clusterId, now);
				asked.put(clusterId, CompletableFuture.supplyAsync(() -> readCluster(clusterId, cluster.getValue()), this.reads)
					.whenComplete((answer, failure) -> this.underWay.remove(clusterId)));
			}
		}
		long deadline = now + WAIT.toNanos();
		for (Map.Entry<Long, CompletableFuture<Map<ObjectKey, Health>>> cluster : asked.entrySet()) {
			List<DeploymentRecord> objects = byCluster.get(cluster.getKey());
			try {
				health.putAll(cluster.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			catch (TimeoutException ex) {
				fill(health, objects, Health.unknown("ClusterTimedOut", "Cluster " + objects.get(0).getClusterName()
						+ " did not answer within " + WAIT.toSeconds() + " s."));
			}
			catch (ExecutionException ex) {
				fill(health, objects, Health.unknown("ClusterUnreadable", "Cluster " + objects.get(0).getClusterName()
						+ " could not be read: " + ex.getCause().getMessage()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fill(health, objects, Health.unknown("Interrupted", "The read was interrupted."));
			}
		}
		return health;
	}

	/** One cluster's objects, one after the other; once the cluster cannot be reached the rest are Unknown. */
	private Map<ObjectKey, Health> readCluster(long clusterId, List<DeploymentRecord> objects) {
		Map<ObjectKey, Health> health = new HashMap<>();
		ClusterCalls calls;
		try {
			calls = this.clusters.calls(clusterId);
		}
		catch (ErrorResponseException ex) {
			fill(health, objects, Health.unknown("ClusterGone",
					"Cluster " + objects.get(0).getClusterName() + " is not connected any more."));
			return health;
		}
		catch (RuntimeException ex) {
			fill(health, objects, Health.unknown("ClusterUnavailable", ex.getMessage()));
			return health;
		}
		for (DeploymentRecord record : objects) {
			try {
				health.put(ObjectKey.of(record), read(calls, record));
			}
			catch (ClusterCallException ex) {
				if (ex.status() == 0) {
					Health down = Health.unknown(ex.timedOut() ? "ClusterTimedOut" : "ClusterUnreachable", ex.getMessage());
					this.unreachable.put(clusterId, new Unreachable(System.nanoTime() + REMEMBER_UNREACHABLE.toNanos(), down));
					objects.stream().map(ObjectKey::of).forEach((key) -> health.putIfAbsent(key, down));
					return health;
				}
				health.put(ObjectKey.of(record),
						Health.unknown((ex.reason() == null) ? "ClusterRefused" : ex.reason(), ex.getMessage()));
			}
		}
		this.unreachable.remove(clusterId);
		return health;
	}

	/** One object's health: two calls for a workload (it and its pods), one for a pod. */
	static Health read(ClusterCalls calls, DeploymentRecord record) {
		WorkloadKind kind = WorkloadKind.fromKindName(record.getKind()).orElseThrow();
		Optional<JsonNode> found = calls.get(kind, record.getNamespace(), record.getName());
		if (found.isEmpty()) {
			return Health.missing("NotInCluster",
					Deployer.what(record) + " is not in the cluster: it was deleted outside the portal.");
		}
		List<JsonNode> pods = kind.isPod() ? List.of() : Deployments.pods(calls, record.getNamespace(), kind, found.get());
		return Health.of(kind, found.get(), pods);
	}

	private static void fill(Map<ObjectKey, Health> health, List<DeploymentRecord> objects, Health each) {
		objects.forEach((record) -> health.put(ObjectKey.of(record), each));
	}

}
