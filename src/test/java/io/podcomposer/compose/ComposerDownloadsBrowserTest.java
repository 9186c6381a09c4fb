package io.podcomposer.compose;

import java.util.List;
import java.util.Map;

import io.podcomposer.BrowserSupport;
import io.podcomposer.NetworkLog;
import io.podcomposer.NetworkLog.Request;
import io.podcomposer.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.podcomposer.BrowserSupport.waitFor;
import static io.podcomposer.BrowserSupport.waitForPageGone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a browser downloads for the composer (issue 17): the first load with an empty
 * cache, a repeat load by the top bar's link, and one keystroke in the live preview, read
 * from Chromium's own network log. It prints the figures of docs/PERFORMANCE.md, "What a
 * browser downloads", and holds the two goals: a repeat load asks for no asset, and a
 * first load is under 100 KB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComposerDownloadsBrowserTest {

	private static final long FIRST_LOAD_LIMIT = 100_000;

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		browser = BrowserSupport.startBrowser(NetworkLog::record);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aRepeatLoadAsksForNoAssetAndAFirstLoadIsUnder100Kilobytes() {
		String base = "http://localhost:" + this.port;
		BrowserSupport.signIn(browser, base, TestAdmin.NAME, TestAdmin.PASSWORD);
		((HasCdp) browser).executeCdpCommand("Network.clearBrowserCache", Map.of());
		NetworkLog.settle(browser);

		browser.get(base + "/compose");
		List<Request> first = NetworkLog.settle(browser);

		WebElement composerLink = browser.findElement(By.cssSelector("nav.topnav a[href='/compose']"));
		composerLink.click();
		waitForPageGone(browser, composerLink);
		List<Request> repeat = NetworkLog.settle(browser);

		WebElement name = browser.findElement(By.name("name"));
		String typed = name.getDomProperty("value") + "x";
		name.sendKeys("x");
		waitFor(browser, (driver) -> BrowserSupport.previewYaml(driver).contains("name: " + typed));
		List<Request> keystroke = NetworkLog.settle(browser);

		System.out.println("What a browser downloads: the composer, signed in as admin");
		print("first load, empty cache", first);
		print("repeat load, by the Composer link", repeat);
		print("one keystroke in the form", keystroke);

		assertThat(first).as("the first load's requests").anyMatch((request) -> request.url().endsWith(".css"));
		assertThat(overNetwork(first).stream().mapToLong(Request::bytes).sum()).as("bytes of the first load")
			.isLessThan(FIRST_LOAD_LIMIT);
		assertThat(overNetwork(repeat)).as("requests of the repeat load that reached the server")
			.extracting(Request::type)
			.containsExactly("Document");
		assertThat(overNetwork(keystroke)).as("requests of one keystroke")
			.extracting(Request::method, Request::url)
			.containsExactly(tuple("POST", base + "/compose/preview"));
	}

	private static List<Request> overNetwork(List<Request> requests) {
		return requests.stream().filter(Request::overNetwork).toList();
	}

	private static void print(String what, List<Request> requests) {
		List<Request> network = overNetwork(requests);
		System.out.printf(
				"%s: %d requests over the network, %,d bytes received, %,d bytes of request bodies sent;"
						+ " %d from the browser's cache%n",
				what, network.size(), network.stream().mapToLong(Request::bytes).sum(),
				network.stream().mapToLong(Request::sentBodyBytes).sum(), requests.size() - network.size());
		for (Request request : requests) {
			System.out.printf("  %-4s %3d %9s %-10s %s%n", request.method(), request.status(),
					request.overNetwork() ? String.format("%,d", request.bytes()) : "cache", request.type(),
					request.url().replaceFirst("^https?://[^/]+", ""));
		}
	}

}
