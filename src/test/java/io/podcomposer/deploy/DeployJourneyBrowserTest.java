package io.podcomposer.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import io.podcomposer.BrowserTest;
import io.podcomposer.TestAdmin;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static io.podcomposer.BrowserSupport.click;
import static io.podcomposer.BrowserSupport.clickToNextPage;
import static io.podcomposer.BrowserSupport.field;
import static io.podcomposer.BrowserSupport.paste;
import static io.podcomposer.BrowserSupport.type;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy journey in a real browser against the fake cluster: add the cluster from its
 * kubeconfig, deploy the starter catalog's shared-memory pair and watch it run, with
 * events and both containers' logs; see the form warn that a baseline namespace will
 * refuse it, with Deploy off, and a dry run there refused once on the form with what
 * would pass; a dry run that passes shown on the form and not kept as a deployment;
 * delete it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeployJourneyBrowserTest extends BrowserTest {

	private static final String TOKEN = "journey-cluster-token";

	private static FakeKubernetes cluster;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startTheFakeCluster() {
		cluster = FakeKubernetes.start(TOKEN);
		cluster.createNamespace("locked", Map.of("pod-security.kubernetes.io/enforce", "baseline"));
	}

	@AfterAll
	static void stopTheFakeCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void addAClusterDeployWatchItRunSeeARefusalAndDelete() throws Exception {
		restoreTheStarterCatalog();
		String clusterName = "journey-" + UUID.randomUUID().toString().substring(0, 8);

		// 1. the fake cluster, added from its kubeconfig
		openSignedIn("/clusters");
		type(browser, "name", clusterName);
		paste(browser, field(browser, "kubeconfig"), FakeKubeconfig.of(cluster, TOKEN));
		clickToNextPage(browser, browser.findElement(By.cssSelector("form[enctype] button[type=submit]")));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText())
			.startsWith("Cluster " + clusterName + " added");
		waitFor(browser, (driver) -> driver
			.findElements(By.xpath(
					"//tr[td[@data-label='Name'][normalize-space(.)='" + clusterName + "']]//span[text()='reachable']"))
			.size() == 1);

		// 2. the shared-memory pair deployed from its template page, running, with events
		// and both logs
		String record = deployTheSharedMemoryPair(clusterName, "default");
		assertThat(browser.findElement(By.cssSelector(".page-head .status")).getText()).isEqualTo("Applied");
		waitFor(browser, (driver) -> text("#live .pod .phase").equals("Running")
				&& text("#live .pod-ip").matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
		waitFor(browser, (driver) -> !driver.findElements(By.cssSelector("#live .events-table tbody tr")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#live tr[data-container]"))
			.stream()
			.map((row) -> row.getDomAttribute("data-container"))).containsExactly("producer", "consumer");
		Select source = new Select(browser.findElement(By.name("source")));
		assertThat(source.getOptions()).extracting(WebElement::getText)
			.containsExactly("shared-memory-pair / producer", "shared-memory-pair / consumer");
		for (String container : new String[] { "producer", "consumer" }) {
			source = new Select(browser.findElement(By.name("source")));
			source.selectByValue("shared-memory-pair/" + container);
			waitFor(browser, (driver) -> {
				String output = text("#log-output");
				return !output.equals("Loading…") && !output.isBlank() && output.contains(container);
			});
			assertThat(browser.findElement(By.id("log-output")).getDomAttribute("class")).doesNotContain("log-problem");
		}

		// 3. a namespace that enforces baseline: the form says so before anything is
		// sent, and Deploy is off
		openTheForm(clusterName);
		assertThat(browser.findElement(By.cssSelector("#namespace-list option[value=locked]")).getDomAttribute("label"))
			.isEqualTo("Pod Security: enforces baseline");
		type(browser, "namespace", "locked");
		waitFor(browser, (driver) -> text("#namespace-fit").contains("enforces baseline"));
		assertThat(text("#namespace-fit .fit-warning")).contains(
				"Namespace locked enforces Pod Security baseline and this pod is privileged: the cluster will refuse it.",
				"capabilities_baseline: non-default capabilities (container \"consumer\" must not include \"IPC_LOCK\"");
		waitFor(browser, (driver) -> !deployButton().isEnabled());
		assertThat(text("#deploy-blocked"))
			.startsWith("Deploy is off: Namespace locked enforces Pod Security baseline");
		long deploymentsBefore = deployments();

		// its dry run is refused by the cluster: shown once, on the form, with the checks
		// to change; Deploy stays off
		clickToNextPage(browser, browser.findElement(By.cssSelector("button[value=dryRun]")));
		assertThat(text("#deploy-result h2")).isEqualTo("Dry run: refused by the cluster");
		assertThat(text("#deploy-result .cluster-words")).contains("violates PodSecurity \"baseline:latest\"",
				"IPC_LOCK");
		assertThat(text("#deploy-result .fixes")).startsWith("capabilities_baseline: non-default capabilities");
		assertThat(browser.findElement(By.tagName("main")).getText().split("violates PodSecurity", -1)).hasSize(2);
		assertThat(deployButton().isEnabled()).isFalse();
		waitFor(browser, (driver) -> text("#namespace-fit").contains("enforces baseline"));
		assertThat(browser.findElements(By.cssSelector("#namespace-fit .fit-warning"))).as("the checks show once")
			.isEmpty();
		assertThat(deployButton().isEnabled()).isFalse();

		// a dry run that passes shows on the form, and is no deployment
		type(browser, "namespace", "default");
		waitFor(browser, (driver) -> deployButton().isEnabled());
		clickToNextPage(browser, browser.findElement(By.cssSelector("button[value=dryRun]")));
		assertThat(browser.getCurrentUrl()).matches(".*/templates/\\d+/deploy");
		assertThat(text("#deploy-result h2")).isEqualTo("Dry run passed");
		assertThat(text("#deploy-result .cluster-words"))
			.isEqualTo("The server-side dry run passed: Pod shared-memory-pair would be unchanged.");
		assertThat(deployButton().isEnabled()).isTrue();
		assertThat(deployments()).as("neither dry run is a deployment").isEqualTo(deploymentsBefore);

		// 4. deleted; the record stays, marked Deleted
		browser.get(record);
		clickToNextPage(browser, browser.findElement(By.linkText("Delete…")));
		clickToNextPage(browser, browser.findElement(By.cssSelector(".confirm-card button.danger-solid")));
		assertThat(browser.getCurrentUrl()).isEqualTo(record);
		assertThat(browser.findElement(By.cssSelector(".page-head .status")).getText()).isEqualTo("Deleted");
		assertThat(text(".notice")).isEqualTo("Pod shared-memory-pair deleted from " + clusterName + "/default.");
		assertThat(cluster.pod("default", "shared-memory-pair")).isEmpty();
	}

	/**
	 * From the template page through the deploy form; answers the deployment page's
	 * address.
	 */
	private String deployTheSharedMemoryPair(String clusterName, String namespace) {
		openTheForm(clusterName);
		type(browser, "namespace", namespace);
		waitFor(browser,
				(driver) -> text("#namespace-fit").contains("this pod is privileged") && deployButton().isEnabled());
		clickToNextPage(browser, deployButton());
		assertThat(browser.getCurrentUrl()).matches(".*/deployments/\\d+");
		return browser.getCurrentUrl();
	}

	/**
	 * The shared-memory pair's deploy form, from its template page, with the cluster
	 * chosen and its namespaces listed.
	 */
	private void openTheForm(String clusterName) {
		openSignedIn("/templates?q=shared-memory-ipc");
		clickToNextPage(browser, browser.findElement(By.linkText("shared-memory-ipc")));
		clickToNextPage(browser, browser.findElement(By.linkText("Deploy…")));
		Select clusters = new Select(browser.findElement(By.name("clusterId")));
		clusters.getOptions()
			.stream()
			.filter((option) -> option.getText().startsWith(clusterName + " "))
			.findFirst()
			.orElseThrow()
			.click();
		waitFor(browser, (driver) -> text("#namespace-options").contains("namespaces listed"));
	}

	private static WebElement deployButton() {
		return browser.findElement(By.cssSelector("button[value=deploy]"));
	}

	/** How many deployments the history holds. */
	private long deployments() throws Exception {
		HttpResponse<String> history = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/deployments"))
				.header("Authorization", TestAdmin.BEARER)
				.build(), HttpResponse.BodyHandlers.ofString());
		return JsonMapper.shared().readTree(history.body()).get("total").asLong();
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	/** The shared-memory pair is a starter template; another test may have deleted it. */
	private void restoreTheStarterCatalog() throws Exception {
		HttpResponse<String> restored = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/templates/catalog"))
				.header("Authorization", TestAdmin.BEARER)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(restored.statusCode()).isBetween(200, 299);
	}

}
