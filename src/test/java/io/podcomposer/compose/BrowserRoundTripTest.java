package io.podcomposer.compose;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.system.WorkMeters;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.podcomposer.compose.TestManifests.toYaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip through the page: the editor drawn for a manifest, its form submitted as
 * a browser submits it, must preview the same manifest. This is where the template, the
 * binder and HTML's own rules meet the applier.
 */
@WebMvcTest(ComposeController.class)
@Import({ ComposerService.class, ComposerDrafts.class, WorkMeters.class, SimpleMeterRegistry.class })
@MockitoBean(types = TemplateEditing.class)
class BrowserRoundTripTest {

	@Autowired
	private MockMvcTester mvc;

	@ParameterizedTest
	@MethodSource("io.podcomposer.compose.FormRoundTripTest#manifests")
	void theFormSubmittedUnchangedPreviewsTheSameManifest(Manifest manifest) {
		Document preview = submit(editor(manifest));

		assertThat(preview.select(".findings li").eachText()).isEmpty();
		assertThat(yaml(preview)).isEqualTo(toYaml(manifest));
	}

	@ParameterizedTest
	@MethodSource("io.podcomposer.compose.ValidCorpus#podManifests")
	void everyPodOfTheValidCorpusSubmittedUnchangedPreviewsTheSameManifest(Manifest manifest) {
		assertThat(yaml(submit(editor(manifest)))).isEqualTo(toYaml(manifest));
	}

	@Test
	void anEnvFileKeyShowsAsItsSourceWithItsVolumePathAndKey() {
		Document editor = editor(TestManifests.resource("env-file-pod.yaml"));
		Element row = editor.selectFirst("[data-container=containers[0]] .env-row");

		assertThat(row.select("select option[selected]").eachAttr("value")).containsExactly("fileKeyRef");
		assertThat(row.select("select option[value=fileKeyRef]").text()).isEqualTo("env file key");
		assertThat(row.selectFirst("input[name$=.refName]").val()).isEqualTo("env-files");
		assertThat(row.selectFirst("input[name$=.filePath]").attr("data-case")).isEqualTo("fileKeyRef");
		assertThat(row.selectFirst("input[name$=.filePath]").val()).isEqualTo("db.env");
		assertThat(row.selectFirst("input[name$=.refKey]").val()).isEqualTo("DB_HOST");
	}

	@Test
	void rowsRemovedInThePageAreRemovedAndTheRestKeepTheirFields() {
		Manifest manifest = TestManifests.resource("web-pod.yaml");
		Document editor = editor(manifest);
		Element container = editor.selectFirst("[data-container=containers[0]]");
		// What the row's remove button does in the browser.
		container.select(".port-row").get(1).remove();
		container.select(".env-row").get(0).remove();

		Manifest expected = manifest.deepCopy();
		JsonNode ports = expected.editPodSpec().path("containers").get(0).path("ports");
		((ArrayNode) ports).remove(1);
		((ObjectNode) expected.editPodSpec().path("containers").get(0)).remove("env");
		assertThat(yaml(submit(editor))).isEqualTo(toYaml(expected));
	}

	@Test
	void aRowAddedInThePageFromItsTemplateIsAdded() {
		Manifest manifest = TestManifests.resource("web-pod.yaml");
		Document editor = editor(manifest);
		Element row = addRow(editor.selectFirst("[data-container=containers[0]]"), ".env-row");
		row.selectFirst("input[name$=.name]").val("PASSWORD");
		row.select("select[name$=.source] option")
			.forEach((option) -> option.attr("selected", option.val().equals("secretKeyRef")));
		row.selectFirst("input[name$=.refName]").val("db");
		row.selectFirst("input[name$=.refKey]").val("password");

		Manifest expected = manifest.deepCopy();
		((ArrayNode) expected.editPodSpec().path("containers").get(0).path("env")).add(TestManifests.node("""
				name: PASSWORD
				valueFrom:
				  secretKeyRef:
				    name: db
				    key: password
				"""));
		assertThat(yaml(submit(editor))).isEqualTo(toYaml(expected));
	}

	@Test
	void theKindSelectWrapsThePodAndUnwrapsItAgain() {
		Manifest pod = TestManifests.resource("web-pod.yaml");

		Document deployment = refresh(editor(pod), "kind", "Deployment");

		assertThat(deployment.select("input[name=workload.replicas]").val()).isEqualTo("1");
		assertThat(yaml(submit(deployment))).isEqualTo(toYaml(pod.convertTo(WorkloadKind.DEPLOYMENT).manifest()));
		assertThat(yaml(refresh(deployment, "kind", "Pod"))).isEqualTo(toYaml(pod));
	}

	@Test
	void aVolumeTypeChosenInThePageGetsItsInputs() {
		Document editor = refresh(editor(TestManifests.resource("web-pod.yaml")), "volumes[0].type", "downwardAPI");

		assertThat(editor.select("textarea[name=volumes[0].sourceYaml]").text()).contains("metadata.labels");
		assertThat(yaml(submit(editor))).contains("downwardAPI:").doesNotContain("emptyDir");
	}

	/**
	 * What a "+" button does in the browser: a copy of the group's row template with the
	 * next index.
	 */
	private static Element addRow(Element card, String rowClass) {
		Element group = card.select(".row-group")
			.stream()
			.filter((candidate) -> candidate.selectFirst("template " + rowClass) != null)
			.findFirst()
			.orElseThrow();
		Element rows = group.selectFirst("[data-rows]");
		String html = group.selectFirst("template").html().replace("ROW_INDEX", rows.attr("data-next"));
		Element row = Jsoup.parseBodyFragment(html).body().child(0);
		rows.appendChild(row);
		return row;
	}

	private Document editor(Manifest manifest) {
		return page(this.mvc.post().uri("/compose/yaml").param("yaml", toYaml(manifest)));
	}

	/** Submits the composer's form to the preview, as a browser would. */
	private Document submit(Document editor) {
		return page(form(editor, this.mvc.post().uri("/compose/preview")));
	}

	/**
	 * What the page's script does when a select that changes the form's shape changes.
	 */
	private Document refresh(Document editor, String select, String value) {
		editor.select("#compose-form select[name=" + select + "] option")
			.forEach((option) -> option.attr("selected", option.val().equals(value)));
		return page(form(editor, this.mvc.post().uri("/compose/edit").param("op", "refresh")));
	}

	private static MockMvcRequestBuilder form(Document editor, MockMvcRequestBuilder request) {
		for (Element control : editor.select("#compose-form :is(input, select, textarea)[name]")) {
			String value = submittedValue(control);
			if (value != null) {
				request.param(control.attr("name"), value);
			}
		}
		return request;
	}

	private static String yaml(Document preview) {
		return preview.selectFirst("#preview-yaml code").wholeText();
	}

	/** What a browser sends for a form control, or null when it sends nothing. */
	private static String submittedValue(Element control) {
		if (control.closest("template") != null) {
			return null; // rows to copy, not part of the form
		}
		return switch (control.tagName()) {
			case "textarea" -> {
				// HTML drops a line break right after <textarea>; jsoup keeps it.
				String text = control.wholeText();
				yield text.startsWith("\n") ? text.substring(1) : text;
			}
			case "select" -> {
				Element option = control.select("option[selected]").last();
				option = (option != null) ? option : control.selectFirst("option");
				yield (option == null) ? null : option.hasAttr("value") ? option.attr("value") : option.text();
			}
			default -> {
				boolean check = control.attr("type").equals("checkbox") || control.attr("type").equals("radio");
				if (check && !control.hasAttr("checked")) {
					yield null;
				}
				yield control.hasAttr("value") ? control.attr("value") : (check ? "on" : "");
			}
		};
	}

	private static Document page(MockMvcRequestBuilder request) {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

}
