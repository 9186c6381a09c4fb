package io.podcomposer.compose;

import java.util.List;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.podsecurity.Level;
import io.podcomposer.podsecurity.PodSecurityResult;
import io.podcomposer.podsecurity.Violation;
import io.podcomposer.validation.Finding;
import io.podcomposer.validation.ValidationReport;

/**
 * The validator's report as the preview shows it: each finding with the form input it
 * belongs beside and its line in the YAML, and the Pod Security badge with what to
 * change.
 */
public record ReportView(List<FindingView> errors, List<FindingView> warnings, SecurityView podSecurity) {

	/**
	 * One finding. {@code field} is the form input's name, null when the form has none;
	 * {@code line} the 1-based line in the YAML, 0 when it is not in it.
	 */
	public record FindingView(String path, String message, String rule, String field, int line) {
	}

	/** The badge: the level the pod meets, and every check it fails. */
	public record SecurityView(String level, String title, String admittedBy, List<ViolationView> violations) {
	}

	/** A failed check, in the admission controller's words, and what to do about it. */
	public record ViolationView(String check, String level, String reason, String detail, String remedy,
			String refusedBy, List<String> paths) {
	}

	static ReportView of(ValidationReport report, Manifest manifest, String yaml) {
		YamlLines lines = new YamlLines(yaml);
		return new ReportView(findings(report.errors(), manifest, lines), findings(report.warnings(), manifest, lines),
				security(report.podSecurity()));
	}

	/** As the count reads above the lists: "1 error · 6 warnings". */
	public String counts() {
		return count(this.errors.size(), "error") + " · " + count(this.warnings.size(), "warning");
	}

	private static List<FindingView> findings(List<Finding> findings, Manifest manifest, YamlLines lines) {
		return findings.stream()
			.map((finding) -> new FindingView(finding.path(), finding.message(), finding.rule(),
					FormFieldNames.of(finding.path(), manifest), lines.lineOf(finding.path())))
			.toList();
	}

	private static SecurityView security(PodSecurityResult result) {
		String admittedBy = switch (result.level()) {
			case RESTRICTED ->
				"Every namespace admits it, whatever level its pod-security.kubernetes.io/enforce " + "label names.";
			case BASELINE -> "Namespaces that enforce restricted would refuse it.";
			case PRIVILEGED -> "Namespaces that enforce baseline or restricted would refuse it.";
		};
		List<ViolationView> violations = result.violations().stream().map(ReportView::violation).toList();
		return new SecurityView(result.level().id(), title(result.level()), admittedBy, violations);
	}

	private static ViolationView violation(Violation violation) {
		String refusedBy = (violation.level() == Level.BASELINE) ? "namespaces that enforce baseline or restricted"
				: "namespaces that enforce restricted";
		return new ViolationView(violation.check(), violation.level().id(), violation.reason(), violation.detail(),
				remedy(violation), refusedBy, violation.paths());
	}

	/** What to change, and the level of a namespace that would take the pod as it is. */
	private static String remedy(Violation violation) {
		// A failed baseline check leaves only privileged namespaces; a failed restricted
		// one, baseline too.
		String admits = (violation.level() == Level.BASELINE) ? "privileged" : "baseline";
		return violation.remedy() + ", or run the pod in a namespace whose pod-security.kubernetes.io/enforce label is "
				+ admits;
	}

	private static String title(Level level) {
		return level.id().substring(0, 1).toUpperCase() + level.id().substring(1);
	}

	private static String count(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
