package io.podcomposer.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.podcomposer.BrowserTest;
import io.podcomposer.TestAdmin;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.podcomposer.BrowserSupport.click;
import static io.podcomposer.BrowserSupport.clickToNextPage;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Deployments page in a browser: a pod deployed three times whose image cannot be
 * pulled is one row, Degraded with ImagePullBackOff, its three deploys underneath; the
 * oldest deploy's page says a newer one replaced it and links to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeploymentHealthBrowserTest extends BrowserTest {

	private static FakeKubernetes cluster;

	@LocalServerPort
	private int port;

	@Autowired
	private ClusterService clusters;

	@BeforeAll
	static void startTheFakeCluster() {
		cluster = FakeKubernetes.start(DeployTests.CLUSTER_TOKEN);
		cluster.createNamespace("team-a", Map.of());
	}

	@AfterAll
	static void stopTheFakeCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void aPodThatCannotPullItsImageIsOneDegradedRowWithItsDeploysUnderneath() throws Exception {
		long clusterId = DeployTests.addCluster(this.clusters, cluster);
		String pod = DeployTests.unique("pull");
		String template = "name: " + DeployTests.unique("health") + "\nparameters:\n- name: IMAGE\n  default: "
				+ FakeKubernetes.MISSING_IMAGE_HOST + "/nothing:1\nmanifest:\n"
				+ DeployTests.SHARED_MEMORY_POD.formatted(pod, "${IMAGE}").indent(2);
		long templateId = post("/api/v1/templates", "application/yaml", template).get("id").asLong();
		long first = post("/api/v1/deployments", "application/json", """
				{"templateId": %d, "clusterId": %d, "namespace": "team-a"}""".formatted(templateId, clusterId))
			.get("id")
			.asLong();
		long second = post("/api/v1/deployments/" + first + "/redeploy", "application/json", "{}").get("id").asLong();
		long third = post("/api/v1/deployments/" + first + "/redeploy", "application/json", "{}").get("id").asLong();

		openSignedIn("/deployments?clusterId=" + clusterId);
		String object = "tr.object-row[data-object$='/team-a/Pod/" + pod + "']";
		waitFor(browser, (driver) -> {
			if (text(object + " td[data-label=Health]").startsWith("Degraded")) {
				return true;
			}
			driver.navigate().refresh();
			return false;
		});

		List<WebElement> rows = browser.findElements(By.cssSelector(object));
		assertThat(rows).as("one row for the object, not one for each deploy").hasSize(1);
		assertThat(text(object + " .health-status")).isEqualTo("Degraded");
		assertThat(text(object + " .health-reason")).isEqualTo("ImagePullBackOff");
		WebElement deploys = browser.findElement(By.cssSelector(object + " .object-deploys summary"));
		assertThat(deploys.getText()).isEqualTo("3 deploys");
		click(browser, deploys);
		List<WebElement> listed = browser.findElements(By.cssSelector(object + " .deploy-list li"));
		assertThat(listed).extracting((item) -> item.findElement(By.tagName("a")).getText())
			.containsExactly("#" + third, "#" + second, "#" + first);
		assertThat(listed.get(0).getText()).contains("current");
		assertThat(listed.get(2).getText()).contains("replaced");

		clickToNextPage(browser, listed.get(2).findElement(By.tagName("a")));
		assertThat(text(".page-head .health-status")).isEqualTo("Degraded");
		assertThat(text(".page-head .health-reason")).isEqualTo("ImagePullBackOff");
		assertThat(text(".replaced-note")).contains("deploy #" + third);
		clickToNextPage(browser, browser.findElement(By.cssSelector(".replaced-note a")));
		assertThat(browser.getCurrentUrl()).endsWith("/deployments/" + third);
		assertThat(browser.findElements(By.cssSelector(".replaced-note"))).isEmpty();
		assertThat(text("#live .live-health .health-status")).isEqualTo("Degraded");
		assertThat(text("#live .live-health .health-message"))
			.startsWith("Container producer of pod " + pod + ": Back-off");
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private JsonNode post(String path, String contentType, String body) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", TestAdmin.BEARER)
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return JsonMapper.shared().readTree(answer.body());
	}

}
