package io.podcomposer.deploy;

import java.util.Map;

import io.podcomposer.BrowserTest;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.kube.FakeKubernetes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

import static io.podcomposer.BrowserSupport.clickToNextPage;
import static io.podcomposer.deploy.DeployTests.deployBody;
import static io.podcomposer.deploy.DeployTests.json;
import static io.podcomposer.deploy.DeployTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare pod redeployed with new args and resources: the confirmation says, before
 * anything is sent, that the cluster will refuse the change and which fields, and offers
 * Replace, which stops the pod and creates it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ReplaceBrowserTest extends BrowserTest {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterService clusters;

	private FakeKubernetes fake;

	@BeforeEach
	void startCluster() {
		this.fake = FakeKubernetes.start(DeployTests.CLUSTER_TOKEN);
		this.fake.createNamespace("team-a", Map.of());
	}

	@AfterEach
	void stopCluster() {
		this.fake.close();
	}

	@Test
	void theRedeployConfirmationWarnsOfARefusedChangeAndReplaceRecreatesThePod() {
		long clusterId = DeployTests.addCluster(this.clusters, this.fake);
		String pod = unique("replace");
		long templateId = DeployTests.template(this.mvc, DeploymentReplaceTest.POD.formatted(pod));
		JsonNode first = json(DeployTests.deploy(this.mvc, deployBody(templateId, clusterId, "team-a")));
		String uid = this.fake.pod("team-a", pod).orElseThrow().at("/metadata/uid").asString();
		DeploymentReplaceTest.newRevision(this.mvc, templateId, DeploymentReplaceTest.POD_WITH_ARGS.formatted(pod));

		openSignedIn("/deployments/" + first.get("id").asLong());
		clickToNextPage(browser, browser.findElement(By.xpath("//button[text()='Deploy the latest revision']")));

		assertThat(browser.findElement(By.id("confirm-title")).getText()).isEqualTo("Apply these changes?");
		String warning = browser.findElement(By.cssSelector(".replace-warning")).getText();
		assertThat(warning).startsWith("The cluster will refuse this change.")
			.contains("spec.containers[0].args", "spec.containers[0].resources",
					"pod updates may not change fields other than", "the running pod stops");
		assertThat(browser.findElements(By.xpath("//button[text()='Apply these changes']"))).isEmpty();
		assertThat(this.fake.pod("team-a", pod).orElseThrow().at("/metadata/uid").asString()).isEqualTo(uid);

		clickToNextPage(browser, browser.findElement(By.cssSelector(".confirm-card button.replace-button")));

		assertThat(browser.findElement(By.cssSelector(".page-head .status")).getText()).isEqualTo("Applied");
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("Pod " + pod + " replaced: deleted and created again");
		JsonNode created = this.fake.pod("team-a", pod).orElseThrow();
		assertThat(created.at("/metadata/uid").asString()).isNotEqualTo(uid);
		assertThat(created.at("/spec/containers/0/args/0").asString()).isEqualTo("--verbose");
	}

}
