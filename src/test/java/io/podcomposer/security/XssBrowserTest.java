package io.podcomposer.security;

import io.podcomposer.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;

import static io.podcomposer.BrowserSupport.click;
import static io.podcomposer.BrowserSupport.field;
import static io.podcomposer.BrowserSupport.paste;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Markup typed into the composer, in the form or the YAML tab, comes back as text
 * wherever the page shows it: the preview, the picture, the fields, an error. It never
 * becomes an element.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XssBrowserTest extends BrowserTest {

	private static final String ATTACK = "<img src=x onerror=alert(1)>";

	@Test
	void markupTypedIntoTheFormShowsAsText() {
		open();
		click(browser, browser.findElement(By.xpath("//button[normalize-space()='+ Label']")));
		// the new row is the label without a key
		WebElement key = waitFor(browser,
				(driver) -> driver.findElements(By.cssSelector("input[name^='labels[']"))
					.stream()
					.filter((input) -> input.getDomAttribute("name").endsWith(".key")
							&& input.getDomProperty("value").isEmpty())
					.findFirst()
					.orElse(null));
		String row = key.getDomAttribute("name").replace(".key", "");
		key.sendKeys("xss");
		field(browser, row + ".value").sendKeys(ATTACK);
		WebElement name = field(browser, "containers[0].name");
		name.clear();
		name.sendKeys(ATTACK);

		waitFor(browser, (driver) -> previewYaml().contains("- name: " + ATTACK));

		assertNothingBecameMarkup();
		assertThat(previewYaml()).contains("xss: " + ATTACK);
		assertThat(browser.findElement(By.cssSelector(".picture svg")).getText()).contains("<img");
	}

	@Test
	void markupInTheYamlTabShowsAsTextInTheFormAndPreview() {
		open();
		String breakout = "\"></textarea>" + ATTACK;
		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		paste(browser, browser.findElement(By.id("yaml-text")), """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  labels:
				    xss: '%1$s'
				  annotations:
				    note: '%2$s'
				spec:
				  containers:
				  - name: '%1$s'
				    image: '%2$s'
				""".formatted(ATTACK, breakout));
		browser.findElement(By.cssSelector("[data-tab='form']")).click();

		waitFor(browser, (driver) -> ATTACK.equals(field(driver, "containers[0].name").getDomProperty("value")));

		assertNothingBecameMarkup();
		assertThat(field(browser, "containers[0].image").getDomProperty("value")).isEqualTo(breakout);
		assertThat(previewYaml()).contains("xss: " + ATTACK, "- name: " + ATTACK);
	}

	@Test
	void markupInYamlThatDoesNotParseStaysTextInTheTab() {
		open();
		String broken = "metadata:\n  name: [" + ATTACK + "</textarea>" + ATTACK + "\n";
		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		paste(browser, browser.findElement(By.id("yaml-text")), broken);
		browser.findElement(By.cssSelector("[data-tab='form']")).click();

		waitFor(browser, (driver) -> !driver.findElements(By.cssSelector("#yaml-form .error")).isEmpty());

		assertNothingBecameMarkup();
		assertThat(browser.findElement(By.id("yaml-text")).getDomProperty("value")).isEqualTo(broken);
	}

	private void assertNothingBecameMarkup() {
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.switchTo().alert());
		assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
		assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('[onerror]').length"))
			.isEqualTo(0L);
	}

	/**
	 * A new pod: the tests share a sign-in, and so the draft that the one before left.
	 */
	private void open() {
		openSignedIn("/compose?start=new");
		waitFor(browser, (driver) -> !previewYaml().isEmpty());
	}

	private static String previewYaml() {
		return browser.findElement(By.cssSelector("#preview-yaml code")).getDomProperty("textContent");
	}

}
