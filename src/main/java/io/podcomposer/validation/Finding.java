package io.podcomposer.validation;

/**
 * One thing wrong or worth a second look: the field path as the API server writes it
 * ({@code spec.containers[1].ports[0].containerPort}), the message, and the id of the
 * rule.
 */
public record Finding(String path, String message, String rule) {
}
