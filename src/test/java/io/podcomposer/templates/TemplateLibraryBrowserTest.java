package io.podcomposer.templates;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.podcomposer.BrowserTest;
import io.podcomposer.manifest.Manifest;

import static io.podcomposer.BrowserSupport.click;
import static io.podcomposer.BrowserSupport.clickToNextPage;
import static io.podcomposer.BrowserSupport.field;
import static io.podcomposer.BrowserSupport.previewYaml;
import static io.podcomposer.BrowserSupport.type;
import static io.podcomposer.BrowserSupport.waitFor;
import static io.podcomposer.BrowserSupport.waitForPageGone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template library in a real browser, as a person uses it: compose a pod, save it as
 * a template, find it by search, edit it, save again, compare the two revisions, restore
 * the first; and a revision that changes only the tags.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TemplateLibraryBrowserTest extends BrowserTest {

	@Autowired
	private TemplateService templates;

	@Test
	void composeSaveFindEditCompareAndRestore() {
		String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);

		openSignedIn("/compose");
		waitFor(browser, (driver) -> !previewYaml(driver).isEmpty());
		type(browser, "name", name);
		type(browser, "containers[0].image", "nginx:${IMAGE_TAG}");
		waitFor(browser, (driver) -> previewYaml(driver).contains("image: nginx:${IMAGE_TAG}"));
		assertThat(browser.findElement(By.cssSelector(".placeholders li.warning")).getText()).contains("${IMAGE_TAG}",
				"not declared");

		clickToNextPage(browser, browser.findElement(By.cssSelector("button[formaction='/compose/save']")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Save as template");
		assertThat(field(browser, "name").getDomProperty("value")).isEqualTo(name);
		type(browser, "description", "An nginx saved from the browser test");
		type(browser, "tags", "browser-test");
		type(browser, "parameters[0].defaultValue", "1.27");
		clickToNextPage(browser, browser.findElement(By.cssSelector("#save-form button.primary")));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Saved the template.");
		String templatePage = browser.getCurrentUrl();

		// found by a search for part of its name, live
		openSignedIn("/templates");
		type(browser, "q", name.substring(3));
		waitFor(browser, (driver) -> driver.getCurrentUrl().contains("q=" + name.substring(3))
				&& driver.findElements(By.cssSelector("#results tbody tr")).size() == 1);
		// the results may be swapped once more while the last keystrokes arrive
		WebElement body = browser.findElement(By.tagName("body"));
		waitFor(browser, (driver) -> {
			driver.findElement(By.linkText(name)).click();
			return true;
		});
		waitForPageGone(browser, body);
		assertThat(browser.getCurrentUrl()).isEqualTo(templatePage);

		clickToNextPage(browser, browser.findElement(By.linkText("Edit in composer")));
		assertThat(browser.findElement(By.cssSelector(".template-bar")).getText()).contains(name,
				"based on revision 1");
		waitFor(browser, (driver) -> browser.findElement(By.cssSelector(".placeholders li.declared")).isDisplayed());
		type(browser, "containers[0].image", "nginx:1.28-${IMAGE_TAG}");
		waitFor(browser, (driver) -> previewYaml(driver).contains("image: nginx:1.28-${IMAGE_TAG}"));
		clickToNextPage(browser,
				browser.findElement(By.cssSelector(".template-bar button[formaction='/compose/save']")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Save a new revision");
		type(browser, "message", "a newer nginx");
		clickToNextPage(browser, browser.findElement(By.cssSelector("#save-form button.primary")));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Saved a new revision.");
		assertThat(browser.findElement(By.cssSelector("#revisions")).getText()).contains("a newer nginx");

		// revision 1 against revision 2, as the page offers by default
		clickToNextPage(browser, browser.findElement(By.cssSelector("#compare button[value=unified]")));
		assertThat(browser.findElements(By.cssSelector("table.diff tr.removed, table.diff tr.added"))
			.stream()
			.map(WebElement::getText)
			.toList()).anySatisfy((line) -> assertThat(line).contains("image: nginx:${IMAGE_TAG}"))
			.anySatisfy((line) -> assertThat(line).contains("image: nginx:1.28-${IMAGE_TAG}"));

		browser.get(templatePage);
		clickToNextPage(browser, browser.findElement(By.cssSelector("form[action$='/revisions/1/restore'] button")));
		WebElement revisions = browser.findElement(By.cssSelector("#revisions"));
		assertThat(revisions.getText()).contains("Restored revision 1");
		assertThat(browser.findElement(By.cssSelector("#revisions .count")).getText()).isEqualTo("3");
		assertThat(browser.findElement(By.cssSelector(".manifest-code code")).getText())
			.contains("image: nginx:${IMAGE_TAG}")
			.doesNotContain("1.28");
	}

	@Test
	void aRevisionThatChangesOnlyTheTagsShowsTheTagChangeInItsDiff() {
		String name = "retag-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.templates
			.create(new TemplateDocument(name, "An nginx", new LinkedHashSet<>(List.of("logging")), List.of(),
					Manifest.newPod(name, "web", "nginx:1.27").root(), null))
			.id();

		openSignedIn("/templates/" + id);
		clickToNextPage(browser, browser.findElement(By.linkText("Edit in composer")));
		waitFor(browser, (driver) -> previewYaml(driver).contains("image: nginx:1.27"));
		clickToNextPage(browser,
				browser.findElement(By.cssSelector(".template-bar button[formaction='/compose/save']")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Save a new revision");
		assertThat(field(browser, "tags").getDomProperty("value")).isEqualTo("logging");
		type(browser, "tags", "sidecar, web");
		clickToNextPage(browser, browser.findElement(By.cssSelector("#save-form button.primary")));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Saved a new revision.");
		assertThat(browser.findElement(By.cssSelector("#revisions .count")).getText()).isEqualTo("2");

		// revision 1 against revision 2, as the page offers by default
		clickToNextPage(browser, browser.findElement(By.cssSelector("#compare button[value=unified]")));
		WebElement tags = browser.findElement(By.cssSelector("section[aria-label=Tags]"));
		assertThat(tags.findElements(By.cssSelector("tr.removed")).stream().map(WebElement::getText).toList())
			.singleElement()
			.asString()
			.contains("-logging");
		assertThat(tags.findElements(By.cssSelector("tr.added")).stream().map(WebElement::getText).toList()).hasSize(2)
			.anySatisfy((line) -> assertThat(line).contains("+sidecar"))
			.anySatisfy((line) -> assertThat(line).contains("+web"));
		assertThat(browser.findElement(By.cssSelector("section[aria-label=Changes]")).getText())
			.contains("Revisions 1 and 2 have the same manifest.");
	}

}
