package io.podcomposer.podsecurity;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.PodView;

/**
 * Runs every check and answers the highest level the pod satisfies: restricted when
 * nothing fails, baseline when only restricted checks fail, else privileged.
 */
public final class PodSecurityEvaluator {

	private PodSecurityEvaluator() {
	}

	public static PodSecurityResult evaluate(PodView pod) {
		List<Violation> violations = new ArrayList<>();
		for (PodSecurityCheck check : PodSecurityChecks.ALL) {
			Violation violation = check.check(pod);
			if (violation != null) {
				violations.add(violation);
			}
		}
		Level level = Level.RESTRICTED;
		for (Violation violation : violations) {
			if (violation.level() == Level.BASELINE) {
				level = Level.PRIVILEGED;
			}
			else if (level == Level.RESTRICTED) {
				level = Level.BASELINE;
			}
		}
		return new PodSecurityResult(level, violations);
	}

}
