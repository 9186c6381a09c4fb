package io.podcomposer.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A server-side dry run that passed: what the cluster would do with the deploy, changing
 * nothing. It is no deployment, so it is audited but not recorded; the API answers it in
 * a deployment's shape, without an id, as {@code status: DryRunPassed} and
 * {@code dryRun: true}.
 *
 * @param diff from the live object to what it would become; null when there is none yet
 */
public record DryRun(String message, List<String> warnings, String kind, String name, String namespace, long clusterId,
		String clusterName, long templateId, String templateName, int revision, Map<String, String> values, String diff,
		Instant createdAt, String createdBy) {

	@JsonProperty
	public DeployStatus status() {
		return DeployStatus.DryRunPassed;
	}

	@JsonProperty
	public boolean dryRun() {
		return true;
	}

}
