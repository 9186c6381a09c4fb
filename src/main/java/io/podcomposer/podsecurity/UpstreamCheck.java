package io.podcomposer.podsecurity;

import java.util.List;

/** The id and level every check carries, and the violation it answers in its own name. */
abstract class UpstreamCheck implements PodSecurityCheck {

	private final String id;

	private final Level level;

	UpstreamCheck(String id, Level level) {
		this.id = id;
		this.level = level;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public Level level() {
		return this.level;
	}

	Violation violation(String reason, String detail, List<String> paths) {
		return new Violation(this.level, this.id, reason, detail, List.copyOf(paths));
	}

}
