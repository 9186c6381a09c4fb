package io.podcomposer.clusters;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The portal's own cluster on the clusters page: marked as such, and without a button to
 * remove it.
 */
@SpringBootTest(properties = { "podcomposer.clusters.in-cluster.enabled=true",
		"podcomposer.clusters.in-cluster.service-account-dir=target/no-service-account",
		"podcomposer.clusters.in-cluster.host=kubernetes.test", "podcomposer.clusters.in-cluster.port=6443" })
@AutoConfigureMockMvc
@AlsoOnPostgres
class InClusterPageTest {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theClusterThePortalRunsInIsMarkedAndCannotBeRemoved() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/clusters").with(user(TestAdmin.NAME).roles("ADMIN")).exchange();

		assertThat(result).hasStatusOk();
		Element row = Jsoup.parse(result.getResponse().getContentAsString())
			.select("tbody tr")
			.stream()
			.filter((each) -> each.select("td[data-label=Name] > span").first().text().equals(InClusterAccount.NAME))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for the portal's own cluster"));
		assertThat(row.select("td[data-label=Name] .badge").text()).isEqualTo("this cluster");
		assertThat(row.select("td[data-label=Auth]").text()).isEqualTo("SERVICE_ACCOUNT");
		assertThat(row.select("td[data-label=Server]").text()).isEqualTo("https://kubernetes.test:6443");
		assertThat(row.select("form")).isEmpty();
		assertThat(row.select(".cluster-state").attr("hx-post")).matches("/clusters/\\d+/check");
	}

}
