package io.podcomposer.deploy;

import org.springframework.stereotype.Service;

/** Deploys a recorded deploy again. */
@Service
class Redeployer {

	private final DeploymentLookup lookup;

	private final Deployer deployer;

	Redeployer(DeploymentLookup lookup, Deployer deployer) {
		this.lookup = lookup;
		this.deployer = deployer;
	}

	/**
	 * Deploys the record's template again to the same place with the same values: its
	 * revision, or the latest.
	 */
	Deployer.DeployOutcome redeploy(long id, boolean latest, boolean force, boolean replace, boolean pauseForChanges) {
		DeploymentRecord record = this.lookup.find(id);
		return this.deployer.deploy(
				new DeployRequest(record.getTemplateId(), latest ? null : record.getRevision(), record.getClusterId(),
						record.getNamespace(), DeploymentView.values(record), record.getKind(), false, force, replace),
				pauseForChanges);
	}

}
