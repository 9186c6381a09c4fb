package io.podcomposer.deploy;

import java.util.Map;

/**
 * What {@code POST /api/v1/deployments} takes. {@code revision} null is the template's
 * latest; {@code kind} null keeps the template's kind. {@code force} takes over fields
 * another field manager owns, after a deploy was refused for that. {@code replace}
 * deletes the live object and creates it again when the deploy changes what the cluster
 * does not change in place (a Pod's spec, a workload's selector, a Job's template);
 * without it such a deploy is refused with 409.
 */
public record DeployRequest(Long templateId, Integer revision, Long clusterId, String namespace,
		Map<String, String> values, String kind, Boolean dryRun, Boolean force, Boolean replace) {

	public DeployRequest {
		values = (values == null) ? Map.of() : Map.copyOf(values);
		dryRun = Boolean.TRUE.equals(dryRun);
		force = Boolean.TRUE.equals(force);
		replace = Boolean.TRUE.equals(replace);
	}

}
