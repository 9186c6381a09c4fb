package io.podcomposer.validation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.podcomposer.podsecurity.PodSecurityResult;

/**
 * What the validator says of a manifest, as {@code POST /api/v1/validate} answers it:
 * whether the API server would accept it on create, its errors and warnings, and its Pod
 * Security level (none for a kind that runs no pod).
 */
public record ValidationReport(boolean valid, List<Finding> errors, List<Finding> warnings,
		@JsonInclude(JsonInclude.Include.NON_NULL) PodSecurityResult podSecurity) {
}
