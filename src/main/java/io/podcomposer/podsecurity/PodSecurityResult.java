package io.podcomposer.podsecurity;

import java.util.List;

/** The highest level the pod satisfies, and every check it fails. */
public record PodSecurityResult(Level level, List<Violation> violations) {
}
