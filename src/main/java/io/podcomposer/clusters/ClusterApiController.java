package io.podcomposer.clusters;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
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

	@Operation(summary = "All clusters, by name")
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
					+ "are encrypted. exec, auth-provider and file references are refused: 422. Name taken: 409.")
	@PostMapping
	ResponseEntity<ClusterView> add(@RequestBody ClusterRequest request) {
		ClusterView cluster = this.clusters.add(request.name(), request.kubeconfig(), request.context());
		return ResponseEntity
			.created(UriComponentsBuilder.fromPath("/api/v1/clusters/{id}").buildAndExpand(cluster.id()).toUri())
			.body(cluster);
	}

	@Operation(summary = "Remove a cluster")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.clusters.delete(id);
		return ResponseEntity.noContent().build();
	}

}
