package io.podcomposer.system;

import io.podcomposer.AlsoOnPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.podcomposer.TestAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Page numbers and sizes out of range on every paged list, API and page: a page past what
 * a query can skip is a 400 that says so, a size out of range the nearest allowed, never
 * a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class PagedListsTest {

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/templates", "/api/v1/deployments", "/api/v1/audit" })
	void aPagePastWhatAQueryCanSkipIsABadRequest(String list) throws Exception {
		MockHttpServletResponse answer = api(list + "?page=2147483647");

		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(400);
		assertThat(answer.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(answer.getContentAsString()).contains("page must be at most").doesNotContain("Exception");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/templates", "/api/v1/deployments", "/api/v1/audit" })
	void theLastPageAQueryCanReachIsAnEmptyPage(String list) throws Exception {
		MockHttpServletResponse answer = api(list + "?page=" + (Integer.MAX_VALUE / 200) + "&size=200");

		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
		assertThat(answer.getContentAsString()).contains("\"items\":[]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/templates", "/api/v1/deployments", "/api/v1/audit" })
	void aSizeOutOfRangeIsTheNearestAllowedAndANegativePageTheFirst(String list) throws Exception {
		assertThat(api(list + "?size=2147483647&page=3").getContentAsString()).contains("\"size\":200", "\"page\":3");
		assertThat(api(list + "?size=-2147483648&page=-2147483648").getContentAsString()).contains("\"size\":1",
				"\"page\":0");
		assertThat(api(list + "?page=2147483648").getStatus()).as("not a number of pages at all").isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/templates", "/deployments", "/admin/audit" })
	void aPagePastWhatAQueryCanSkipIsABadRequestOnThePagesToo(String page) throws Exception {
		MockHttpServletResponse answer = this.mvc
			.perform(get(page + "?page=2147483647").with(user(TestAdmin.NAME).roles("ADMIN")))
			.andReturn()
			.getResponse();

		assertThat(answer.getStatus()).isEqualTo(400);
	}

	private MockHttpServletResponse api(String path) throws Exception {
		return this.mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER))
			.andReturn()
			.getResponse();
	}

}
