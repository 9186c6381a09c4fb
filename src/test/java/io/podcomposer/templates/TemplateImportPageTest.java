package io.podcomposer.templates;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.MockSessionIds;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.security.AccountService;
import io.podcomposer.security.Role;
import io.podcomposer.security.TestAccounts;

import static io.podcomposer.templates.TemplateTests.pod;
import static io.podcomposer.templates.TemplateTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The import page as a signed-in editor uses it: forms with CSRF, the outcome after a
 * redirect, refusals next to the text, which is kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MockSessionIds.class)
@AlsoOnPostgres
class TemplateImportPageTest {

	private static final String PASSWORD = TestAccounts.PASSWORD;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountService accounts;

	@Autowired
	private TemplateRepository templates;

	private MockHttpSession session;

	@BeforeEach
	void signInAsAnEditor() throws Exception {
		this.session = signIn(Role.EDITOR);
	}

	@Test
	void showsTheFormToPasteOrUpload() throws Exception {
		Document page = page("/templates/import");

		assertThat(page.select("h1").text()).isEqualTo("Import templates");
		assertThat(page.select("form[enctype=multipart/form-data] textarea[name=text]")).hasSize(1);
		assertThat(page.select("input[type=file][name=file]")).hasSize(1);
		assertThat(page.select("input[name=_csrf]")).isNotEmpty();
		assertThat(page.select("form[action=/templates/export] button[name=format]").eachAttr("value"))
			.containsExactly("yaml", "json");
	}

	@Test
	void importsPastedTextAndShowsWhatItMadeAfterARedirect() throws Exception {
		String name = unique("paste");
		assertThat(send(importForm(pod(name))).getStatus()).isEqualTo(302);
		MockHttpServletResponse second = send(importForm(pod(name) + "---\n" + pod(name + "-b")));

		assertThat(second.getStatus()).isEqualTo(302);
		assertThat(second.getRedirectedUrl()).isEqualTo("/templates/import");
		Document outcome = page("/templates/import");
		assertThat(outcome.select(".import-outcome h2").text()).isEqualTo("Imported 2 templates");
		long id = this.templates.findByName(name + "-2").orElseThrow().getId();
		assertThat(outcome.select(".import-outcome a[href=/templates/" + id + "]").text()).isEqualTo(name + "-2");
		assertThat(outcome.select(".import-outcome .kind-badge").eachText()).containsExactly("Pod", "Pod");
		assertThat(outcome.select(".import-outcome li").eachText()).contains(name + " → " + name + "-2");
		assertThat(outcome.select("textarea[name=text]").text()).isEmpty();

		// the outcome is shown once: a reload imports nothing and shows nothing
		assertThat(page("/templates/import").select(".import-outcome")).isEmpty();
	}

	@Test
	void importsAnUploadedFileWithATag() throws Exception {
		String name = unique("upload");
		String tag = unique("tag");
		MockMultipartFile file = new MockMultipartFile("file", "pods.yaml", "application/yaml",
				pod(name).getBytes(StandardCharsets.UTF_8));

		MockHttpServletResponse answer = send(
				multipart("/templates/import").file(file).param("text", "").param("tag", tag));

		assertThat(answer.getStatus()).isEqualTo(302);
		Template template = this.templates.findByName(name).orElseThrow();
		assertThat(this.templates
			.findIdsLikeEvery(List.of(TemplateRepository.anywhere(name)),
					TemplateRepository.anywhere(Template.tagLine(tag)), Pageable.unpaged())
			.getContent()).containsExactly(template.getId());
		assertThat(page("/templates/import").select("input[name=tag]").first().val()).isEqualTo(tag);
	}

	@Test
	void anUploadedJsonFileIsReadAsJsonEvenIndentedWithTabs() throws Exception {
		String name = unique("json");
		String json = ManifestReader.readYaml(pod(name)).toString().replace("{", "{\n\t").replace(",", ",\n\t");
		MockMultipartFile file = new MockMultipartFile("file", "pod.json", "application/json",
				json.getBytes(StandardCharsets.UTF_8));

		assertThat(send(multipart("/templates/import").file(file)).getStatus()).isEqualTo(302);
		assertThat(this.templates.existsByName(name)).isTrue();
	}

	@Test
	void showsWhatWasRefusedNextToTheTextAndKeepsIt() throws Exception {
		String name = unique("refused");
		String text = pod(name) + "---\napiVersion: v1\nkind: Service\nmetadata: {name: <b>svc</b>}\n";

		MockHttpServletResponse answer = send(importForm(text));

		assertThat(answer.getStatus()).isEqualTo(422);
		Document page = Jsoup.parse(answer.getContentAsString());
		assertThat(page.select("textarea[name=text]").first().wholeText()).isEqualTo(text);
		assertThat(page.select(".import-problems li").eachText())
			.containsExactly("documents[1] Service \"<b>svc</b>\": kind \"Service\" is not supported; supported kinds "
					+ "are Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob");
		assertThat(page.select(".import-problems b")).isEmpty();
		assertThat(this.templates.existsByName(name)).isFalse();
	}

	@Test
	void showsWhereTheTextIsMalformed() throws Exception {
		String text = "apiVersion: v1\nkind: Pod\nspec: x: y\n";

		MockHttpServletResponse answer = send(importForm(text));

		assertThat(answer.getStatus()).isEqualTo(422);
		Document page = Jsoup.parse(answer.getContentAsString());
		assertThat(page.select(".import-problems li").text()).startsWith("line 3, column 8: ");
		assertThat(page.select("textarea[name=text]").first().wholeText()).isEqualTo(text);
	}

	@Test
	void aRefusedUploadComesBackAsTextToFix() throws Exception {
		String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n";
		MockMultipartFile file = new MockMultipartFile("file", "settings.yaml", "application/yaml",
				text.getBytes(StandardCharsets.UTF_8));

		Document page = Jsoup.parse(send(multipart("/templates/import").file(file)).getContentAsString());

		assertThat(page.select(".import-problems p").text()).isEqualTo("Nothing was imported from settings.yaml:");
		assertThat(page.select("textarea[name=text]").first().wholeText()).isEqualTo(text);
	}

	@Test
	void refusesAFileAndTextTogetherAndNothingAtAll() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "pod.yaml", "application/yaml",
				pod(unique("both")).getBytes(StandardCharsets.UTF_8));
		String text = pod(unique("both"));

		Document both = Jsoup
			.parse(send(multipart("/templates/import").file(file).param("text", text)).getContentAsString());
		assertThat(both.select(".import-problems li").text()).startsWith("choose a file or paste text, not both");
		assertThat(both.select("textarea[name=text]").first().wholeText()).isEqualTo(text);

		Document nothing = Jsoup.parse(send(importForm("  \n")).getContentAsString());
		assertThat(nothing.select(".import-problems li").text()).isEqualTo("paste YAML or JSON, or choose a file");
	}

	@Test
	void needsACsrfTokenAndTheEditorRole() throws Exception {
		String name = unique("csrf");
		MockHttpServletResponse forged = this.mvc
			.perform(multipart("/templates/import").param("text", pod(name)).session(this.session))
			.andReturn()
			.getResponse();
		assertThat(forged.getStatus()).isEqualTo(403);

		MockHttpSession viewer = signIn(Role.VIEWER);
		MockHttpServletResponse refused = this.mvc
			.perform(multipart("/templates/import").param("text", pod(name)).with(csrf()).session(viewer))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/templates/import").session(viewer)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.templates.existsByName(name)).isFalse();
	}

	@Test
	void downloadsTheExportFromTheBrowser() throws Exception {
		String name = unique("export");
		String tag = unique("dl");
		send(importForm(pod(name)).param("tag", tag));

		MockHttpServletResponse json = this.mvc
			.perform(get("/templates/export").param("tag", tag).param("format", "json").session(signIn(Role.VIEWER)))
			.andReturn()
			.getResponse();

		assertThat(json.getStatus()).isEqualTo(200);
		assertThat(json.getContentType()).startsWith("application/json");
		assertThat(json.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.startsWith("attachment; filename=\"templates-" + tag);
		JsonNode library = ManifestReader.readJson(json.getContentAsString());
		assertThat(library.at("/templates/0/name").asString()).isEqualTo(name);
		MockHttpServletResponse yaml = this.mvc
			.perform(get("/templates/export").param("tag", tag).session(this.session))
			.andReturn()
			.getResponse();
		assertThat(ManifestReader.readYaml(yaml.getContentAsString()).get("templates"))
			.isEqualTo(library.get("templates"));
		assertThat(this.mvc.perform(get("/templates/export").param("format", "xml").session(this.session))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

	private static MockMultipartHttpServletRequestBuilder importForm(String text) {
		return multipart("/templates/import").param("text", text);
	}

	private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.with(csrf()).session(this.session)).andReturn().getResponse();
	}

	private Document page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(this.session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private MockHttpSession signIn(Role role) throws Exception {
		String name = TestAccounts.create(this.accounts, "page-" + role.name().toLowerCase(), role);
		MockHttpSession signedIn = new MockHttpSession();
		MockHttpServletResponse login = this.mvc
			.perform(post("/login").param("username", name).param("password", PASSWORD).with(csrf()).session(signedIn))
			.andReturn()
			.getResponse();
		assertThat(login.getStatus()).isEqualTo(302);
		return signedIn;
	}

}
