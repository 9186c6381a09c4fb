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

import io.podcomposer.clusters.ClusterProblem;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.ClusterCallException;
import io.podcomposer.kube.ClusterCalls;
import io.podcomposer.manifest.WorkloadKind;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads the health of many deployed objects for one page: the clusters are asked at once,
 * each cluster with one call per namespace and kind (a LIST, or a GET for a single
 * object) plus the pods of each workload still rolling out, whose containers say why it
 * is stuck; the page waits at most {@link #WAIT}, and what has not been answered by then
 * is Unknown. A cluster that could not be reached is not asked again for
 * {@link #REMEMBER_UNREACHABLE}, so that a page of its objects does not wait on each.
 */
@Component
class HealthReader {

	static final Duration WAIT = Duration.ofSeconds(3);

	static final Duration REMEMBER_UNREACHABLE = Duration.ofSeconds(10);

	private final ClusterService clusters;

	/**
	 * A thread for each cluster read: a read left behind by a page that stopped waiting
	 * ends at the connection's timeout.
	 */
	private final SimpleAsyncTaskExecutor reads = new SimpleAsyncTaskExecutor("cluster-health-");

	/**
	 * Why a cluster could not be reached, and until when (System.nanoTime) that answer
	 * stands.
	 */
	private final Map<Long, Unreachable> unreachable = new ConcurrentHashMap<>();

	/**
	 * When each read of a cluster under way started (System.nanoTime), by cluster: once
	 * the oldest has run longer than {@link #WAIT}, no more are started, so that a slow
	 * cluster is not piled up with reads. Each read takes out its own start when it ends,
	 * as others may still run.
	 */
	private final Map<Long, List<Long>> underWay = new ConcurrentHashMap<>();

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

	/**
	 * The health of the objects these applied records put in their clusters, read live.
	 */
	Map<ObjectKey, Health> read(List<DeploymentRecord> applied) {
		Map<Long, List<DeploymentRecord>> byCluster = new LinkedHashMap<>();
		applied.forEach(
				(record) -> byCluster.computeIfAbsent(record.getClusterId(), (id) -> new ArrayList<>()).add(record));
		Map<ObjectKey, Health> health = new HashMap<>();
		Map<Long, CompletableFuture<Map<ObjectKey, Health>>> asked = new LinkedHashMap<>();
		long now = System.nanoTime();
		for (Map.Entry<Long, List<DeploymentRecord>> cluster : byCluster.entrySet()) {
			long clusterId = cluster.getKey();
			Unreachable known = this.unreachable.get(clusterId);
			if (known != null && known.until() - now > 0) {
				fill(health, cluster.getValue(), known.health());
			}
			else if (oldestReadUnderWay(clusterId).filter((since) -> now - since > WAIT.toNanos()).isPresent()) {
				fill(health, cluster.getValue(), Health.unknown("ClusterTimedOut", "Cluster "
						+ cluster.getValue().get(0).getClusterName() + " has not answered an earlier read yet."));
			}
			else {
				this.underWay.merge(clusterId, List.of(now), HealthReader::joined);
				asked.put(clusterId,
						CompletableFuture.supplyAsync(() -> readCluster(clusterId, cluster.getValue()), this.reads)
							.whenComplete((answer, failure) -> this.underWay.computeIfPresent(clusterId,
									(id, starts) -> without(starts, now))));
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

	/**
	 * One cluster's objects, one after the other; once the cluster cannot be reached the
	 * rest are Unknown.
	 */
	private Map<ObjectKey, Health> readCluster(long clusterId, List<DeploymentRecord> objects) {
		Map<ObjectKey, Health> health = new HashMap<>();
		ClusterCalls calls;
		try {
			calls = this.clusters.calls(clusterId);
		}
		catch (ClusterProblem ex) {
			fill(health, objects, Health.unknown("ClusterGone",
					"Cluster " + objects.get(0).getClusterName() + " is not connected any more."));
			return health;
		}
		catch (RuntimeException ex) {
			fill(health, objects, Health.unknown("ClusterUnavailable", ex.getMessage()));
			return health;
		}
		Map<String, List<DeploymentRecord>> byNamespaceAndKind = new LinkedHashMap<>();
		objects.forEach((record) -> byNamespaceAndKind
			.computeIfAbsent(record.getNamespace() + "/" + record.getKind(), (key) -> new ArrayList<>())
			.add(record));
		for (List<DeploymentRecord> sameKind : byNamespaceAndKind.values()) {
			try {
				health.putAll(read(calls, sameKind));
			}
			catch (ClusterCallException ex) {
				if (ex.status() == 0) {
					Health down = Health.unknown(ex.timedOut() ? "ClusterTimedOut" : "ClusterUnreachable",
							ex.getMessage());
					this.unreachable.put(clusterId,
							new Unreachable(System.nanoTime() + REMEMBER_UNREACHABLE.toNanos(), down));
					objects.stream().map(ObjectKey::of).forEach((key) -> health.putIfAbsent(key, down));
					return health;
				}
				fill(health, sameKind,
						Health.unknown((ex.reason() == null) ? "ClusterRefused" : ex.reason(), ex.getMessage()));
			}
		}
		this.unreachable.remove(clusterId);
		return health;
	}

	/**
	 * The health of objects of one kind in one namespace: a GET for one, a LIST for more
	 * (or a GET each, where the account may get but not list them).
	 */
	private static Map<ObjectKey, Health> read(ClusterCalls calls, List<DeploymentRecord> sameKind) {
		DeploymentRecord first = sameKind.get(0);
		WorkloadKind kind = WorkloadKind.fromKindName(first.getKind()).orElseThrow();
		Map<String, JsonNode> found = new HashMap<>();
		if (sameKind.size() == 1) {
			calls.get(kind, first.getNamespace(), first.getName())
				.ifPresent((object) -> found.put(first.getName(), object));
		}
		else {
			try {
				calls.list(kind, first.getNamespace(), null)
					.forEach((object) -> found.put(object.path("metadata").path("name").asString(""), object));
			}
			catch (ClusterCallException ex) {
				if (ex.status() != 403) {
					throw ex;
				}
				for (DeploymentRecord record : sameKind) {
					calls.get(kind, record.getNamespace(), record.getName())
						.ifPresent((object) -> found.put(record.getName(), object));
				}
			}
		}
		Map<ObjectKey, Health> health = new HashMap<>();
		for (DeploymentRecord record : sameKind) {
			JsonNode object = found.get(record.getName());
			health.put(ObjectKey.of(record),
					(object == null)
							? Health.missing("NotInCluster",
									Deployer.what(record)
											+ " is not in the cluster: it was deleted outside the portal.")
							: health(calls, kind, record.getNamespace(), object));
		}
		return health;
	}

	/**
	 * An object's health; the pods of a workload still rolling out are read, as a stuck
	 * one says why.
	 */
	private static Health health(ClusterCalls calls, WorkloadKind kind, String namespace, JsonNode object) {
		Health controller = Health.of(kind, object, List.of());
		if (kind.isPod() || controller.status() != Health.Status.Progressing) {
			return controller;
		}
		return Health.of(kind, object, LiveStates.pods(calls, namespace, kind, object));
	}

	/** The start of the oldest read of the cluster under way, if one is. */
	private Optional<Long> oldestReadUnderWay(long clusterId) {
		return this.underWay.getOrDefault(clusterId, List.of()).stream().min(Long::compare);
	}

	private static List<Long> joined(List<Long> starts, List<Long> more) {
		List<Long> all = new ArrayList<>(starts);
		all.addAll(more);
		return List.copyOf(all);
	}

	/**
	 * The starts but one {@code start}; null, to drop the cluster's entry, when none is
	 * left.
	 */
	private static List<Long> without(List<Long> starts, long start) {
		List<Long> left = new ArrayList<>(starts);
		left.remove(Long.valueOf(start));
		return left.isEmpty() ? null : List.copyOf(left);
	}

	private static void fill(Map<ObjectKey, Health> health, List<DeploymentRecord> objects, Health each) {
		objects.forEach((record) -> health.put(ObjectKey.of(record), each));
	}

}
