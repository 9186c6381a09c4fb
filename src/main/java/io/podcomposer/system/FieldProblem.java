package io.podcomposer.system;

/**
 * One field of a request that breaks a rule, as the API reports it in a problem's
 * {@code errors}.
 *
 * @param path the field in Kubernetes field-path form, as in
 * {@code spec.containers[1].name}
 * @param message what is wrong, for a person
 * @param rule a short id of the rule, for a program
 */
public record FieldProblem(String path, String message, String rule) {
}
