package io.podcomposer.security;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.MockSessionIds;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Set;

import io.podcomposer.TestAdmin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.podcomposer.security.AccountTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The profile and admin pages with the real security: forms with CSRF,
 * redirect-after-post with flash messages kept in the session, refusals shown on the
 * page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MockSessionIds.class)
@AlsoOnPostgres
class AccountPagesTest {

	private static final String PASSWORD = "a-long-password";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private AccountService accounts;

	@Autowired
	private JdbcTemplate jdbc;

	private final MockHttpSession session = new MockHttpSession();

	/**
	 * Whether the session carries a user signed in with the form, or requests are the
	 * admin's.
	 */
	private boolean signedIn;

	@Test
	void theProfileShowsANewTokenOnceAndRevokesIt() throws Exception {
		String name = unique("pat");
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER, Role.EDITOR));
		signIn(name);

		Document before = page("/profile");
		assertThat(before.select("h1").text()).isEqualTo(name);
		assertThat(before.select(".page-head .badge").eachText()).as("the highest role, which includes VIEWER")
			.containsExactly("EDITOR");
		assertThat(before.select(".empty").text()).isEqualTo("No tokens yet.");

		MvcTestResult issued = this.mvc.post()
			.uri("/profile/tokens")
			.param("tokenName", "laptop")
			.with(csrf())
			.session(this.session)
			.exchange();
		assertThat(issued).hasStatusOk().hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");

		Document shown = Jsoup.parse(issued.getResponse().getContentAsString());
		String value = shown.select("#issued-token").val();
		assertThat(value).startsWith("pct_");
		assertThat(shown.select(".secret-box").text()).contains("laptop", "will not be shown again");
		assertThat(this.jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Integer.class,
				TokenValues.hash(value)))
			.isOne();
		assertThat(shown.select("table td:first-child").eachText()).containsExactly("laptop");

		Document reloaded = page("/profile");
		assertThat(reloaded.select("#issued-token")).isEmpty();
		assertThat(reloaded.html()).doesNotContain(value);

		String revoke = reloaded.select("form[data-confirm]").attr("action");
		assertThat(this.mvc.post().uri(revoke).with(csrf()).session(this.session)).hasStatus(HttpStatus.FOUND);
		Document revoked = page("/profile");
		assertThat(revoked.select(".notice").text()).contains("revoked");
		assertThat(revoked.select("table")).isEmpty();
	}

	@Test
	void aTokenNameIsShownAsTextNeverAsMarkup() throws Exception {
		String name = unique("mallory");
		String markup = "<img src=x onerror=alert(1)>";
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER));
		signIn(name);

		this.mvc.post().uri("/profile/tokens").param("tokenName", markup).with(csrf()).session(this.session).exchange();
		String html = this.mvc.get()
			.uri("/profile")
			.session(this.session)
			.exchange()
			.getResponse()
			.getContentAsString();

		assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
		Document page = Jsoup.parse(html);
		assertThat(page.select("img[src=x]")).isEmpty();
		assertThat(page.select("table td:first-child").eachText()).containsExactly(markup);
	}

	@Test
	void signedOutTheProfileAsksForALogin() {
		assertThat(this.mvc.get().uri("/profile")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
	}

	@Test
	void anAdminCreatesChangesDisablesAndDeletesAUser() throws UnsupportedEncodingException {
		String name = unique("quinn");

		assertThat(admin(this.mvc.post()
			.uri("/admin/users")
			.param("name", name)
			.param("password", PASSWORD)
			.param("role", "DEPLOYER"))).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users");
		Document list = page("/admin/users");
		assertThat(list.select(".notice").text()).isEqualTo("User " + name + " created.");
		Element row = list.select("tbody tr:has(a:containsOwn(" + name + "))").first();
		assertThat(row).isNotNull();
		assertThat(row.select(".badge.role").eachText()).containsExactly("DEPLOYER");
		assertThat(this.accounts.user(name).roles()).containsExactly(Role.DEPLOYER);

		String userPage = "/admin/users/" + name;
		Document shown = page(userPage);
		assertThat(shown.select("h1").text()).isEqualTo(name);
		assertThat(shown.select("input[name=role][type=radio]").eachAttr("value")).containsExactly("VIEWER", "EDITOR",
				"DEPLOYER", "ADMIN");
		assertThat(shown.select("input[name=role][checked]").eachAttr("value")).containsExactly("DEPLOYER");
		assertThat(shown.select(".role-option:has(input[value=DEPLOYER]) .role-description").text())
			.isEqualTo("Also deploys to clusters, reads pod logs and deletes deployments.");
		assertThat(admin(this.mvc.post().uri(userPage + "/roles").param("role", "VIEWER"))).hasRedirectedUrl(userPage);
		assertThat(this.accounts.user(name).roles()).containsExactly(Role.VIEWER);
		assertThat(page(userPage).select(".notice").text()).isEqualTo("Role saved: " + name + " is now a VIEWER.");

		assertThat(admin(this.mvc.post().uri(userPage + "/enabled").param("enabled", "false")))
			.hasRedirectedUrl(userPage);
		assertThat(this.accounts.user(name).enabled()).isFalse();
		assertThat(page(userPage).select(".page-head .badge.danger").text()).isEqualTo("disabled");

		assertThat(admin(this.mvc.post().uri(userPage + "/password").param("password", "yet-another-password")))
			.hasRedirectedUrl(userPage);
		assertThat(page(userPage).select(".notice").text()).startsWith("Password reset");

		MvcTestResult robot = admin(this.mvc.post().uri(userPage + "/tokens").param("tokenName", "robot")).exchange();
		assertThat(robot).hasStatusOk();
		assertThat(Jsoup.parse(robot.getResponse().getContentAsString()).select("#issued-token").val())
			.startsWith("pct_");
		assertThat(page(userPage).select("#issued-token")).as("shown once").isEmpty();
		assertThat(this.accounts.tokens(name)).extracting(AccountService.TokenView::name).containsExactly("robot");

		assertThat(admin(this.mvc.post().uri(userPage + "/delete"))).hasRedirectedUrl("/admin/users");
		assertThat(this.accounts.users()).noneMatch((user) -> user.name().equals(name));
		assertThat(page("/admin/users").select(".notice").text()).contains(name, "deleted");
	}

	@Test
	void refusedChangesAreShownNextToTheirForms() throws Exception {
		String markup = "<script>alert(1)</script>";
		admin(this.mvc.post()
			.uri("/admin/users")
			.param("name", markup)
			.param("password", PASSWORD)
			.param("role", "EDITOR")).exchange();
		String html = admin(this.mvc.get().uri("/admin/users")).exchange().getResponse().getContentAsString();
		Document list = Jsoup.parse(html);
		assertThat(list.select("form .form-problem").text()).startsWith("a user name is");
		assertThat(list.select("input[name=name]").val()).isEqualTo(markup);
		assertThat(list.select("input[name=role][checked]").eachAttr("value")).containsExactly("EDITOR");
		assertThat(html).doesNotContain(markup);
		assertThat(this.accounts.users()).noneMatch((user) -> user.name().contains("script"));

		String name = unique("rita");
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER));
		admin(this.mvc.post().uri("/admin/users/" + name + "/roles")).exchange();
		assertThat(page("/admin/users/" + name).select("section:has(#roles-title) .form-problem").text())
			.isEqualTo("choose a role: VIEWER, EDITOR, DEPLOYER or ADMIN");
		admin(this.mvc.post().uri("/admin/users/" + name + "/roles").param("role", "OWNER")).exchange();
		assertThat(page("/admin/users/" + name).select("section:has(#roles-title) .form-problem").text())
			.startsWith("unknown role \"OWNER\"");

		admin(this.mvc.post().uri("/admin/users/" + name + "/password").param("password", "short")).exchange();
		assertThat(page("/admin/users/" + name).select("section:has(#password-title) .form-problem").text())
			.contains("at least 10 characters");

		admin(this.mvc.post().uri("/admin/users/" + TestAdmin.NAME + "/delete")).exchange();
		assertThat(page("/admin/users/" + TestAdmin.NAME).select("section:has(#delete-title) .form-problem").text())
			.isEqualTo("you cannot delete yourself");

		assertThat(admin(this.mvc.get().uri("/admin/users/nobody-" + name))).hasRedirectedUrl("/admin/users");
		assertThat(page("/admin/users").select(".form-problem").text()).startsWith("no user named");
	}

	@Test
	void aUserGivenSeveralRolesThroughTheApiHasTheHighestChosen() {
		String name = unique("una");
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER, Role.EDITOR));

		Document shown = page("/admin/users/" + name);
		assertThat(shown.select("input[name=role][checked]").eachAttr("value")).containsExactly("EDITOR");
		assertThat(shown.select(".page-head .badge.role").eachText()).containsExactly("EDITOR");

		admin(this.mvc.post().uri("/admin/users/" + name + "/roles").param("role", "EDITOR")).exchange();
		assertThat(this.accounts.user(name).roles()).as("unchanged").containsExactly(Role.VIEWER, Role.EDITOR);
		assertThat(page("/admin/users/" + name).select(".notice").text())
			.isEqualTo("No change: " + name + " is an EDITOR already.");
	}

	@Test
	void aUserWithAnAtSignGetsAWorkingPage() {
		String name = unique("ops") + "@example.com";
		this.accounts.create(name, PASSWORD, Set.of(Role.VIEWER));

		assertThat(admin(this.mvc.post().uri("/admin/users/{name}/roles", name).param("role", "EDITOR")))
			.hasRedirectedUrl("/admin/users/" + name);
		assertThat(page("/admin/users/" + name).select("h1").text()).isEqualTo(name);
	}

	@Test
	void theAuditPageFiltersByActorAndAction() {
		String name = unique("sam");
		admin(this.mvc.post()
			.uri("/admin/users")
			.param("name", name)
			.param("password", PASSWORD)
			.param("role", "VIEWER")).exchange();

		Document created = page("/admin/audit?actor=admin&action=USER_CREATED");
		List<Element> rows = created.select("#audit-results tbody tr");
		assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(AdminAuditController.PAGE_SIZE);
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.child(1).text()).isEqualTo("admin");
			assertThat(row.child(2).text()).isEqualTo("USER_CREATED");
		});
		assertThat(rows.get(0).child(3).text()).isEqualTo(name);
		assertThat(rows.get(0).select(".badge.ok").text()).isEqualTo("success");
		assertThat(created.select("select[name=action] option[selected]").val()).isEqualTo("USER_CREATED");

		assertThat(page("/admin/audit?actor=nobody-at-all").select("#audit-results").text())
			.contains("No entries match.");
	}

	@Test
	void onlyAdminsSeeTheAdminPages() {
		for (String path : List.of("/admin/users", "/admin/audit", "/admin/users/admin")) {
			assertThat(this.mvc.get().uri(path).with(user("vic").roles("DEPLOYER"))).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(this.mvc.post()
			.uri("/admin/users")
			.param("name", unique("x"))
			.param("password", PASSWORD)
			.param("role", "ADMIN")
			.with(user("vic").roles("DEPLOYER"))
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		assertThat(this.mvc.post()
			.uri("/admin/users")
			.param("name", unique("y"))
			.param("password", PASSWORD)
			.param("role", "ADMIN")
			.with(user(TestAdmin.NAME).roles("ADMIN"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	/** Signs in through the login form; the session then carries the user. */
	private void signIn(String name) {
		assertThat(this.mvc.post()
			.uri("/login")
			.param("username", name)
			.param("password", PASSWORD)
			.with(csrf())
			.session(this.session)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/compose");
		this.signedIn = true;
	}

	/**
	 * A request by the bootstrap admin, in this test's session (which keeps flash
	 * messages), with CSRF.
	 */
	private MockMvcRequestBuilder admin(MockMvcRequestBuilder request) {
		return request.with(user(TestAdmin.NAME).roles("ADMIN")).with(csrf()).session(this.session);
	}

	/** A page in this test's session: as the signed-in user, else as the admin. */
	private Document page(String path) {
		MockMvcRequestBuilder request = this.mvc.get().uri(path).session(this.session);
		MvcTestResult result = this.signedIn ? request.exchange() : admin(request).exchange();
		assertThat(result).hasStatusOk();
		try {
			return Jsoup.parse(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
