package io.podcomposer.compose;

import java.nio.charset.StandardCharsets;

import io.podcomposer.manifest.Manifest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.podcomposer.compose.TestManifests.toYaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip through the page: the editor drawn for a manifest, its form submitted as a
 * browser submits it, must preview the same manifest. This is where the template, the binder
 * and HTML's own rules meet the applier.
 */
@WebMvcTest(ComposeController.class)
@Import(ComposerService.class)
class BrowserRoundTripTest {

	@Autowired
	private MockMvcTester mvc;

	@ParameterizedTest
	@MethodSource("io.podcomposer.compose.FormRoundTripTest#manifests")
	void theFormSubmittedUnchangedPreviewsTheSameManifest(Manifest manifest) {
		Document editor = page(this.mvc.post().uri("/compose/yaml").param("yaml", toYaml(manifest)));

		MockMvcRequestBuilder submit = this.mvc.post().uri("/compose/preview");
		for (Element control : editor.select("#compose-form :is(input, select, textarea)[name]")) {
			String value = submittedValue(control);
			if (value != null) {
				submit.param(control.attr("name"), value);
			}
		}
		Document preview = page(submit);

		assertThat(preview.select(".findings li").eachText()).isEmpty();
		assertThat(preview.selectFirst("#preview-yaml code").wholeText()).isEqualTo(toYaml(manifest));
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
