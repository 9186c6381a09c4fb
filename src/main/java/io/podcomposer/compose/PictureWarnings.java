package io.podcomposer.compose;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.podcomposer.validation.Finding;
import io.podcomposer.validation.ValidationReport;

/**
 * What the pod picture warns about under its drawing: the validator's findings on what
 * the picture shows, a port two containers declare on one localhost and a mount of a
 * volume that is not there. The validator decides; the picture only draws.
 */
final class PictureWarnings {

	private static final Set<String> RULES = Set.of("duplicate-port", "volume-mounts");

	private PictureWarnings() {
	}

	static List<String> of(ValidationReport report) {
		return Stream.concat(report.errors().stream(), report.warnings().stream())
			.filter((finding) -> RULES.contains(finding.rule()))
			.map(PictureWarnings::text)
			.toList();
	}

	private static String text(Finding finding) {
		return finding.path() + ": " + finding.message();
	}

}
