package io.podcomposer.podsecurity;

import java.util.List;

/**
 * A check the pod fails, in the admission controller's words: the check id, the level it
 * belongs to, the reason and the detail, plus the field paths that cause it.
 */
public record Violation(Level level, String check, String reason, String detail, List<String> paths) {

	/** What to change so that the check passes, from the check itself. */
	public String remedy() {
		return PodSecurityChecks.remedy(this.check);
	}

}
