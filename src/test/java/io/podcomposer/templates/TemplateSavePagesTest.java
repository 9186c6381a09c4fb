package io.podcomposer.templates;

import java.io.UnsupportedEncodingException;
import java.util.UUID;

import io.podcomposer.AlsoOnPostgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The composer's "save as template", editing a template in the composer, and a save that
 * meets someone else's newer revision: through the whole application, with its security
 * and database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class TemplateSavePagesTest {

	private static final String POD = """
			{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "labels": {"app": "web"}},
			 "spec": {"containers": [{"name": "app", "image": "nginx:${IMAGE_TAG}"}], "x-kept": {"a": 1}}}""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private TemplateService templates;

	@Test
	void theComposerOffersToDeclareThePlaceholdersItFinds() {
		Document preview = page(as("alice",
				this.mvc.post()
					.uri("/compose/preview")
					.param("manifest", POD)
					.param("name", "web")
					.param("containers[0].name", "app")
					.param("containers[0].image", "nginx:${IMAGE_TAG}")
					.param("containers[0].command", "${ENTRYPOINT} $${LITERAL}")
					.param("declared", "IMAGE_TAG")));

		assertThat(preview.select(".placeholders li.declared").text()).contains("${IMAGE_TAG}", "declared");
		assertThat(preview.select(".placeholders li.warning").eachText()).singleElement()
			.asString()
			.contains("${ENTRYPOINT}", "not declared");
	}

	@Test
	void aCompositionIsSavedAsATemplateWithItsParameters() {
		String name = unique("saved");
		Document save = page(as("alice", composeSave(name, "nginx:${IMAGE_TAG}")));
		assertThat(save.select("h1").text()).isEqualTo("Save as template");
		assertThat(save.select("input[name=name]").val()).isEqualTo(name);
		assertThat(save.select("input[name=parameters[0].name]").val()).isEqualTo("IMAGE_TAG");
		assertThat(save.select("input[name=parameters[0].declared]").hasAttr("checked")).isTrue();
		assertThat(save.select(".save-yaml code").text()).contains("image: nginx:${IMAGE_TAG}", "x-kept");

		MvcTestResult saved = as("alice", this.mvc.post().uri("/templates/save"))
			.params(formOf(save, "description", "An nginx", "tags", "web, demo  web", "message", "first",
					"parameters[0].defaultValue", "1.27"))
			.exchange();

		long id = savedId(saved);
		TemplateViews.Full template = this.templates.get(id);
		assertThat(template.name()).isEqualTo(name);
		assertThat(template.description()).isEqualTo("An nginx");
		assertThat(template.tags()).containsExactly("demo", "web");
		assertThat(template.parameters().get(0).get("default").asString()).isEqualTo("1.27");
		assertThat(template.updatedBy()).isEqualTo("alice");
		// the field no form shows is kept
		assertThat(template.manifest().get("spec").get("x-kept").get("a").asInt()).isEqualTo(1);
		assertThat(this.templates.revisions(id).get(0).message()).isEqualTo("first");
	}

	@Test
	void aRefusedSaveShowsTheProblemsAndKeepsWhatWasTyped() {
		String taken = unique("taken");
		savedId(as("alice", this.mvc.post().uri("/templates/save"))
			.params(formOf(page(as("alice", composeSave(taken, "nginx")))))
			.exchange());

		Document save = page(as("alice", composeSave(taken, "nginx:${IMAGE_TAG}")));
		Document refused = page(as("alice", this.mvc.post().uri("/templates/save"))
			.params(formOf(save, "description", "typed with care", "parameters[0].name", "not-a-name")));

		assertThat(refused.select("input[name=name] ~ .field-problem").text()).contains("exists");
		assertThat(refused.select("textarea[name=description]").text()).isEqualTo("typed with care");
		assertThat(refused.select("input[name=parameters[0].name] ~ .field-problem").text())
			.contains("must be a placeholder name");
		assertThat(refused.select("input[name=manifest]").val()).contains("nginx:${IMAGE_TAG}");
	}

	@Test
	void aTemplateIsEditedInTheComposerAndSavedAsItsNextRevision() {
		long id = savedId(as("alice", this.mvc.post().uri("/templates/save"))
			.params(formOf(page(as("alice", composeSave(unique("edit"), "nginx:${IMAGE_TAG}")))))
			.exchange());

		Document composer = page(as("bob", this.mvc.get().uri("/templates/" + id + "/edit")));
		assertThat(composer.select(".template-bar").text()).contains("based on revision 1");
		assertThat(composer.select("input[form=compose-form][name=templateId]").val()).isEqualTo(Long.toString(id));
		assertThat(composer.select("input[form=compose-form][name=declared]").val()).isEqualTo("IMAGE_TAG");
		assertThat(composer.select("input[name=containers[0].image]").val()).isEqualTo("nginx:${IMAGE_TAG}");

		Document save = page(as("bob", composeEdit(composer, "nginx:1.28-${IMAGE_TAG}")));
		assertThat(save.select("h1").text()).isEqualTo("Save a new revision");
		assertThat(save.select(".save-target").text()).contains("as revision 2 of");
		savedId(as("bob", this.mvc.post().uri("/templates/save")).params(formOf(save, "message", "newer")).exchange());

		TemplateViews.Full template = this.templates.get(id);
		assertThat(template.revision()).isEqualTo(2);
		assertThat(template.updatedBy()).isEqualTo("bob");
		assertThat(template.manifest().at("/spec/containers/0/image").asString()).isEqualTo("nginx:1.28-${IMAGE_TAG}");
	}

	@Test
	void aRevisionThatChangesOnlyTheTagsIsSavedAndOneThatChangesNothingIsNot() {
		long id = savedId(as("alice", this.mvc.post().uri("/templates/save"))
			.params(formOf(page(as("alice", composeSave(unique("retag"), "nginx:${IMAGE_TAG}"))), "tags", "web"))
			.exchange());
		Document composer = page(as("bob", this.mvc.get().uri("/templates/" + id + "/edit")));

		Document save = page(as("bob", composeEdit(composer, "nginx:${IMAGE_TAG}")));
		assertThat(save.select("input[name=tags]").val()).isEqualTo("web");
		MvcTestResult retagged = as("bob", this.mvc.post().uri("/templates/save"))
			.params(formOf(save, "tags", "web, sidecar"))
			.exchange();
		assertThat(savedId(retagged)).isEqualTo(id);
		assertThat(retagged).flash().containsEntry("notice", "Saved a new revision.");
		assertThat(this.templates.get(id).tags()).containsExactly("sidecar", "web");
		assertThat(this.templates.revision(id, 2).tags()).containsExactly("sidecar", "web");
		assertThat(this.templates.revision(id, 1).tags()).containsExactly("web");

		Document again = page(as("bob",
				composeEdit(page(as("bob", this.mvc.get().uri("/templates/" + id + "/edit"))), "nginx:${IMAGE_TAG}")));
		MvcTestResult unchanged = as("bob", this.mvc.post().uri("/templates/save"))
			.params(formOf(again, "message", "nothing new"))
			.exchange();
		assertThat(savedId(unchanged)).isEqualTo(id);
		assertThat(unchanged).flash()
			.containsEntry("notice", "Nothing changed since revision 2, so no revision was saved.");
		assertThat(this.templates.revisions(id)).hasSize(2);
	}

	@Test
	void aSaveOverSomeoneElsesNewerRevisionShowsTheDiffAndLosesNothing() {
		long id = savedId(as("alice", this.mvc.post().uri("/templates/save"))
			.params(formOf(page(as("alice", composeSave(unique("race"), "nginx:1.27")))))
			.exchange());
		Document aliceComposer = page(as("alice", this.mvc.get().uri("/templates/" + id + "/edit")));
		Document bobComposer = page(as("bob", this.mvc.get().uri("/templates/" + id + "/edit")));
		savedId(as("bob", this.mvc.post().uri("/templates/save"))
			.params(formOf(page(as("bob", composeEdit(bobComposer, "nginx:1.28")))))
			.exchange());

		Document aliceSave = page(as("alice", composeEdit(aliceComposer, "nginx:1.29")));
		Document conflict = page(as("alice", this.mvc.post().uri("/templates/save"))
			.params(formOf(aliceSave, "description", "alice's words")));

		assertThat(conflict.select("h1").text()).isEqualTo("Changed since you opened it");
		assertThat(conflict.select(".form-problem").text()).contains("revision 2", "bob");
		assertThat(conflict.select("tr.removed td.text > span:not(.mark)")).extracting(Element::wholeText)
			.contains("    image: nginx:1.28");
		assertThat(conflict.select("tr.added td.text > span:not(.mark)")).extracting(Element::wholeText)
			.contains("    image: nginx:1.29");
		assertThat(this.templates.get(id).manifest().at("/spec/containers/0/image").asString()).isEqualTo("nginx:1.28");

		Element merge = conflict.select("form[action=/compose/open]").first();
		Document reopened = page(as("alice", this.mvc.post().uri("/compose/open")).params(formOf(merge)));
		assertThat(reopened.select(".template-bar").text()).contains("based on revision 2");
		assertThat(reopened.select("input[name=containers[0].image]").val()).isEqualTo("nginx:1.29");

		Element mine = conflict.select("form[action=/templates/save]").first();
		savedId(as("alice", this.mvc.post().uri("/templates/save")).params(formOf(mine)).exchange());
		TemplateViews.Full template = this.templates.get(id);
		assertThat(template.revision()).isEqualTo(3);
		assertThat(template.description()).isEqualTo("alice's words");
		assertThat(template.manifest().at("/spec/containers/0/image").asString()).isEqualTo("nginx:1.29");
	}

	@Test
	void aTemplateDeletedDuringTheEditIsSavedAsANewOne() {
		String name = unique("gone");
		long id = savedId(as("alice", this.mvc.post().uri("/templates/save"))
			.params(formOf(page(as("alice", composeSave(name, "nginx")))))
			.exchange());
		Document composer = page(as("alice", this.mvc.get().uri("/templates/" + id + "/edit")));
		Document save = page(as("alice", composeEdit(composer, "nginx:2")));
		this.templates.delete(id);

		Document refused = page(as("alice", this.mvc.post().uri("/templates/save")).params(formOf(save)));
		assertThat(refused.select(".form-problem").text()).contains("deleted");
		assertThat(refused.select("input[name=asNew][value=true]").hasAttr("checked")).isTrue();

		long again = savedId(as("alice", this.mvc.post().uri("/templates/save")).params(formOf(refused)).exchange());
		assertThat(again).isNotEqualTo(id);
		assertThat(this.templates.get(again).name()).isEqualTo(name);
	}

	@Test
	void aViewerIsNotOfferedASave() {
		Document composer = page(as(null, this.mvc.get().uri("/compose")));
		assertThat(composer.select("button[formaction=/compose/save]")).isEmpty();
		Document editorComposer = page(as("alice", this.mvc.get().uri("/compose")));
		assertThat(editorComposer.select("button[formaction=/compose/save]")).hasSize(1);
	}

	/** The composer's form sent to "save as template", with a pod named {@code name}. */
	private MockMvcRequestBuilder composeSave(String name, String image) {
		return this.mvc.post()
			.uri("/compose/save")
			.param("manifest", POD)
			.param("name", name)
			.param("labels[0].key", "app")
			.param("labels[0].value", "web")
			.param("containers[0].name", "app")
			.param("containers[0].image", image);
	}

	/**
	 * The composer page's form and its template inputs, with the image changed, sent to
	 * "save".
	 */
	private MockMvcRequestBuilder composeEdit(Document composer, String image) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		for (Element input : composer.select("#compose-form input[name], input[form=compose-form]")) {
			// a row template's inputs are not the form's
			if (input.closest("template") == null
					&& (!input.attr("type").equals("checkbox") || input.hasAttr("checked"))) {
				values.add(input.attr("name"), input.val());
			}
		}
		values.set("containers[0].image", image);
		return this.mvc.post().uri("/compose/save").params(values);
	}

	/**
	 * A user of that name with the EDITOR role, or a VIEWER when null; CSRF as the page
	 * sends it.
	 */
	private static MockMvcRequestBuilder as(String name, MockMvcRequestBuilder request) {
		return request.with((name != null) ? user(name).roles("EDITOR") : user("vera").roles("VIEWER")).with(csrf());
	}

	/**
	 * What a form on the page sends: hidden inputs, text, and the checked boxes and
	 * radios.
	 */
	private static MultiValueMap<String, String> formOf(Element form) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		for (Element input : form.select("input[name], textarea[name]")) {
			String type = input.attr("type");
			if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
				continue;
			}
			values.add(input.attr("name"), input.is("textarea") ? input.text() : input.val());
		}
		return values;
	}

	/**
	 * The save page's form, with the inputs named in {@code changes} (name, value, ...)
	 * typed over.
	 */
	private static MultiValueMap<String, String> formOf(Document page, String... changes) {
		MultiValueMap<String, String> values = formOf(page.select("#save-form").first());
		for (int i = 0; i < changes.length; i += 2) {
			values.set(changes[i], changes[i + 1]);
		}
		return values;
	}

	private Document page(MockMvcRequestBuilder request) {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk();
		try {
			return Jsoup.parse(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long savedId(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.FOUND);
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/templates/");
		return Long.parseLong(location.substring("/templates/".length()));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
