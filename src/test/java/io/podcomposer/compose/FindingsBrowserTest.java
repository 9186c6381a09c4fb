package io.podcomposer.compose;

import java.util.List;

import io.podcomposer.BrowserSupport;
import io.podcomposer.BrowserTest;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.podsecurity.Level;
import io.podcomposer.validation.Validator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;

import static io.podcomposer.BrowserSupport.click;
import static io.podcomposer.BrowserSupport.field;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The validator's findings as a person sees them while composing: beside the field, in
 * the preview's summary, and as the Pod Security badge. The tests need the API-server
 * rules (a container name must be a DNS label) and the Pod Security checks
 * (capabilities_baseline): each is skipped, saying so, while the build lacks what it
 * needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FindingsBrowserTest extends BrowserTest {

	private static final String NAME = "containers[0].name";

	@Test
	void anUppercaseContainerNameIsFlaggedBesideItsFieldUntilFixed() {
		assumeContainerNameRule();
		open("/compose?start=new");

		type(NAME, "Web");
		WebElement note = waitFor(browser, (driver) -> errorNote(driver).stream().findFirst().orElse(null));
		assertThat(note.getText()).isNotBlank();
		assertThat(field(browser, NAME).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElements(By.cssSelector("#preview .report .finding.error")))
			.anySatisfy((finding) -> assertThat(finding.getText()).startsWith("spec.containers[0].name "));

		type(NAME, "web");
		waitFor(browser, (driver) -> errorNote(driver).isEmpty());
		assertThat(field(browser, NAME).getDomAttribute("aria-invalid")).isNull();
		assertThat(browser.findElements(By.cssSelector("#preview .report .finding.error"))).isEmpty();
	}

	@Test
	void addingIpcLockDropsTheBadgeToPrivileged() {
		assumeTrue(Validator.validate(TestManifests.example("ipc-lock")).podSecurity().level() == Level.PRIVILEGED,
				"needs the Pod Security checks: capabilities_baseline does not judge the IPC_LOCK example in this build");
		open("/compose?start=new");
		assertThat(badge().getText()).doesNotContain("Privileged");

		WebElement container = browser.findElement(By.cssSelector("[data-container='containers[0]']"));
		click(browser, container.findElement(By.xpath(".//summary[contains(., 'Security context')]")));
		new Select(container.findElement(By.cssSelector("[data-capability-picker]"))).selectByValue("IPC_LOCK");

		waitFor(browser, (driver) -> badge().getText().contains("Pod Security: Privileged"));
		assertThat(browser.findElement(By.cssSelector("#preview .pss")).getDomAttribute("class"))
			.contains("pss-privileged");
		click(browser, badge());
		WebElement violation = waitFor(browser, (driver) -> driver.findElement(By.cssSelector("#preview .violation")));
		assertThat(violation.getText()).contains("capabilities_baseline", "IPC_LOCK",
				"remove the capability from securityContext.capabilities.add",
				"namespaces that enforce baseline or restricted");

		// the open badge stays open while the preview is redrawn
		type("name", "locked");
		waitFor(browser, (driver) -> previewYaml().contains("name: locked"));
		assertThat(browser.findElement(By.cssSelector("#preview .violation")).isDisplayed()).isTrue();
	}

	@Test
	void aMisspeltCapabilityIsCountedAsTheErrorItsFieldShows() {
		open("/compose?start=new");
		WebElement container = browser.findElement(By.cssSelector("[data-container='containers[0]']"));
		click(browser, container.findElement(By.xpath(".//summary[contains(., 'Security context')]")));

		type("containers[0].capabilitiesAdd", "IPC_LOK");
		waitFor(browser, (driver) -> counts().startsWith("1 error "));
		assertThat(field(browser, "containers[0].capabilitiesAdd").getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElements(By.cssSelector("#preview .report .finding.error")))
			.anySatisfy((finding) -> assertThat(finding.getText()).contains("\"IPC_LOK\" is not a Linux capability"));
		assertThat(browser.findElements(By.cssSelector("#preview .report .finding.warning")))
			.noneSatisfy((finding) -> assertThat(finding.getText()).contains("IPC_LOK"));
	}

	@Test
	void thePreviewColumnScrollsAsOneAndTheOpenedPodSecurityDetailsLeaveTheYamlInView() {
		open("/compose?example=ipc-lock");
		click(browser, badge());
		waitFor(browser, (driver) -> driver.findElement(By.cssSelector("#preview .violation")).isDisplayed());

		JavascriptExecutor page = (JavascriptExecutor) browser;
		Object scrollers = page.executeScript("""
				const pane = document.querySelector('.preview-pane');
				return [pane, ...pane.querySelectorAll('*')].filter((element) => {
				  const overflow = getComputedStyle(element).overflowY;
				  return (overflow === 'auto' || overflow === 'scroll') && element.scrollHeight > element.clientHeight
				    && !element.closest('.pss');
				}).length;""");
		assertThat(scrollers).as("vertical scrollers in the preview column, besides the Pod Security panel")
			.isEqualTo(1L);
		Object yamlInView = page.executeScript("""
				const pane = document.querySelector('.preview-pane');
				return document.querySelector('#preview-yaml').getBoundingClientRect().top
				  - pane.getBoundingClientRect().top < pane.clientHeight;""");
		assertThat(yamlInView).as("the YAML starts within the preview column's first screen").isEqualTo(true);
	}

	@Test
	void theYamlTabListsTheFindingsByLine() {
		assumeContainerNameRule();
		open("/compose?start=new");
		type(NAME, "Web");
		waitFor(browser, (driver) -> !errorNote(driver).isEmpty());

		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		WebElement markers = browser.findElement(By.id("yaml-markers"));
		assertThat(markers.isDisplayed()).isTrue();
		assertThat(markers.findElements(By.cssSelector("li.error"))).first()
			.satisfies((line) -> assertThat(line.getText()).startsWith("line 7"));
	}

	private static void assumeContainerNameRule() {
		Manifest uppercase = Manifest.newPod("web", "Web", "nginx:1.27");
		assumeTrue(
				Validator.validate(uppercase)
					.errors()
					.stream()
					.anyMatch((finding) -> finding.path().equals("spec.containers[0].name")),
				"needs the API-server rules: no rule refuses the container name \"Web\" in this build");
	}

	private void open(String path) {
		openSignedIn(path);
		waitFor(browser, (driver) -> !previewYaml().isEmpty());
	}

	private static void type(String name, String text) {
		BrowserSupport.type(browser, name, text);
	}

	/** The red note the page places under the container's name, in its label. */
	private static List<WebElement> errorNote(WebDriver driver) {
		return driver.findElements(By.xpath("//input[@name='" + NAME + "']/ancestor::label"
				+ "/small[contains(@class, 'field-problem') and not(contains(@class, 'warning'))]"));
	}

	private static String counts() {
		return browser.findElement(By.cssSelector("#preview .report-counts")).getText();
	}

	private static WebElement badge() {
		return browser.findElement(By.cssSelector("#preview .pss > summary"));
	}

	private static String previewYaml() {
		return BrowserSupport.previewYaml(browser);
	}

}
