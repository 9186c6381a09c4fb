package io.podcomposer.deploy;

import io.podcomposer.clusters.ClusterProblem;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.ClusterCalls;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.system.DomainException.Kind;
import org.springframework.stereotype.Component;

/** Finds a deployment record by its id, and reaches the cluster its object is in. */
@Component
class DeploymentLookup {

	private final DeploymentRecordRepository records;

	private final ClusterService clusters;

	DeploymentLookup(DeploymentRecordRepository records, ClusterService clusters) {
		this.records = records;
		this.clusters = clusters;
	}

	DeploymentRecord find(long id) {
		return this.records.findById(id)
			.orElseThrow(() -> new DeployProblem(Kind.NOT_FOUND, "Not found", "There is no deployment " + id + "."));
	}

	ClusterCalls calls(DeploymentRecord record) {
		try {
			return this.clusters.calls(record.getClusterId());
		}
		catch (ClusterProblem ex) {
			throw new DeployProblem(Kind.CONFLICT, "Cluster gone",
					"Cluster " + record.getClusterName() + " is not connected any more.");
		}
	}

	static WorkloadKind kind(DeploymentRecord record) {
		return WorkloadKind.fromKindName(record.getKind()).orElseThrow();
	}

}
