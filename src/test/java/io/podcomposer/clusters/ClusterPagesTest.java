package io.podcomposer.clusters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import io.podcomposer.kube.FakeKubernetes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The {@code /clusters} page: the list with its warning for an unchecked certificate, and
 * adding from a paste or a file.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class ClusterPagesTest {

	private static final RequestPostProcessor ADMIN = user(TestAdmin.NAME).roles("ADMIN");

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aPastedKubeconfigAddsAClusterThatIsListedWithItsWarning() throws Exception {
		String name = "page-" + Long.toString(System.nanoTime(), 36);

		assertThat(this.mvc.post()
			.uri("/clusters")
			.multipart()
			.param("name", name)
			.param("kubeconfig", KubeconfigTest.TWO_CONTEXTS)
			.param("context", "staging")
			.with(ADMIN)
			.with(csrf())).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/clusters");

		Element row = row(page(), name);
		assertThat(row.select("td[data-label=Server]").text()).contains("https://staging.example.com:6443",
				"TLS not verified");
		assertThat(row.select("td[data-label=Auth]").text()).isEqualTo("TOKEN");
		assertThat(page().text()).doesNotContain("staging-token");
	}

	@Test
	void anUploadedKubeconfigWinsOverTheEmptyTextArea() throws Exception {
		String name = "upload-" + Long.toString(System.nanoTime(), 36);
		MockMultipartFile file = new MockMultipartFile("file", "config", "application/yaml",
				KubeconfigTest.TWO_CONTEXTS.getBytes(StandardCharsets.UTF_8));

		assertThat(this.mvc.post().uri("/clusters").multipart().file(file).param("name", name).with(ADMIN).with(csrf()))
			.hasStatus(HttpStatus.FOUND);

		Element row = row(page(), name);
		assertThat(row.select("td[data-label=Context]").text()).isEqualTo("kind-dev");
		assertThat(row.select(".badge.warn")).isEmpty();
	}

	@Test
	void aRefusalIsShownNextToTheFormWhichKeepsTheNameAndContextButNotTheKubeconfig() throws Exception {
		String withPassword = KubeconfigTest.TWO_CONTEXTS.replace("https://staging.example.com:6443",
				"https://ops:hunter2@staging.example.com:6443");

		MvcTestResult refused = this.mvc.post()
			.uri("/clusters")
			.multipart()
			.param("name", "refused-one")
			.param("kubeconfig", withPassword)
			.param("context", "staging")
			.with(ADMIN)
			.with(csrf())
			.exchange();

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		String html = refused.getResponse().getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select(".form-problem").text())
			.startsWith("The cluster staging's server URL holds a user name or password");
		assertThat(page.select("input[name=name]").val()).isEqualTo("refused-one");
		assertThat(page.select("input[name=context]").val()).isEqualTo("staging");
		assertThat(page.select("td[data-label=Name]").eachText()).doesNotContain("refused-one");
		// the kubeconfig's credentials are not sent back: it is to be pasted again
		assertThat(page.select("textarea[name=kubeconfig]").val()).isEmpty();
		assertThat(page.text()).contains("paste it or choose its file again");
		assertThat(html).doesNotContain("staging-token", "hunter2", "Q0VSVElGSUNBVEU=", "S0VZ");
	}

	@Test
	void eachClusterRowLoadsItsStateAndCanCheckAgain() throws Exception {
		String name = "state-" + Long.toString(System.nanoTime(), 36);
		try (FakeKubernetes cluster = FakeKubernetes.start("state-token")) {
			assertThat(this.mvc.post()
				.uri("/clusters")
				.multipart()
				.param("name", name)
				.param("kubeconfig", ClusterApiTest.kubeconfigFor(cluster, "state-token"))
				.with(ADMIN)
				.with(csrf())).hasStatus(HttpStatus.FOUND);
			String check = row(page(), name).select(".cluster-state[hx-trigger=load]").attr("hx-post");
			assertThat(check).matches("/clusters/\\d+/check");

			Document reached = fragment(check);
			assertThat(reached.select(".badge").text()).isEqualTo("reachable");
			assertThat(reached.text()).contains(FakeKubernetes.GIT_VERSION, "namespaces");
			assertThat(reached.select("button").attr("hx-post")).isEqualTo(check);
			assertThat(reached.select(".cluster-namespaces").text()).isEqualTo("2 namespaces: default, kube-system");

			for (String namespace : List.of("a1", "a2", "a3", "a4", "a5")) {
				cluster.createNamespace(namespace, Map.of());
			}
			Document many = fragment(check);
			assertThat(many.select(".cluster-namespaces").text()).as("six named, the rest counted")
				.isEqualTo("7 namespaces: a1, a2, a3, a4, a5, default and 1 more");
			assertThat(many.select(".cluster-namespaces").attr("title"))
				.isEqualTo("a1, a2, a3, a4, a5, default, kube-system");

			cluster.goDown();
			Document down = fragment(check);
			assertThat(down.select(".badge").text()).isEqualTo("unreachable");
			assertThat(down.select(".cluster-message").text()).contains("unreachable");
		}
	}

	private Document fragment(String uri) throws Exception {
		MvcTestResult result = this.mvc.post()
			.uri(uri)
			.header("HX-Request", "true")
			.with(ADMIN)
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private Document page() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/clusters").with(ADMIN).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private static Element row(Document page, String name) {
		return page.select("tbody tr")
			.stream()
			.filter((row) -> row.select("td[data-label=Name]").text().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + name));
	}

}
