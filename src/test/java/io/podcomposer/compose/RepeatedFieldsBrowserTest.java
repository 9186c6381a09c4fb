package io.podcomposer.compose;

import io.podcomposer.BrowserSupport;
import io.podcomposer.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;

import static io.podcomposer.BrowserSupport.field;
import static io.podcomposer.BrowserSupport.paste;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * YAML that kubectl reads but the API server's strict decoding refuses: a field given
 * twice. The YAML tab reads it (the last value) and shows the API server's error at its
 * line and, on the form, at its field, where it used to show "found duplicate key" in
 * place of the preview.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepeatedFieldsBrowserTest extends BrowserTest {

	private static final String POD = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: twice
			  annotations: {note: "it\\'s read"}
			spec:
			  containers:
			  - name: web
			    image: nginx:1.26
			    image: nginx:1.27
			""";

	@Test
	void aRepeatedFieldIsTheApiServersErrorAtItsLineAndAtItsField() {
		openSignedIn("/compose?start=new");
		waitFor(browser, (driver) -> !BrowserSupport.previewYaml(driver).isEmpty());
		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		paste(browser, browser.findElement(By.id("yaml-text")), POD);

		waitFor(browser, (driver) -> BrowserSupport.previewYaml(driver).contains("name: twice"));
		assertThat(browser.findElement(By.id("yaml-error")).isDisplayed()).isFalse();
		assertThat(BrowserSupport.previewYaml(browser)).contains("image: nginx:1.27", "it's read")
			.doesNotContain("nginx:1.26");
		WebElement marker = waitFor(browser,
				(driver) -> driver.findElements(By.cssSelector("#yaml-markers li.error"))
					.stream()
					.filter((item) -> item.getText().contains("duplicate field"))
					.findFirst()
					.orElse(null));
		assertThat(marker.getText()).contains("strict decoding error: duplicate field \"spec.containers[0].image\"");

		browser.findElement(By.cssSelector("[data-tab='form']")).click();
		waitFor(browser, (driver) -> "nginx:1.27".equals(field(driver, "containers[0].image").getDomProperty("value")));
		waitFor(browser,
				(driver) -> "true".equals(field(driver, "containers[0].image").getDomAttribute("aria-invalid")));
		// the notes are placed again whenever the preview is redrawn: read them as one
		waitFor(browser, (driver) -> ((JavascriptExecutor) driver)
			.executeScript("""
					return [...document.querySelectorAll('#compose-form small.field-problem[data-server-problem]')]
					  .some((note) => note.textContent === arguments[0]);""",
					"strict decoding error: duplicate field \"spec.containers[0].image\"")
			.equals(Boolean.TRUE));
	}

}
