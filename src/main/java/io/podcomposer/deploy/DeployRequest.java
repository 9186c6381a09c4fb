package io.podcomposer.deploy;

import java.util.Map;

/**
 * What {@code POST /api/v1/deployments} takes. {@code revision} null is the template's latest;
 * {@code kind} null keeps the template's kind. {@code force} takes over fields another field
 * manager owns, after a deploy was refused for that.
 */
public record DeployRequest(Long templateId, Integer revision, Long clusterId, String namespace,
		Map<String, String> values, String kind, Boolean dryRun, Boolean force) {

	public DeployRequest {
		values = (values == null) ? Map.of() : Map.copyOf(values);
		dryRun = Boolean.TRUE.equals(dryRun);
		force = Boolean.TRUE.equals(force);
	}

}
