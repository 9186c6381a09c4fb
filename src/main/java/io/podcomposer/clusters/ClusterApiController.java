package io.podcomposer.clusters;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.podcomposer.kube.ClusterCheck;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** Clusters, for admins: {@code /api/v1/clusters}. No answer carries credentials. */
@RestController
@RequestMapping("/api/v1/clusters")
@Tag(name = "Clusters", description = "Kubernetes clusters to deploy to (ADMIN)")
class ClusterApiController {

	private final ClusterService clusters;

	ClusterApiController(ClusterService clusters) {
		this.clusters = clusters;
	}

	@Operation(summary = "All clusters, by name",
			description = "The portal's own cluster (inCluster) only while "
					+ "podcomposer.clusters.in-cluster.enabled is on")
	@GetMapping
	List<ClusterView> clusters() {
		return this.clusters.list();
	}

	@Operation(summary = "One cluster")
	@GetMapping("/{id}")
	ClusterView cluster(@PathVariable long id) {
		return this.clusters.get(id);
	}

	@Operation(summary = "Add a cluster from a kubeconfig",
			description = "Only what the context (given, else current, else the only one) needs is kept; credentials "
					+ "are encrypted. auth-provider and file references are refused: 422; exec too unless "
					+ "podcomposer.clusters.allow-exec is on. Also 422: a server URL with a user name or password, "
					+ "a server on the portal's own host unless podcomposer.clusters.allow-local-servers is on, and "
					+ "link-local or cloud metadata addresses. Name taken: 409.")
	@PostMapping
	ResponseEntity<ClusterView> add(@RequestBody ClusterRequest request) {
		ClusterView cluster = this.clusters.add(request.name(), request.kubeconfig(), request.context());
		return ResponseEntity
			.created(UriComponentsBuilder.fromPath("/api/v1/clusters/{id}").buildAndExpand(cluster.id()).toUri())
			.body(cluster);
	}

	@Operation(summary = "Check a cluster", description = "Reachability, server version, latency and the namespaces "
			+ "it lets us list; when it cannot be reached, reachable is false and message says why, quoting only the "
			+ "message of a Kubernetes Status, never another server's answer. At most 15 s.")
	@PostMapping("/{id}/check")
	CheckAnswer check(@PathVariable long id) {
		return CheckAnswer.of(this.clusters.check(id));
	}

	@Operation(summary = "The namespaces the cluster lets us list",
			description = "502 when the cluster cannot be "
					+ "reached or refuses, quoting only the message of a Kubernetes Status")
	@GetMapping("/{id}/namespaces")
	List<String> namespaces(@PathVariable long id) {
		ClusterCheck check = this.clusters.check(id);
		if (!check.reachable()) {
			throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, check.message());
		}
		return check.namespaces();
	}

	/** A check as the API answers it. */
	record CheckAnswer(boolean reachable, String version, Long latencyMillis, List<String> namespaces, String message) {

		static CheckAnswer of(ClusterCheck check) {
			return new CheckAnswer(check.reachable(), check.serverVersion(),
					check.reachable() ? check.latencyMillis() : null, check.namespaces(), check.message());
		}

	}

	@Operation(summary = "Remove a cluster", description = "The portal's own cluster (inCluster) cannot be: 409")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.clusters.delete(id);
		return ResponseEntity.noContent().build();
	}

}
