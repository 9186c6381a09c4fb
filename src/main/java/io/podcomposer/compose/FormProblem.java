package io.podcomposer.compose;

/**
 * Something the composer could not take from a form input; {@code field} is the input's
 * name.
 */
public record FormProblem(String field, String message) {
}
