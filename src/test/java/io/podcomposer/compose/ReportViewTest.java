package io.podcomposer.compose;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.podsecurity.Level;
import io.podcomposer.podsecurity.PodSecurityResult;
import io.podcomposer.podsecurity.Violation;
import io.podcomposer.system.WorkMeters;
import io.podcomposer.validation.Finding;
import io.podcomposer.validation.ValidationReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The report in the preview, from a report made up here, so that each piece of the view
 * is pinned.
 */
class ReportViewTest {

	private static final Manifest POD = TestManifests.example("ipc-lock");

	private static final ValidationReport PRIVILEGED = new ValidationReport(false,
			List.of(new Finding("spec.containers[0].name", "must be <b>lower case</b>", "dns-label"),
					new Finding("spec.securityContext.sysctls[0].name", "not for you", "sysctl")),
			List.of(new Finding("spec.containers[1].securityContext.capabilities.add[0]", "typo",
					"unknown-capability")),
			new PodSecurityResult(Level.PRIVILEGED, List
				.of(new Violation(Level.BASELINE, "capabilities_baseline", "non-default capabilities",
						"container \"container2\" must not include \"IPC_LOCK\" in securityContext.capabilities.add",
						List.of("spec.containers[1].securityContext.capabilities.add")),
						new Violation(Level.RESTRICTED, "runAsNonRoot", "runAsNonRoot != true",
								"pod or container \"app\" must set securityContext.runAsNonRoot=true",
								List.of("spec.securityContext.runAsNonRoot")))));

	@Test
	void eachFindingKnowsItsInputAndLine() {
		ReportView view = ReportView.of(PRIVILEGED, POD, ManifestWriter.toYaml(POD.root()));

		assertThat(view.errors()).extracting(ReportView.FindingView::field, ReportView.FindingView::line)
			.containsExactly(tuple("containers[0].name", 9), tuple(null, 7));
		assertThat(view.warnings().get(0).field()).isEqualTo("containers[1].capabilitiesAdd");
		assertThat(view.warnings().get(0).line()).isEqualTo(22);
		assertThat(view.counts()).isEqualTo("2 errors · 1 warning");
	}

	@Test
	void theBadgeSaysWhatToChangeAndWhoWouldRefuse() {
		ReportView.SecurityView badge = ReportView.of(PRIVILEGED, POD, "").podSecurity();

		assertThat(badge.title()).isEqualTo("Privileged");
		assertThat(badge.admittedBy()).isEqualTo("Namespaces that enforce baseline or restricted would refuse it.");
		assertThat(badge.violations().get(0).remedy()).isEqualTo(
				"remove the capability from " + "securityContext.capabilities.add, or run the pod in a namespace whose "
						+ "pod-security.kubernetes.io/enforce label is privileged");
		assertThat(badge.violations().get(0).refusedBy()).isEqualTo("namespaces that enforce baseline or restricted");
		assertThat(badge.violations().get(1).remedy()).startsWith("set securityContext.runAsNonRoot to true");
		assertThat(badge.violations().get(1).refusedBy()).isEqualTo("namespaces that enforce restricted");
	}

	@Test
	void thePreviewDrawsTheBadgeAndTheListsAsText() {
		ComposerService composer = new ComposerService(new WorkMeters(new SimpleMeterRegistry()));
		PreviewView plain = composer.preview(POD, List.of(), List.of());
		PreviewView preview = new PreviewView(plain.yaml(), plain.json(), plain.fileName(), plain.kindName(),
				plain.picture(), plain.kept(), plain.notes(), plain.problems(),
				ReportView.of(PRIVILEGED, POD, plain.yaml()), plain.placeholders());

		Document html = Jsoup.parse(render(preview));

		assertThat(html.select(".pss.pss-privileged > summary").text())
			.isEqualTo("Pod Security: Privileged 2 checks fail");
		assertThat(html.select(".violation").get(0).text()).contains(
				"capabilities_baseline baseline non-default capabilities",
				"Change: remove the capability from securityContext.capabilities.add",
				"Refused by: namespaces that enforce baseline or restricted",
				"spec.containers[1].securityContext.capabilities.add");
		assertThat(html.select(".report-counts").text()).isEqualTo("2 errors · 1 warning");
		assertThat(html.select(".finding.error").get(0).attr("data-field")).isEqualTo("containers[0].name");
		assertThat(html.select(".finding.error").get(0).attr("data-line")).isEqualTo("9");
		assertThat(html.select(".finding.error").get(1).hasAttr("data-field")).isFalse();
		assertThat(html.select(".finding.error [data-message]").get(0).text()).isEqualTo("must be <b>lower case</b>");
		assertThat(html.select(".finding.warning").get(0).text())
			.isEqualTo("spec.containers[1].securityContext.capabilities.add[0] typo");
		assertThat(html.select(".report b")).isEmpty();
	}

	@Test
	void aPodThatMeetsEveryLevelSaysSo() {
		Manifest restricted = TestManifests.yaml("""
				apiVersion: v1
				kind: Pod
				metadata: {name: web}
				spec:
				  securityContext:
				    runAsNonRoot: true
				    seccompProfile: {type: RuntimeDefault}
				  containers:
				  - name: web
				    image: nginx:1.27
				    securityContext:
				      allowPrivilegeEscalation: false
				      capabilities: {drop: [ALL]}
				""");
		PreviewView preview = new ComposerService(new WorkMeters(new SimpleMeterRegistry())).preview(restricted,
				List.of(), List.of());

		Document html = Jsoup.parse(render(preview));

		assertThat(html.select(".pss.pss-restricted > summary").text()).isEqualTo("Pod Security: Restricted");
		assertThat(html.select(".pss .violations")).isEmpty();
	}

	private static String render(PreviewView preview) {
		return PictureFragmentTest.render("compose", "preview", Map.of("preview", preview));
	}

}
