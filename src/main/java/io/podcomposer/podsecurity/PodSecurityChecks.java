package io.podcomposer.podsecurity;

import java.util.List;

/** Every check of the latest policy version, baseline and restricted. */
final class PodSecurityChecks {

	static final List<PodSecurityCheck> ALL = List.of();

	private PodSecurityChecks() {
	}

}
