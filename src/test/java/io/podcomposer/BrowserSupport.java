package io.podcomposer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, one browser per test class. Where the
 * browser is not installed the tests are skipped, except in CI, where that is a failure:
 * `.ci/run` installs it.
 */
public final class BrowserSupport {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private BrowserSupport() {
	}

	public static WebDriver startBrowser() {
		return startBrowser((options) -> {
		});
	}

	/**
	 * A browser with options of the test's own added, such as {@link NetworkLog#record}.
	 */
	public static WebDriver startBrowser(Consumer<ChromeOptions> more) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI needs chromium and chromium-driver; .ci/run installs them");
		}
		Assumptions.assumeTrue(installed,
				"chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000");
		more.accept(options);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		return new ChromeDriver(service, options);
	}

	public static <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/** Signs in through the login page. */
	public static void signIn(WebDriver driver, String baseUrl, String name, String password) {
		driver.get(baseUrl + "/login");
		driver.findElement(By.name("username")).sendKeys(name);
		driver.findElement(By.name("password")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(driver, (ready) -> !ready.getCurrentUrl().contains("/login"));
	}

	/** Sets a field's value as a paste would, and lets the page's listeners hear it. */
	public static void paste(WebDriver driver, WebElement field, String text) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
	}

	/**
	 * Clicks an element scrolled to the middle of the window, clear of the sticky top
	 * bar.
	 */
	public static void click(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	/** Clicks what leads to another page, and waits until the page it was on is gone. */
	public static void clickToNextPage(WebDriver driver, WebElement element) {
		WebElement body = driver.findElement(By.tagName("body"));
		click(driver, element);
		waitForPageGone(driver, body);
	}

	/**
	 * Waits until an element of the page shown before is gone. While the next page loads,
	 * Chromium may answer a question about the old node with an inspector error ("Node
	 * with given id does not belong to the document") instead of a stale reference: that
	 * also means it is gone.
	 */
	public static void waitForPageGone(WebDriver driver, WebElement oldElement) {
		waitFor(driver, (ready) -> {
			try {
				oldElement.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException gone) {
				return true;
			}
			catch (WebDriverException inspector) {
				if (String.valueOf(inspector.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw inspector;
			}
		});
	}

	public static WebElement field(WebDriver driver, String name) {
		return driver.findElement(By.name(name));
	}

	/** Replaces a field's text by typing, key by key. */
	public static void type(WebDriver driver, String name, String text) {
		WebElement input = field(driver, name);
		input.clear();
		input.sendKeys(text);
	}

	/** The composer's YAML preview as it stands. */
	public static String previewYaml(WebDriver driver) {
		return driver.findElement(By.cssSelector("#preview-yaml code")).getDomProperty("textContent");
	}

}
