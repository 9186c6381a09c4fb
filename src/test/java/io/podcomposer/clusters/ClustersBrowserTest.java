package io.podcomposer.clusters;

import java.util.Map;
import java.util.UUID;

import io.podcomposer.BrowserTest;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

import static io.podcomposer.BrowserSupport.click;
import static io.podcomposer.BrowserSupport.clickToNextPage;
import static io.podcomposer.BrowserSupport.field;
import static io.podcomposer.BrowserSupport.paste;
import static io.podcomposer.BrowserSupport.type;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clusters page in a browser: a cluster added names its namespaces; checking it again
 * drops the "added" notice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClustersBrowserTest extends BrowserTest {

	private static final String TOKEN = "clusters-page-token";

	@Test
	void anAddedClusterNamesItsNamespacesAndCheckingAgainDropsTheNotice() {
		String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
		try (FakeKubernetes cluster = FakeKubernetes.start(TOKEN)) {
			cluster.createNamespace("team-a", Map.of());
			openSignedIn("/clusters");
			type(browser, "name", name);
			paste(browser, field(browser, "kubeconfig"), FakeKubeconfig.of(cluster, TOKEN));
			clickToNextPage(browser, browser.findElement(By.cssSelector("form[enctype] button[type=submit]")));
			assertThat(browser.findElement(By.cssSelector(".notice")).getText())
				.startsWith("Cluster " + name + " added");

			String row = "//tr[td[@data-label='Name'][normalize-space(.)='" + name + "']]";
			WebElement namespaces = waitFor(browser,
					(driver) -> driver.findElement(By.xpath(row + "//span[contains(@class, 'cluster-namespaces')]")));
			assertThat(namespaces.getText()).isEqualTo("3 namespaces: default, kube-system, team-a");

			click(browser, browser.findElement(By.xpath(row + "//button[normalize-space(.)='Check again']")));
			waitFor(browser, (driver) -> driver.findElements(By.cssSelector(".notice")).isEmpty());
			waitFor(browser,
					(driver) -> driver.findElement(By.xpath(row + "//span[contains(@class, 'cluster-namespaces')]"))
						.getText()
						.equals("3 namespaces: default, kube-system, team-a"));
		}
	}

}
