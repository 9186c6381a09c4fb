package io.podcomposer.deploy;

/** Which revision of which template goes into which namespace of which cluster. */
record DeployTarget(long templateId, String templateName, int revision, long clusterId, String clusterName,
		String namespace) {
}
