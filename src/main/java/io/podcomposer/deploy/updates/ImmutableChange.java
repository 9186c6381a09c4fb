package io.podcomposer.deploy.updates;

/**
 * A change to a live object that the API server refuses to make in place.
 *
 * @param rule the id of the {@link UpdateRule} that refuses it
 * @param field the changed field, as the API server names paths
 * ({@code spec.containers[0].args})
 * @param message why, in the API server's words
 */
public record ImmutableChange(String rule, String field, String message) {
}
