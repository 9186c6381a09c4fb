package io.podcomposer.deploy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A deployment record as the API answers it and the pages show it. */
public record DeploymentView(long id, DeployStatus status, String message, List<String> warnings, String kind,
		String name, String namespace, long clusterId, String clusterName, long templateId, String templateName,
		int revision, Map<String, String> values, String diff, Instant createdAt, String createdBy, Instant deletedAt,
		String deletedBy) {

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	static DeploymentView of(DeploymentRecord record) {
		List<String> warnings = record.getWarnings().isEmpty() ? List.of()
				: Arrays.asList(record.getWarnings().split("\n"));
		return new DeploymentView(record.getId(), record.getStatus(), record.getMessage(), warnings, record.getKind(),
				record.getName(), record.getNamespace(), record.getClusterId(), record.getClusterName(),
				record.getTemplateId(), record.getTemplateName(), record.getRevision(), values(record),
				record.getDiff(), record.getCreatedAt(), record.getCreatedBy(), record.getDeletedAt(),
				record.getDeletedBy());
	}

	static Map<String, String> values(DeploymentRecord record) {
		return JsonMapper.shared().readValue(record.getParameterValues(), VALUES);
	}

	/** Whether the object may still be in the cluster because of this record. */
	public boolean applied() {
		return this.status == DeployStatus.Applied;
	}

}
