package io.podcomposer.compose;

import java.util.List;

import io.podcomposer.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;

import static io.podcomposer.BrowserSupport.previewYaml;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer by keyboard and for a screen reader: tabs as the WAI-ARIA tabs pattern has
 * them, the page marked in the navigation, and a focus ring one can see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComposerKeyboardBrowserTest extends BrowserTest {

	@Test
	void eachTabNamesThePanelItControlsAndThePanelNamesItsTab() {
		open();
		List<WebElement> tabs = browser.findElements(By.cssSelector("[role='tablist'] > [role='tab']"));
		assertThat(tabs).hasSize(4);
		for (WebElement tab : tabs) {
			WebElement panel = browser.findElement(By.id(tab.getDomAttribute("aria-controls")));
			assertThat(panel.getDomAttribute("role")).isEqualTo("tabpanel");
			assertThat(panel.getDomAttribute("aria-labelledby")).isEqualTo(tab.getDomAttribute("id"));
		}
		assertThat(browser.findElements(By.cssSelector("[role='tablist'][aria-label]"))).hasSize(2);
	}

	@Test
	void theArrowKeysMoveBetweenTheFormAndYamlTabsAndOnlyTheSelectedOneIsInTheTabOrder() {
		open();
		WebElement formTab = browser.findElement(By.id("tab-form"));
		WebElement yamlTab = browser.findElement(By.id("tab-yaml"));
		assertSelected(formTab, yamlTab);

		formTab.sendKeys(Keys.ARROW_RIGHT);
		waitFor(browser, (driver) -> driver.findElement(By.id("compose-form")).getDomProperty("hidden").equals("true"));
		assertSelected(yamlTab, formTab);
		assertThat(browser.findElement(By.id("yaml-form")).isDisplayed()).isTrue();
		assertThat(focused()).isEqualTo(yamlTab);

		// the text is as the tab found it: back to the form without a trip to the server
		yamlTab.sendKeys(Keys.ARROW_LEFT);
		waitFor(browser, (driver) -> driver.findElement(By.id("compose-form")).isDisplayed());
		assertSelected(formTab, yamlTab);
		assertThat(focused()).isEqualTo(formTab);

		// the arrows go round: left of the first is the last
		formTab.sendKeys(Keys.ARROW_LEFT);
		waitFor(browser, (driver) -> driver.findElement(By.id("yaml-form")).isDisplayed());
		assertSelected(yamlTab, formTab);
	}

	@Test
	void theArrowKeysSwitchThePreviewBetweenYamlAndJson() {
		open();
		WebElement yamlTab = browser.findElement(By.id("tab-preview-yaml"));
		WebElement jsonTab = browser.findElement(By.id("tab-preview-json"));
		yamlTab.sendKeys(Keys.END);
		waitFor(browser, (driver) -> driver.findElement(By.id("preview-json")).isDisplayed());
		assertSelected(jsonTab, yamlTab);
		assertThat(browser.findElement(By.id("preview-yaml")).isDisplayed()).isFalse();
		assertThat(focused()).isEqualTo(jsonTab);

		jsonTab.sendKeys(Keys.ARROW_RIGHT);
		waitFor(browser, (driver) -> driver.findElement(By.id("preview-yaml")).isDisplayed());
		assertSelected(yamlTab, jsonTab);
	}

	@Test
	void theNavigationMarksTheCurrentSectionForScreenReadersToo() {
		open();
		assertThat(browser.findElements(By.cssSelector(".topnav [aria-current='page']")))
			.extracting(WebElement::getText)
			.containsExactly("Composer");
		openSignedIn("/templates");
		waitFor(browser, (driver) -> driver.getTitle().contains("Templates"));
		assertThat(browser.findElements(By.cssSelector(".topnav [aria-current='page']")))
			.extracting(WebElement::getText)
			.containsExactly("Templates");
	}

	@Test
	void aButtonReachedByKeyboardHasARingInTheAccentColour() {
		open();
		WebElement formTab = browser.findElement(By.id("tab-form"));
		formTab.sendKeys(Keys.TAB);
		WebElement next = focused();
		assertThat(next).isNotEqualTo(formTab);
		assertThat(next.getCssValue("outline-style")).isEqualTo("solid");
		assertThat(next.getCssValue("outline-width")).isEqualTo("2px");
		// var(--accent), #2563eb: 5.2:1 against the white surface
		assertThat(next.getCssValue("outline-color")).isEqualTo("rgba(37, 99, 235, 1)");
	}

	@Test
	void copyTakesThePreviewShown() {
		open();
		WebElement copy = browser.findElement(By.cssSelector("[data-copy]"));
		copy.click();
		waitFor(browser, (driver) -> copy.getText().equals("Copied"));
		waitFor(browser, (driver) -> copy.getText().equals("Copy"));
	}

	private void open() {
		openSignedIn("/compose?start=new");
		waitFor(browser, (driver) -> !previewYaml(driver).isEmpty());
	}

	private static void assertSelected(WebElement selected, WebElement other) {
		assertThat(selected.getDomAttribute("aria-selected")).isEqualTo("true");
		assertThat(selected.getDomProperty("tabIndex")).isEqualTo("0");
		assertThat(other.getDomAttribute("aria-selected")).isEqualTo("false");
		assertThat(other.getDomProperty("tabIndex")).isEqualTo("-1");
	}

	private static WebElement focused() {
		return (WebElement) ((JavascriptExecutor) browser).executeScript("return document.activeElement");
	}

}
