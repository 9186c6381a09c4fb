package io.podcomposer.validation;

import io.podcomposer.manifest.PodView;

/**
 * One rule, in the manner of the pod-security-admission checks: an id, a severity, and a
 * doc comment on each implementation naming the fields it looks at and what it allows.
 * Rules know no HTTP and no database, keep no state, and never throw on odd input.
 */
public interface ValidationRule {

	String id();

	Severity severity();

	void check(PodView pod, Findings findings);

}
