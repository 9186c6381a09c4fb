package io.podcomposer.podsecurity;

import java.util.List;

/**
 * The id, level and remedy every check carries, and the violation it answers in its own
 * name.
 */
abstract class UpstreamCheck implements PodSecurityCheck {

	private final String id;

	private final Level level;

	private final String remedy;

	UpstreamCheck(String id, Level level, String remedy) {
		this.id = id;
		this.level = level;
		this.remedy = remedy;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public Level level() {
		return this.level;
	}

	@Override
	public String remedy() {
		return this.remedy;
	}

	Violation violation(String reason, String detail, List<String> paths) {
		return new Violation(this.level, this.id, reason, detail, List.copyOf(paths));
	}

}
