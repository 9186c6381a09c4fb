package io.podcomposer.podsecurity;

import io.podcomposer.manifest.PodView;

/**
 * One Pod Security Standards check, as in k8s.io/pod-security-admission/policy: an
 * upstream id, the level it guards, and a doc comment on each implementation naming the
 * fields it restricts and the values it allows.
 */
public interface PodSecurityCheck {

	/** The upstream check id, as in {@code capabilities_baseline}. */
	String id();

	Level level();

	/**
	 * What to change so the pod passes, as in "remove hostPort from the ports": the
	 * admission controller says what is wrong, this says what to do instead.
	 */
	String remedy();

	/**
	 * Null when the pod passes; else the reason, detail and paths, worded as upstream.
	 */
	Violation check(PodView pod);

}
