package io.podcomposer.compose;

import java.util.UUID;

import io.podcomposer.BrowserSupport;
import io.podcomposer.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;

import static io.podcomposer.BrowserSupport.clickToNextPage;
import static io.podcomposer.BrowserSupport.field;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work in the composer is not lost: it survives the library, Back and a reload, comes
 * back with a note saying so, and is replaced or left only after asking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftsBrowserTest extends BrowserTest {

	@Test
	void aDraftSurvivesTheLibraryBackAndAReloadAndIsReplacedOnlyAfterAsking() {
		open("/compose?start=new");
		assertThat(browser.findElements(By.cssSelector(".draft-note"))).isEmpty();
		type("name", "kept-work");
		type("containers[0].image", "busybox:1.36");
		waitForPreview("image: busybox:1.36");

		clickToNextPage(browser, navLink("Templates"));
		clickToNextPage(browser, navLink("Composer"));
		assertKept();

		clickToNextPage(browser, navLink("Templates"));
		WebElement library = browser.findElement(By.tagName("body"));
		browser.navigate().back();
		BrowserSupport.waitForPageGone(browser, library);
		assertKept();

		browser.navigate().refresh();
		assertKept();

		// "New pod" asks first; saying no keeps the work
		browser.findElement(By.linkText("New pod")).click();
		waitFor(browser, (driver) -> driver.switchTo().alert()).dismiss();
		assertThat(field(browser, "name").getDomProperty("value")).isEqualTo("kept-work");

		startNewPodSayingYes();
		waitForPreview("name: my-pod");
		assertThat(browser.findElements(By.cssSelector(".draft-note"))).isEmpty();

		// a pod nobody has changed is replaced without a question
		clickToNextPage(browser, browser.findElement(By.cssSelector("[data-example='two-containers']")));
		waitForPreview("name: two-containers");
	}

	@Test
	void aPreviewOfThePageThatEndsAfterALaterOneDoesNotPutBackTheOlderPod() {
		open("/compose?start=new");
		// what the page numbers its changes with, as composer.js sets it on each request
		((JavascriptExecutor) browser).executeScript("""
				document.addEventListener('htmx:configRequest', (event) => {
				  window.lastDraftEdit = { page: event.detail.parameters.draftPage,
				                           sequence: Number(event.detail.parameters.draftSequence) };
				});""");
		type("name", "latest-text");
		waitForPreview("name: latest-text");

		// an earlier preview of this page, held up, handled after the latest
		Object status = ((JavascriptExecutor) browser).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						const params = new URLSearchParams(new FormData(document.getElementById('compose-form')));
						params.set('name', 'stale-text');
						params.set('draftPage', window.lastDraftEdit.page);
						params.set('draftSequence', String(window.lastDraftEdit.sequence - 1));
						const header = document.querySelector('meta[name="csrf-header"]').content;
						const token = document.querySelector('meta[name="csrf-token"]').content;
						fetch('/compose/preview', { method: 'POST', body: params, headers: { [header]: token, 'HX-Request': 'true' } })
						  .then((response) => done(response.status), (error) => done(String(error)));""");
		assertThat(status).isEqualTo(200L);

		browser.navigate().refresh();
		waitForPreview("name: latest-text");
		assertThat(field(browser, "name").getDomProperty("value")).isEqualTo("latest-text");
		assertThat(browser.findElement(By.cssSelector(".draft-note")).getText()).contains("Restored your draft");
	}

	@Test
	void theDiscardButtonStartsAgainFromANewPod() {
		open("/compose?start=new");
		type("name", "to-discard");
		waitForPreview("name: to-discard");
		browser.navigate().refresh();
		WebElement note = browser.findElement(By.cssSelector(".draft-note"));

		clickToNextPage(browser, note.findElement(By.linkText("Discard draft")));

		waitForPreview("name: my-pod");
		assertThat(browser.findElements(By.cssSelector(".draft-note"))).isEmpty();
	}

	@Test
	void editingATemplateAsksBeforeItsChangesAreLeftOrReplacedButNotAfterSaving() {
		String name = "drafts-" + UUID.randomUUID().toString().substring(0, 8);
		open("/compose?start=new");
		type("name", name);
		waitForPreview("name: " + name);
		clickToNextPage(browser, browser.findElement(By.cssSelector("button[formaction='/compose/save']")));
		clickToNextPage(browser, browser.findElement(By.cssSelector("#save-form button.primary")));
		clickToNextPage(browser, browser.findElement(By.linkText("Edit in composer")));
		assertThat(browser.findElement(By.cssSelector(".template-bar")).getText()).contains(name);

		assertThat(asksBeforeLeaving()).as("nothing changed yet").isFalse();

		type("containers[0].image", "nginx:1.28");
		waitForPreview("image: nginx:1.28");
		assertThat(asksBeforeLeaving()).as("unsaved changes to the template").isTrue();

		// starting a new pod asks, and ends the editing of the template
		startNewPodSayingYes();
		waitForPreview("name: my-pod");
		assertThat(browser.findElements(By.cssSelector(".template-bar"))).isEmpty();
		assertThat(browser.findElements(By.xpath("//button[normalize-space()='Save revision…']"))).isEmpty();
		type("name", "not-a-template");
		waitForPreview("name: not-a-template");
		assertThat(asksBeforeLeaving()).as("a pod's draft is kept without asking").isFalse();

		// opening the template again while that pod is unsaved shows the pod, and asks
		WebElement page = browser.findElement(By.tagName("body"));
		browser.navigate().back();
		BrowserSupport.waitForPageGone(browser, page);
		waitForPreview("name: not-a-template");
		WebElement note = browser.findElement(By.cssSelector(".draft-note"));
		assertThat(note.getText()).contains("Restored your draft", "Editing template " + name + " would replace it");
		clickToNextPage(browser, note.findElement(By.linkText("Discard draft and edit " + name)));
		assertThat(browser.findElement(By.cssSelector(".template-bar")).getText()).contains(name);
		assertThat(browser.findElements(By.cssSelector(".draft-note"))).isEmpty();

		// saving a revision leaves without a question
		type("containers[0].image", "nginx:1.29");
		waitForPreview("image: nginx:1.29");
		assertThat(asksBeforeLeaving()).isTrue();
		// what "Save revision…" sends, without the page going away, to ask the page
		((JavascriptExecutor) browser).executeScript(
				"document.getElementById('compose-form')" + ".dispatchEvent(new Event('submit', {bubbles: true}))");
		assertThat(asksBeforeLeaving()).as("saving").isFalse();
		clickToNextPage(browser, browser.findElement(By.xpath("//button[normalize-space()='Save revision…']")));
		clickToNextPage(browser, browser.findElement(By.cssSelector("#save-form button.primary")));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Saved a new revision.");
	}

	private void assertKept() {
		waitForPreview("name: kept-work");
		assertThat(field(browser, "name").getDomProperty("value")).isEqualTo("kept-work");
		assertThat(field(browser, "containers[0].image").getDomProperty("value")).isEqualTo("busybox:1.36");
		WebElement note = browser.findElement(By.cssSelector(".draft-note"));
		assertThat(note.getText()).contains("Restored your draft", "Discard draft");
	}

	/** "New pod" over changes asks first: yes. */
	private static void startNewPodSayingYes() {
		WebElement page = browser.findElement(By.tagName("body"));
		browser.findElement(By.linkText("New pod")).click();
		waitFor(browser, (driver) -> driver.switchTo().alert()).accept();
		BrowserSupport.waitForPageGone(browser, page);
	}

	/**
	 * Whether leaving now would ask first. ChromeDriver answers a real leave's question
	 * itself (WebDriver accepts "beforeunload" prompts), so the page is asked as the
	 * browser asks it.
	 */
	private static boolean asksBeforeLeaving() {
		return (Boolean) ((JavascriptExecutor) browser)
			.executeScript("const leaving = new Event('beforeunload', {cancelable: true});"
					+ "window.dispatchEvent(leaving); return leaving.defaultPrevented;");
	}

	private void open(String path) {
		openSignedIn(path);
		waitFor(browser, (driver) -> !BrowserSupport.previewYaml(driver).isEmpty());
	}

	private static WebElement navLink(String text) {
		return browser.findElement(By.cssSelector("nav.topnav")).findElement(By.linkText(text));
	}

	private static void type(String name, String text) {
		BrowserSupport.type(browser, name, text);
	}

	private static void waitForPreview(String text) {
		waitFor(browser, (driver) -> BrowserSupport.previewYaml(driver).contains(text));
	}

}
