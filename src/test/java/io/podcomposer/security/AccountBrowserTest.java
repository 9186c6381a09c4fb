package io.podcomposer.security;

import java.util.Set;

import io.podcomposer.BrowserSupport;
import io.podcomposer.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.podcomposer.BrowserSupport.clickToNextPage;
import static io.podcomposer.security.AccountTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin gives a user one role, the highest, by a radio button; a user changes their
 * own password on the profile page and signs in with the new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountBrowserTest extends BrowserTest {

	private static final String PASSWORD = "a-long-password";

	@LocalServerPort
	private int port;

	@Autowired
	private AccountService accounts;

	@Test
	void anAdminChoosesOneRoleForAUser() {
		String name = unique("rae");
		this.accounts.create(name, PASSWORD, Set.of(Role.DEPLOYER));
		openSignedIn("/admin/users/" + name);

		assertThat(checkedRole()).isEqualTo("DEPLOYER");
		assertThat(browser.findElements(By.cssSelector("input[name=role]"))).hasSize(4)
			.allMatch((radio) -> "radio".equals(radio.getDomAttribute("type")));
		browser.findElement(By.cssSelector("input[name=role][value=EDITOR]")).click();
		assertThat(checkedRole()).as("one choice").isEqualTo("EDITOR");
		clickToNextPage(browser, browser.findElement(By.xpath("//button[normalize-space()='Save role']")));

		assertThat(browser.findElement(By.cssSelector(".notice")).getText())
			.isEqualTo("Role saved: " + name + " is now an EDITOR.");
		assertThat(checkedRole()).isEqualTo("EDITOR");
		assertThat(browser.findElement(By.cssSelector(".page-head .badge.role")).getText()).isEqualTo("EDITOR");
		assertThat(this.accounts.user(name).roles()).containsExactly(Role.EDITOR);
	}

	@Test
	void aUserChangesTheirOwnPassword() {
		String name = unique("pia");
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER));
		String base = "http://localhost:" + this.port;
		WebDriver own = BrowserSupport.startBrowser();
		try {
			BrowserSupport.signIn(own, base, name, PASSWORD);
			own.get(base + "/profile");
			own.findElement(By.name("currentPassword")).sendKeys(PASSWORD);
			own.findElement(By.name("newPassword")).sendKeys("my-own-new-password");
			own.findElement(By.name("repeatedPassword")).sendKeys("my-own-new-password");
			clickToNextPage(own, own.findElement(By.xpath("//button[normalize-space()='Change password']")));

			assertThat(own.findElement(By.cssSelector(".notice")).getText()).startsWith("Password changed.");
			clickToNextPage(own, own.findElement(By.xpath("//button[normalize-space()='Sign out']")));
			BrowserSupport.signIn(own, base, name, "my-own-new-password");
			own.get(base + "/profile");
			assertThat(own.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		}
		finally {
			own.quit();
		}
	}

	/**
	 * composer.js, which every page loads, answers the copy button of a token shown once.
	 */
	@Test
	void aNewTokenIsSelectedAndCopiedByItsButton() {
		openSignedIn("/profile");
		browser.findElement(By.name("tokenName")).sendKeys(unique("copied"));
		clickToNextPage(browser, browser.findElement(By.xpath("//button[normalize-space()='Create token']")));
		WebElement token = browser.findElement(By.id("issued-token"));
		WebElement copy = browser.findElement(By.cssSelector("button[data-copy-from='issued-token']"));

		copy.click();

		BrowserSupport.waitFor(browser, (driver) -> copy.getText().equals("Copied"));
		assertThat(token.getDomProperty("selectionEnd"))
			.isEqualTo(String.valueOf(token.getDomProperty("value").length()));
		assertThat(token.getDomProperty("selectionStart")).isEqualTo("0");
	}

	private static String checkedRole() {
		return browser.findElements(By.cssSelector("input[name=role]"))
			.stream()
			.filter(WebElement::isSelected)
			.map((radio) -> radio.getDomAttribute("value"))
			.reduce((one, two) -> one + "," + two)
			.orElse("");
	}

}
