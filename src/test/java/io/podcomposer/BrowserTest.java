package io.podcomposer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test class that drives one browser through the running portal, signed in as the test
 * admin the first time it opens a page.
 */
public abstract class BrowserTest {

	protected static WebDriver browser;

	private static boolean signedIn;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		browser = BrowserSupport.startBrowser();
		signedIn = false;
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	protected void openSignedIn(String path) {
		String base = "http://localhost:" + this.port;
		if (!signedIn) {
			BrowserSupport.signIn(browser, base, TestAdmin.NAME, TestAdmin.PASSWORD);
			signedIn = true;
		}
		browser.get(base + path);
	}

}
