package io.podcomposer.deploy;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.podcomposer.kube.ClusterCallException;
import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.security.AuditLog;
import io.podcomposer.system.DomainException.Kind;
import org.springframework.stereotype.Service;

/** Deletes a deployed object from its cluster, keeping its records. */
@Service
class Undeployer {

	private final DeploymentRecordRepository records;

	private final DeploymentLookup lookup;

	private final AuditLog audit;

	private final Clock clock;

	Undeployer(DeploymentRecordRepository records, DeploymentLookup lookup, AuditLog audit, Clock clock) {
		this.records = records;
		this.lookup = lookup;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Deletes the object from the cluster; the record stays, marked Deleted, as do the
	 * other records that had applied the same object.
	 * @throws DeployProblem a conflict when the record did not apply anything; as the
	 * cluster answers otherwise
	 */
	DeploymentView undeploy(long id) {
		DeploymentRecord record = this.lookup.find(id);
		if (record.getStatus() != DeployStatus.Applied) {
			throw new DeployProblem(Kind.CONFLICT, "Not deployed",
					"Only an applied deploy can be deleted; this one is " + record.getStatus() + ".");
		}
		String actor = AuditLog.currentActor();
		boolean wasThere;
		try {
			wasThere = this.lookup.calls(record)
				.delete(DeploymentLookup.kind(record), record.getNamespace(), record.getName());
		}
		catch (ClusterCallException ex) {
			this.audit.record(actor, "UNDEPLOY", Deployer.where(record), Outcome.FAILURE, ex.getMessage());
			throw new DeployProblem(DeployProblem.kindFor(ex), "Not deleted", ex.getMessage());
		}
		List<DeploymentRecord> same = this.records.findByClusterIdAndNamespaceAndKindAndNameAndStatus(
				record.getClusterId(), record.getNamespace(), record.getKind(), record.getName(), DeployStatus.Applied);
		same.forEach((other) -> other.markDeleted(this.clock.instant().truncatedTo(ChronoUnit.MICROS), actor));
		this.records.saveAll(same);
		this.audit.record(actor, "UNDEPLOY", Deployer.where(record), Outcome.SUCCESS,
				wasThere ? "deleted" : "it was not in the cluster any more");
		return DeploymentView.of(this.lookup.find(id));
	}

}
