package io.podcomposer.validation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.podcomposer.podsecurity.PodSecurityResult;

/**
 * What the validator says of one object of a file: where it is ({@code index} among the
 * objects, {@code path} in the body: {@code documents[2]}, {@code items[0]}), what it is,
 * and whether it was checked at all: an object of a kind the API server does not build in
 * (a custom resource) is not. Pod Security is judged for the kinds that run pods.
 */
public record DocumentReport(int index, String path, String kind, String name, boolean checked, boolean valid,
		List<Finding> errors, List<Finding> warnings,
		@JsonInclude(JsonInclude.Include.NON_NULL) PodSecurityResult podSecurity) {
}
