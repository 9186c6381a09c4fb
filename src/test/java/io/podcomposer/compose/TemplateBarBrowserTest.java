package io.podcomposer.compose;

import java.util.List;
import java.util.UUID;

import io.podcomposer.BrowserSupport;
import io.podcomposer.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;

import static io.podcomposer.BrowserSupport.clickToNextPage;
import static io.podcomposer.BrowserSupport.field;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer's save and deploy actions say what they do: one "Save as template…" and a
 * deploy hint naming the kind for new work; while a template is edited, "Save revision…"
 * as the one primary action, "Save as a new template…" beside it, and no hint to save
 * first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TemplateBarBrowserTest extends BrowserTest {

	@Test
	void theDeployHintNamesTheKind() {
		open("/compose?start=new");
		assertThat(deployHint()).singleElement()
			.satisfies(
					(hint) -> assertThat(hint.getText()).startsWith("To deploy this Pod, save it as a template first"));

		new Select(field(browser, "kind")).selectByValue("Deployment");
		waitForPreview("kind: Deployment");
		waitFor(browser, (driver) -> deployHint().stream()
			.anyMatch((hint) -> hint.getText().startsWith("To deploy this Deployment,")));
	}

	@Test
	void editingATemplateHasOnePrimarySaveAndNoHintToSaveFirst() {
		String name = "bar-" + UUID.randomUUID().toString().substring(0, 8);
		open("/compose?start=new");
		type("name", name);
		waitForPreview("name: " + name);
		clickToNextPage(browser, saveButton("Save as template…"));
		clickToNextPage(browser, browser.findElement(By.cssSelector("#save-form button.primary")));
		clickToNextPage(browser, browser.findElement(By.linkText("Edit in composer")));

		// after an edit the preview is redrawn: it must still know a template is being
		// edited
		type("containers[0].image", "nginx:1.28");
		waitForPreview("image: nginx:1.28");
		assertThat(deployHint()).isEmpty();
		assertThat(saveButtons("Save as template…")).isEmpty();
		assertThat(browser.findElements(By.cssSelector("button.primary[formaction='/compose/save']"))).singleElement()
			.satisfies((save) -> assertThat(save.getText()).isEqualTo("Save revision…"));

		clickToNextPage(browser, saveButton("Save as a new template…"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Save as template");
		assertThat(browser.findElements(By.cssSelector("#save-form input[name='templateId']"))).isEmpty();
	}

	private void open(String path) {
		openSignedIn(path);
		waitFor(browser, (driver) -> !BrowserSupport.previewYaml(driver).isEmpty());
	}

	private static List<WebElement> deployHint() {
		return browser.findElements(By.cssSelector("#preview .deploy-hint"));
	}

	private static List<WebElement> saveButtons(String text) {
		return browser.findElements(By.xpath("//button[normalize-space()='" + text + "']"));
	}

	private static WebElement saveButton(String text) {
		return saveButtons(text).get(0);
	}

	private static void type(String name, String text) {
		BrowserSupport.type(browser, name, text);
	}

	private static void waitForPreview(String text) {
		waitFor(browser, (driver) -> BrowserSupport.previewYaml(driver).contains(text));
	}

}
