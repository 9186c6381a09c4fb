package io.podcomposer.templates;

import java.util.HashMap;
import java.util.Map;

import io.podcomposer.AlsoOnPostgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.podcomposer.TestAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Restoring the starter catalog over REST and on its admin page, in the whole
 * application.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class StarterCatalogApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TemplateService templates;

	@Autowired
	private TemplateRepository repository;

	@Autowired
	private StarterCatalog catalog;

	@Test
	void theLibraryHasTheCatalogTaggedStarterByTheSystemUser() throws Exception {
		JsonNode page = json(this.mvc
			.perform(get("/api/v1/templates").param("tag", "starter")
				.param("q", "production-web")
				.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER))
			.andReturn()
			.getResponse());

		assertThat(page.get("total").asLong()).isEqualTo(1);
		JsonNode item = page.get("items").get(0);
		assertThat(item.get("createdBy").asString()).isEqualTo("system");
		assertThat(item.get("kind").asString()).isEqualTo("Deployment");
		assertThat(item.get("podSecurityLevel").asString()).isEqualTo("restricted");
	}

	@Test
	void restoringReCreatesOnlyTheMissingTemplates() throws Exception {
		this.catalog.restore();
		Template deleted = this.repository.findByName("nightly-cronjob").orElseThrow();
		this.templates.delete(deleted.getId());

		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/templates/catalog").header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode restored = json(response);
		assertThat(restored.get("recreated")).extracting(JsonNode::asString).containsExactly("nightly-cronjob");
		assertThat(restored.get("kept")).extracting(JsonNode::asString)
			.hasSize(this.catalog.documents().size() - 1)
			.doesNotContain("nightly-cronjob");
		TemplateViews.Full back = this.templates
			.get(this.repository.findByName("nightly-cronjob").orElseThrow().getId());
		assertThat(back.id()).isNotEqualTo(deleted.getId());
		assertThat(back.createdBy()).isEqualTo("system");
		assertThat(back.tags()).contains("starter");
	}

	@Test
	void theAdminPageShowsWhatIsMissingAndRestoresIt() throws Exception {
		this.catalog.restore();
		this.templates.delete(this.repository.findByName("metrics-adapter").orElseThrow().getId());

		String page = this.mvc.perform(get("/admin/catalog").with(user(TestAdmin.NAME).roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document document = Jsoup.parse(page);
		assertThat(document.text()).contains("Restore the starter catalog");
		Map<String, String> inLibrary = new HashMap<>();
		for (Element row : document.select("tbody tr")) {
			inLibrary.put(row.select("td[data-label=Template]").text(),
					row.select("td[data-label=In the library]").text());
		}
		assertThat(inLibrary).containsEntry("metrics-adapter", "deleted").containsEntry("sidecar-log-shipper", "yes");

		MockHttpServletResponse restored = this.mvc
			.perform(post("/admin/catalog/restore").with(user(TestAdmin.NAME).roles("ADMIN")).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(restored.getStatus()).isEqualTo(302);
		assertThat(restored.getRedirectedUrl()).isEqualTo("/admin/catalog");
		assertThat(this.repository.existsByName("metrics-adapter")).isTrue();

		String again = this.mvc.perform(get("/admin/catalog").with(user(TestAdmin.NAME).roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).doesNotContain(">deleted<");
	}

	private static JsonNode json(MockHttpServletResponse response) throws Exception {
		return JSON.readTree(response.getContentAsString());
	}

}
