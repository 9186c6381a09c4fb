package io.podcomposer.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused page says which role it needs and which the caller has, highlights where the
 * request went (never the composer), and a form without its CSRF token says it expired.
 * The API's 403 names the role too. {@code /admin} is the admin pages' home.
 */
@SecurityTest
class RefusalPagesTest {

	private static final String PASSWORD = TestAccounts.PASSWORD;

	private static final String NO_TEMPLATE = "9223372036854775807";

	@LocalServerPort
	private int port;

	@Autowired
	private AccountService accounts;

	@Test
	void anEditorIsToldThatDeployingNeedsTheDeployerRole() {
		String name = someone(Role.EDITOR);
		HttpResponse<String> refused = PortalClient.signedIn(this.port, name, PASSWORD)
			.get("/templates/" + NO_TEMPLATE + "/deploy", "Accept", "text/html");

		assertThat(refused.statusCode()).isEqualTo(403);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select(".error-page h2").text()).isEqualTo("This needs the DEPLOYER role");
		assertThat(page.select(".refusal").text()).isEqualTo("You are signed in as " + name + ", an EDITOR. A DEPLOYER"
				+ " also deploys to clusters, reads pod logs and deletes deployments. Ask an admin for the role.");
		assertThat(page.select(".topnav a.active").eachText()).containsExactly("Templates");
	}

	@Test
	void aDeployerIsToldTheAdminPagesNeedTheAdminRoleWithNothingHighlighted() {
		PortalClient deployer = PortalClient.signedIn(this.port, someone(Role.DEPLOYER), PASSWORD);

		for (String path : new String[] { "/admin", "/admin/users", "/clusters" }) {
			HttpResponse<String> refused = deployer.get(path, "Accept", "text/html");
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			Document page = Jsoup.parse(refused.body());
			assertThat(page.select(".error-page h2").text()).as(path).isEqualTo("This needs the ADMIN role");
			assertThat(page.select(".refusal").text()).as(path)
				.contains(", a DEPLOYER. An ADMIN also manages clusters");
			// the Admin and Clusters links are not shown to a DEPLOYER: nothing else may
			// stand in for them
			assertThat(page.select(".topnav a.active")).as(path).isEmpty();
		}
	}

	@Test
	void anAddressNoRoleOpensIsNothingHere() {
		HttpResponse<String> refused = PortalClient.admin(this.port).get("/nothing-here", "Accept", "text/html");

		assertThat(refused.statusCode()).isEqualTo(403);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select(".error-page h2").text()).isEqualTo("Nothing here");
		assertThat(page.select(".topnav a.active")).isEmpty();
	}

	@Test
	void aFormWithoutItsCsrfTokenHasExpired() {
		HttpResponse<String> refused = PortalClient.signedIn(this.port, someone(Role.VIEWER), PASSWORD)
			.post("/profile/tokens", Map.of("tokenName", "laptop"), "Accept", "text/html");

		assertThat(refused.statusCode()).isEqualTo(403);
		Document page = Jsoup.parse(refused.body());
		assertThat(page.select(".error-page h2").text()).isEqualTo("This form has expired");
		assertThat(page.select(".refusal").text()).contains("Reload the page");
		assertThat(page.select(".topnav a.active")).isEmpty();
	}

	@Test
	void theApiNamesTheRoleItNeeds() {
		String name = someone(Role.EDITOR);
		String token = this.accounts.createToken(name, "ci").token();

		HttpResponse<String> refused = new PortalClient(this.port).post("/api/v1/deployments", "application/json", "{}",
				"Authorization", AccountTests.bearer(token));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("\"detail\":\"This needs the DEPLOYER role; " + name + " is an EDITOR.\"");
	}

	@Test
	void slashAdminIsTheUsersPage() {
		HttpResponse<String> home = PortalClient.admin(this.port).get("/admin");

		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/admin/users"));
	}

	private String someone(Role role) {
		return TestAccounts.create(this.accounts, role.name().toLowerCase(), role);
	}

}
