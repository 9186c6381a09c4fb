package io.podcomposer.security;

import io.podcomposer.BrowserSupport;
import io.podcomposer.BrowserTest;
import io.podcomposer.TestAdmin;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed in to the portal, a person uses Swagger UI's "Try it out" without pasting a
 * token: the session signs the calls in, and Swagger UI sends the session's CSRF token
 * with a change. The Authorize button still sends an API token where there is no session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SwaggerUiBrowserTest extends BrowserTest {

	@LocalServerPort
	private int port;

	@Test
	void tryItOutUsesTheBrowsersSignIn() {
		openSignedIn("/swagger-ui.html");

		assertThat(tryItOut(browser, "get", "/api/v1/templates")).isEqualTo("200");
		assertThat(tryItOut(browser, "post", "/api/v1/validate")).as("a change, with the CSRF token").isEqualTo("200");
		assertThat(operation(browser, "post", "/api/v1/validate")
			.findElement(By.cssSelector(".live-responses-table tbody .response-col_description"))
			.getText()).contains("\"valid\"");
	}

	@Test
	void tryItOutSendsTheTokenGivenToAuthorize() {
		WebDriver signedOut = BrowserSupport.startBrowser();
		try {
			signedOut.get("http://localhost:" + this.port + "/swagger-ui.html");
			assertThat(tryItOut(signedOut, "get", "/api/v1/me")).as("no session, no token").isEqualTo("401");

			BrowserSupport.click(signedOut, BrowserSupport.waitFor(signedOut,
					(ready) -> ready.findElement(By.cssSelector(".auth-wrapper button.authorize"))));
			WebElement dialog = BrowserSupport.waitFor(signedOut,
					(ready) -> ready.findElement(By.cssSelector(".auth-container")));
			dialog.findElement(By.cssSelector("input")).sendKeys(TestAdmin.TOKEN);
			dialog.findElement(By.cssSelector("button.authorize")).click();
			BrowserSupport
				.waitFor(signedOut, (ready) -> ready.findElement(By.cssSelector(".auth-container button.btn-done")))
				.click();

			assertThat(tryItOut(signedOut, "post", "/api/v1/validate")).isEqualTo("200");
		}
		finally {
			signedOut.quit();
		}
	}

	/**
	 * Opens an operation, clicks Try it out and Execute with what it shows, and reads the
	 * status.
	 */
	static String tryItOut(WebDriver driver, String method, String path) {
		WebElement operation = operation(driver, method, path);
		BrowserSupport.click(driver, operation.findElement(By.cssSelector(".opblock-summary-control")));
		BrowserSupport.click(driver, BrowserSupport.waitFor(driver,
				(ready) -> operation.findElement(By.cssSelector("button.try-out__btn"))));
		BrowserSupport.click(driver,
				BrowserSupport.waitFor(driver, (ready) -> operation.findElement(By.cssSelector("button.execute"))));
		return BrowserSupport.waitFor(driver,
				(ready) -> operation.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"))
					.stream()
					.map(WebElement::getText)
					.filter((status) -> !status.isBlank())
					.findFirst()
					.orElse(null));
	}

	static WebElement operation(WebDriver driver, String method, String path) {
		return BrowserSupport.waitFor(driver, (ready) -> ready.findElement(By.xpath("//div[contains(@class, 'opblock-"
				+ method + "')][.//*[contains(@class, 'opblock-summary-path')][@data-path='" + path + "']]")));
	}

}
