package io.podcomposer.validation;

import java.util.List;

/**
 * What the validator says of a file of several objects: {@code valid} when every object
 * it checked is, then each object's report in order.
 */
public record FileReport(boolean valid, List<DocumentReport> documents) {
}
