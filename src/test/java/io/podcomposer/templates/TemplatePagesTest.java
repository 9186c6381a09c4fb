package io.podcomposer.templates;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.MockSessionIds;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.podcomposer.security.AccountService;
import io.podcomposer.security.Role;
import io.podcomposer.security.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The library pages through the whole application: its security, its database and the
 * real templates, read back with jsoup.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MockSessionIds.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AlsoOnPostgres
class TemplatePagesTest {

	private static final String UNKNOWN = "/templates/9223372036854775806";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private TemplateService templates;

	@Autowired
	private TemplateRevisionRepository revisions;

	@Autowired
	private AccountService accounts;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private JdbcTemplate jdbc;

	private String viewer;

	private String editor;

	private String admin;

	@BeforeAll
	void createUsers() {
		this.viewer = TestAccounts.create(this.accounts, "pages-viewer", Role.VIEWER);
		this.editor = TestAccounts.create(this.accounts, "pages-editor", Role.EDITOR);
		this.admin = TestAccounts.create(this.accounts, "pages-admin", Role.ADMIN);
	}

	// ---- the library

	@Test
	void theLibraryListsEachTemplateWithKindLevelTagsAndLastChange() {
		String tag = unique("lib");
		long pod = create(unique("restricted-web"), "A web pod, locked down", tag, restrictedPod("nginx:1.27"));
		long deployment = create(unique("deploy"), null, tag, deployment("nginx:1.27"));

		Document page = page(this.mvc.get().uri("/templates").param("tag", tag), this.viewer);

		assertThat(page.select(".topnav a.active").text()).isEqualTo("Templates");
		assertThat(page.select(".results-count").text()).isEqualTo("2 templates");
		Element podRow = row(page, pod);
		assertThat(podRow.select(".description").text()).isEqualTo("A web pod, locked down");
		assertThat(podRow.select(".kind-badge").text()).isEqualTo("Pod");
		assertThat(podRow.select(".pss-level").text()).isEqualTo("restricted");
		assertThat(podRow.select(".pss-level").hasClass("ok")).isTrue();
		assertThat(podRow.select("a.tag").attr("href")).isEqualTo("/templates?tag=" + tag);
		assertThat(podRow.select(".who").text()).isEqualTo("system");
		assertThat(podRow.select("time")).hasSize(1);
		assertThat(podRow.select(".revision").text()).isEqualTo("1");
		Element deploymentRow = row(page, deployment);
		assertThat(deploymentRow.select(".kind-badge").text()).isEqualTo("Deployment");
		assertThat(deploymentRow.select(".pss-level").text()).isEqualTo("baseline");
		assertThat(deploymentRow.select(".description")).isEmpty();
		assertThat(page.select("select[name=tag] option[selected]").val()).isEqualTo(tag);
		assertThat(page.select("select[name=tag] option").eachAttr("value")).contains("", tag);
		assertThat(page.select("#export-link").attr("href")).isEqualTo("/templates/export?tag=" + tag);
	}

	@Test
	void aTemplateWhoseLevelIsNotKnownYetShowsAsUnknown() {
		String tag = unique("old");
		long id = create(unique("before-v4"), null, tag, pod("nginx"));
		// as a row saved before the library kept kind and level
		this.jdbc.update("update template set kind = null, pod_security_level = null where id = ?", id);

		Element row = row(page(this.mvc.get().uri("/templates").param("tag", tag), this.viewer), id);

		assertThat(row.select(".kind-badge").text()).isEqualTo("unknown");
		assertThat(row.select(".pss-level").text()).isEqualTo("unknown");
		assertThat(row.select(".pss-level").attr("class")).isEqualTo("badge pss-level");
	}

	@Test
	void whatUsersTypedIsShownAsTextNeverAsMarkup() throws Exception {
		String markup = "<img src=x onerror=alert(1)>";
		String tag = unique("xss");
		long id = create(unique("xss"), markup, tag, pod("nginx"));

		for (String path : List.of("/templates?tag=" + tag, "/templates/" + id, "/templates/" + id + "/delete")) {
			String html = this.mvc.get().uri(path).with(as(this.editor)).exchange().getResponse().getContentAsString();
			assertThat(html).as(path).doesNotContain("<img src=x");
			assertThat(Jsoup.parse(html).select("img[src=x]")).as(path).isEmpty();
		}
		assertThat(page(this.mvc.get().uri("/templates/" + id), this.viewer).select(".template-description").text())
			.isEqualTo(markup);
	}

	@Test
	void aSearchFindsNameDescriptionAndTagsAndAnswersHtmxWithTheResultsOnly() throws Exception {
		String marker = unique("needle");
		long byName = create(marker + "-by-name", "plain", unique("t"), pod("nginx"));
		long byDescription = create(unique("other"), "mentions " + marker.toUpperCase(), unique("t"), pod("nginx"));
		long byTag = create(unique("third"), "plain", marker, pod("nginx"));

		Document full = page(this.mvc.get().uri("/templates").param("q", marker), this.viewer);
		assertThat(ids(full)).containsExactly(byTag, byDescription, byName);
		assertThat(full.select("form[role=search]").attr("hx-push-url")).isEqualTo("true");
		assertThat(full.select("input[name=q]").val()).isEqualTo(marker);

		MvcTestResult fragment = this.mvc.get()
			.uri("/templates")
			.param("q", marker)
			.param("tag", marker)
			.header("HX-Request", "true")
			.with(as(this.viewer))
			.exchange();
		assertThat(fragment).hasStatusOk();
		String html = fragment.getResponse().getContentAsString();
		assertThat(html).doesNotContain("<html", "topbar", "role=\"search\"").startsWith("<section id=\"results\"");
		Document results = Jsoup.parseBodyFragment(html);
		assertThat(ids(results)).containsExactly(byTag);
		assertThat(results.select("#export-link").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(results.select("#export-link").attr("href")).isEqualTo("/templates/export?tag=" + marker);

		// going back to a page htmx no longer holds asks for all of it
		MvcTestResult restored = this.mvc.get()
			.uri("/templates")
			.param("q", marker)
			.header("HX-Request", "true")
			.header("HX-History-Restore-Request", "true")
			.with(as(this.viewer))
			.exchange();
		assertThat(restored.getResponse().getContentAsString()).contains("<html", "role=\"search\"");
	}

	@Test
	void aSearchOfSeveralWordsFindsTheTemplatesWithEachOfThem() {
		String marker = unique("pair");
		long volume = create(marker + "-shared-volume", "plain", unique("t"), pod("nginx"));
		create(marker + "-shared-memory", "plain", unique("t"), pod("nginx"));

		Document page = page(this.mvc.get().uri("/templates").param("q", "shared vol " + marker), this.viewer);

		assertThat(ids(page)).containsExactly(volume);
		assertThat(page.select("input[name=q]").val()).isEqualTo("shared vol " + marker);
	}

	@Test
	void theLibraryPagesSortsAndCounts() {
		String tag = unique("many");
		for (int i = 0; i < 23; i++) {
			create(String.format("%s-%02d", tag, i), null, tag, pod("nginx"));
		}

		Document first = page(this.mvc.get().uri("/templates").param("tag", tag).param("sort", "name"), this.viewer);
		assertThat(first.select(".results-count").text()).isEqualTo("23 templates");
		assertThat(first.select(".template-link").eachText()).hasSize(20).startsWith(tag + "-00", tag + "-01");
		assertThat(first.select(".pager .page-link.current").text()).isEqualTo("1");
		assertThat(first.select(".pager a.page-link").attr("href"))
			.isEqualTo("/templates?q=&tag=" + tag + "&sort=name&page=1");
		assertThat(first.select(".pager").text()).contains("Page 1 of 2");

		Document second = page(
				this.mvc.get().uri("/templates").param("tag", tag).param("sort", "name").param("page", "1"),
				this.viewer);
		assertThat(second.select(".template-link").eachText()).containsExactly(tag + "-20", tag + "-21", tag + "-22");

		Document newest = page(this.mvc.get().uri("/templates").param("tag", tag), this.viewer);
		assertThat(newest.select(".template-link").first().text()).isEqualTo(tag + "-22");
		assertThat(newest.select("select[name=sort] option[selected]").val()).isEqualTo("updated");

		assertThat(this.mvc.get().uri("/templates").param("sort", "size").with(as(this.viewer))).hasStatus(400);
	}

	@Test
	void anEmptyResultSaysSoAndLinksToTheComposer() {
		Document page = page(this.mvc.get().uri("/templates").param("q", unique("nothing-like-this")), this.viewer);

		assertThat(page.select(".empty-state").text()).startsWith("Nothing found.");
		assertThat(page.select(".empty-state a").eachAttr("href")).contains("/compose", "/templates");
		assertThat(page.select("table")).isEmpty();
	}

	@Test
	void aViewerSeesNoWriteActionsAndAnEditorOrAdminDoes() {
		long id = create(unique("actions"), null, unique("t"), pod("nginx"));
		update(id, pod("nginx:2"));

		Document library = page(this.mvc.get().uri("/templates"), this.viewer);
		assertThat(library.select(".page-actions a").eachText()).containsExactly("Export");
		Document asViewer = page(this.mvc.get().uri("/templates/" + id), this.viewer);
		assertThat(asViewer.select(".template-actions a, .template-actions button").eachText())
			.containsExactly("Export YAML", "Export JSON");
		assertThat(asViewer.select("form[action$=/restore]")).isEmpty();

		for (String writer : List.of(this.editor, this.admin)) {
			assertThat(page(this.mvc.get().uri("/templates"), writer).select(".page-actions a").eachAttr("href"))
				.containsExactly("/compose", "/templates/import", "/templates/export");
			Document asWriter = page(this.mvc.get().uri("/templates/" + id), writer);
			// deploying is a DEPLOYER's, which an admin is and an editor is not
			assertThat(asWriter.select(".template-actions a, .template-actions button").eachText())
				.containsExactly(Stream
					.concat(writer.equals(this.admin) ? Stream.of("Deploy…") : Stream.empty(),
							Stream.of("Edit in composer", "Clone", "Export YAML", "Export JSON", "Delete"))
					.toArray(String[]::new));
			assertThat(asWriter.select("a:contains(Edit in composer)").attr("href"))
				.isEqualTo("/templates/" + id + "/edit");
			assertThat(asWriter.select("form[action$=/restore]")).hasSize(1);
		}
	}

	// ---- a template's page

	@Test
	void theTemplatePageShowsTheTemplateItsPictureParametersChecksAndRevisions() {
		String name = unique("page");
		long id = create(name, "Web with a sidecar", "web", restrictedPod("nginx:${IMAGE_TAG}"));
		update(id, restrictedPod("nginx:${IMAGE_TAG}-alpine"));

		Document page = page(this.mvc.get().uri("/templates/" + id), this.viewer);

		assertThat(page.select("h1").text()).isEqualTo(name);
		assertThat(page.select(".page-head .kind-badge").text()).isEqualTo("Pod");
		assertThat(page.select(".page-head .pss-level").text()).isEqualTo("restricted");
		assertThat(page.select(".template-description").text()).isEqualTo("Web with a sidecar");
		assertThat(page.select(".template-meta a.tag").text()).isEqualTo("web");
		assertThat(page.select(".template-meta").text()).contains("Created by system", "Last changed by system");
		assertThat(page.select(".manifest-code").text()).contains("image: nginx:${IMAGE_TAG}-alpine");
		assertThat(page.select("svg.pod-picture").attr("aria-label")).isNotBlank();
		assertThat(page.select(".report .pss-badge").text()).isEqualTo("Pod Security: Restricted");
		assertThat(page.select(".report .report-counts").text()).matches("\\d+ errors? · \\d+ warnings?");
		assertThat(page.select(".parameters-table tbody tr td").eachText()).containsExactly("IMAGE_TAG",
				"the nginx tag", "1.27");
		assertThat(page.select("input[name=values.IMAGE_TAG]").attr("placeholder")).isEqualTo("1.27");
		assertThat(page.select("select[name=kind] option").eachText()).containsExactly("Pod", "Deployment",
				"ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob");
		assertThat(page.select("select[name=kind] option[selected]").text()).isEqualTo("Pod");
		assertThat(page.select(".revisions-table .revision").eachText()).containsExactly("2 current", "1");
		assertThat(page.select("input[name=from][checked]").val()).isEqualTo("1");
		assertThat(page.select("input[name=to][checked]").val()).isEqualTo("2");
	}

	@Test
	void rendersWithValuesAsAFragmentAndNamesAMissingRequiredValue() {
		long id = create(unique("render"), null, "t",
				"""
						{"name": "NAME", "parameters": [{"name": "IMAGE_TAG", "default": "1.27"}, {"name": "APP", "required": true}],
						 "manifest": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "${APP}", "labels": {"app": "web"}},
						   "spec": {"containers": [{"name": "web", "image": "nginx:${IMAGE_TAG}"}]}}}""");
		String render = "/templates/" + id + "/render";

		Document missing = fragment(
				this.mvc.get().uri(render).param("values.APP", "").param("values.IMAGE_TAG", "").param("kind", "Pod"));
		assertThat(missing.select(".form-problem").text())
			.isEqualTo("Enter a value for APP: it is required and has no default.");
		assertThat(missing.select("pre")).isEmpty();

		Document rendered = fragment(this.mvc.get()
			.uri(render)
			.param("values.APP", "shop")
			.param("values.IMAGE_TAG", "")
			.param("kind", "Deployment"));
		assertThat(rendered.select(".form-problem")).isEmpty();
		assertThat(rendered.select("pre").text()).contains("kind: Deployment", "name: shop", "image: nginx:1.27");

		Document unknownKind = fragment(
				this.mvc.get().uri(render).param("values.APP", "shop").param("kind", "Service"));
		assertThat(unknownKind.select(".form-problem").text()).startsWith("Could not render: kind \"Service\"");

		// without JavaScript the form gets the whole page, with the values kept
		Document page = page(this.mvc.get().uri(render).param("values.APP", "shop").param("kind", "Job"), this.viewer);
		assertThat(page.select("#rendered pre").text()).contains("kind: Job");
		assertThat(page.select("input[name=values.APP]").val()).isEqualTo("shop");
		assertThat(page.select("select[name=kind] option[selected]").text()).isEqualTo("Job");
	}

	@Test
	void unknownTemplatesAnswer404() {
		for (String path : List.of(UNKNOWN, UNKNOWN + "/render", UNKNOWN + "/diff", UNKNOWN + "/delete",
				UNKNOWN + "/manifest.yaml", UNKNOWN + "/manifest.json")) {
			assertThat(this.mvc.get().uri(path).with(as(this.editor))).as(path).hasStatus(HttpStatus.NOT_FOUND);
		}
		for (String path : List.of(UNKNOWN + "/clone", UNKNOWN + "/delete")) {
			assertThat(this.mvc.post().uri(path).with(as(this.editor)).with(csrf())).as(path)
				.hasStatus(HttpStatus.NOT_FOUND);
		}
		assertThat(this.mvc.post()
			.uri(UNKNOWN + "/revisions/1/restore")
			.param("basedOn", "1")
			.with(as(this.editor))
			.with(csrf())).hasStatus(HttpStatus.NOT_FOUND);
	}

	// ---- revisions

	@Test
	void theDiffShowsTwoRevisionsUnifiedOrSideBySide() {
		long id = create(unique("diff"), null, "t", pod("nginx:1"));
		update(id, pod("nginx:2"));
		update(id, pod("nginx:3"));
		String diff = "/templates/" + id + "/diff";

		Document unified = page(this.mvc.get().uri(diff).param("from", "1").param("to", "3"), this.viewer);
		assertThat(unified.select("h1").text()).isEqualTo("Revision 1 → 3");
		assertThat(unified.select("table.diff.unified tr.removed .text")).extracting(Element::wholeText)
			.containsExactly("-    image: nginx:1");
		assertThat(unified.select("table.diff.unified tr.added .text")).extracting(Element::wholeText)
			.containsExactly("+    image: nginx:3");
		assertThat(unified.select("table.diff .hunk").text()).startsWith("@@ -");
		assertThat(unified.select(".diff-views a.active").text()).isEqualTo("Unified");
		assertThat(unified.select(".revision-notes li strong").eachText()).containsExactly("Revision 1", "Revision 3");

		Document split = page(this.mvc.get().uri(diff).param("from", "1").param("to", "3").param("view", "split"),
				this.viewer);
		Element changed = split.select("table.diff.split td.text.removed").first().parent();
		assertThat(changed.select("td.text")).extracting(Element::wholeText)
			.containsExactly("    image: nginx:1", "    image: nginx:3");
		assertThat(changed.select("td.text").get(1).hasClass("added")).isTrue();
		assertThat(split.select(".diff-views a.active").text()).isEqualTo("Side by side");

		// by default the current revision and the one before
		Document latest = page(this.mvc.get().uri(diff), this.viewer);
		assertThat(latest.select("h1").text()).isEqualTo("Revision 2 → 3");
		Document same = page(this.mvc.get().uri(diff).param("from", "2").param("to", "2"), this.viewer);
		assertThat(same.select(".diff-card .empty").text()).isEqualTo("Revisions 2 and 2 have the same manifest.");

		assertThat(this.mvc.get().uri(diff).param("from", "1").param("to", "9").with(as(this.viewer)))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aRevisionThatChangesOnlyTheDescriptionShowsThatChange() {
		long id = create(unique("described"), "Serves the shop", "t", pod("nginx:1"));
		TemplateViews.Full current = this.templates.get(id);
		this.templates.update(id, 1, new TemplateDocument(current.name(), "Serves the cart", Set.copyOf(current.tags()),
				TemplateDocument.parameters(current.parameters()), current.manifest(), "Says what it serves"));

		Document diff = page(this.mvc.get().uri("/templates/" + id + "/diff"), this.viewer);

		Element description = diff.select("section[aria-label=Description]").first();
		assertThat(description.select("tr.removed .text")).extracting(Element::wholeText)
			.containsExactly("-Serves the shop");
		assertThat(description.select("tr.added .text")).extracting(Element::wholeText)
			.containsExactly("+Serves the cart");
		assertThat(diff.select("section[aria-label=Changes] .empty").text())
			.isEqualTo("Revisions 1 and 2 have the same manifest.");
		assertThat(diff.select(".page-head .badge").eachText()).containsExactly("+1", "−1");
		Document split = page(this.mvc.get().uri("/templates/" + id + "/diff").param("view", "split"), this.viewer);
		assertThat(split.select("section[aria-label=Description] table.diff.split td.text.added").text())
			.isEqualTo("Serves the cart");
	}

	@Test
	void aRevisionThatChangesOnlyTheTagsShowsThatChangeAndBothRevisionsTags() {
		long id = create(unique("tagged"), "Serves the shop", "logging", pod("nginx:1"));
		TemplateViews.Full current = this.templates.get(id);
		this.templates.update(id, 1, new TemplateDocument(current.name(), current.description(),
				Set.of("sidecar", "web"), TemplateDocument.parameters(current.parameters()), current.manifest(), null));

		Document diff = page(this.mvc.get().uri("/templates/" + id + "/diff"), this.viewer);

		Element tags = diff.select("section[aria-label=Tags]").first();
		assertThat(tags.select("h2").text()).isEqualTo("Tags");
		assertThat(tags.select("tr.removed .text")).extracting(Element::wholeText).containsExactly("-logging");
		assertThat(tags.select("tr.added .text")).extracting(Element::wholeText).containsExactly("+sidecar", "+web");
		assertThat(diff.select("section[aria-label=Description]")).isEmpty();
		assertThat(diff.select("section[aria-label=Changes] .empty").text())
			.isEqualTo("Revisions 1 and 2 have the same manifest.");
		assertThat(diff.select(".page-head .badge").eachText()).containsExactly("+2", "−1");
		assertThat(diff.select("[aria-label=Tags of revision 1] .tag").eachText()).containsExactly("logging");
		assertThat(diff.select("[aria-label=Tags of revision 2] .tag").eachText()).containsExactly("sidecar", "web");
	}

	@Test
	void restoringARevisionMakesANewOneBasedOnTheRevisionSeen() {
		String tag = unique("kept");
		long id = create(unique("restore"), "kept too", tag, pod("nginx:1"));
		update(id, pod("nginx:2"));
		MockHttpSession session = new MockHttpSession();

		Document page = page(this.mvc.get().uri("/templates/" + id), this.editor);
		Element form = page.select("form[action=/templates/" + id + "/revisions/1/restore]").first();
		assertThat(form.select("input[name=basedOn]").val()).isEqualTo("2");

		assertThat(this.mvc.post()
			.uri(form.attr("action"))
			.param("basedOn", "2")
			.with(as(this.editor))
			.with(csrf())
			.session(session)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/templates/" + id);
		Document after = page(this.mvc.get().uri("/templates/" + id).session(session), this.editor);
		assertThat(after.select(".notice").text()).isEqualTo("Revision 1 restored as revision 3.");
		TemplateViews.Full restored = this.templates.get(id);
		assertThat(restored.revision()).isEqualTo(3);
		assertThat(restored.manifest().at("/spec/containers/0/image").asString()).isEqualTo("nginx:1");
		assertThat(restored.tags()).containsExactly(tag);
		assertThat(restored.description()).isEqualTo("kept too");
		assertThat(this.templates.revision(id, 3).message()).isEqualTo("Restored revision 1");
		assertThat(after.select(".revisions-table tbody tr").first().select("td").eachText())
			.contains("Restored revision 1");
	}

	@Test
	void restoringARevisionThatDiffersOnlyInItsTagsMakesNoEmptyRevisionAndSaysWhy() {
		long id = create(unique("retagged"), null, "old", pod("nginx:1"));
		TemplateViews.Full current = this.templates.get(id);
		this.templates.update(id, 1, new TemplateDocument(current.name(), null, Set.of("new"),
				TemplateDocument.parameters(current.parameters()), current.manifest(), null));
		MockHttpSession session = new MockHttpSession();

		assertThat(this.mvc.post()
			.uri("/templates/" + id + "/revisions/1/restore")
			.param("basedOn", "2")
			.with(as(this.editor))
			.with(csrf())
			.session(session)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/templates/" + id);

		Document after = page(this.mvc.get().uri("/templates/" + id).session(session), this.editor);
		assertThat(after.select(".notice").text()).isEqualTo(
				"Nothing to restore: revision 1 has the manifest and parameters of revision 2, the current one.");
		assertThat(this.revisions.summaries(id)).hasSize(2);
		assertThat(this.templates.get(id).tags()).containsExactly("new");
	}

	@Test
	void aStaleRestoreChangesNothingAndSaysWhy() {
		long id = create(unique("stale"), null, "t", pod("nginx:1"));
		update(id, pod("nginx:2"));
		update(id, pod("nginx:3"));
		MockHttpSession session = new MockHttpSession();

		// the user saw revision 2; someone saved revision 3 since
		assertThat(this.mvc.post()
			.uri("/templates/" + id + "/revisions/1/restore")
			.param("basedOn", "2")
			.with(as(this.editor))
			.with(csrf())
			.session(session)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/templates/" + id);

		Document after = page(this.mvc.get().uri("/templates/" + id).session(session), this.editor);
		assertThat(after.select(".form-problem").text()).startsWith(
				"Nothing was restored: the template was changed " + "since you opened it and is now at revision 3.");
		assertThat(this.revisions.summaries(id)).hasSize(3);
		assertThat(this.templates.get(id).manifest().at("/spec/containers/0/image").asString()).isEqualTo("nginx:3");
	}

	@Test
	void restoringNeedsAnEditorAndTheCsrfToken() {
		long id = create(unique("guarded"), null, "t", pod("nginx:1"));
		update(id, pod("nginx:2"));
		String restore = "/templates/" + id + "/revisions/1/restore";

		assertThat(this.mvc.post().uri(restore).param("basedOn", "2").with(as(this.editor))).hasStatus(403);
		assertThat(this.mvc.post().uri(restore).param("basedOn", "2").with(as(this.viewer)).with(csrf()))
			.hasStatus(403);
		assertThat(this.revisions.summaries(id)).hasSize(2);
	}

	// ---- clone, delete, export

	@Test
	void cloningMakesANameWithCopyAndTheSameContent() {
		String name = unique("orig");
		long id = create(name, "the original", "cl", pod("nginx:1"));

		MvcTestResult first = this.mvc.post()
			.uri("/templates/" + id + "/clone")
			.with(as(this.editor))
			.with(csrf())
			.exchange();
		assertThat(first).hasStatus(HttpStatus.FOUND);
		long copyId = Long.parseLong(first.getResponse().getRedirectedUrl().replace("/templates/", ""));
		TemplateViews.Full copy = this.templates.get(copyId);
		assertThat(copy.name()).isEqualTo(name + "-copy");
		assertThat(copy.description()).isEqualTo("the original");
		assertThat(copy.tags()).containsExactly("cl");
		assertThat(copy.manifest()).isEqualTo(this.templates.get(id).manifest());
		assertThat(copy.parameters()).isEqualTo(this.templates.get(id).parameters());
		assertThat(copy.revision()).isEqualTo(1);

		MvcTestResult second = this.mvc.post()
			.uri("/templates/" + id + "/clone")
			.with(as(this.editor))
			.with(csrf())
			.exchange();
		long secondId = Long.parseLong(second.getResponse().getRedirectedUrl().replace("/templates/", ""));
		assertThat(this.templates.get(secondId).name()).isEqualTo(name + "-copy-2");

		assertThat(this.mvc.post().uri("/templates/" + id + "/clone").with(as(this.viewer)).with(csrf()))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/templates/" + id + "/clone").with(as(this.editor))).hasStatus(403);
	}

	@Test
	void deletingAsksFirstThenDeletesAndSaysSo() {
		String name = unique("doomed");
		long id = create(name, null, "t", pod("nginx:1"));
		MockHttpSession session = new MockHttpSession();

		Document confirm = page(this.mvc.get().uri("/templates/" + id + "/delete"), this.editor);
		assertThat(confirm.select("h1").text()).isEqualTo("Delete the template " + name + "?");
		Element form = confirm.select("main form[method=post]").first();
		assertThat(form.attr("action")).isEqualTo("/templates/" + id + "/delete");
		assertThat(form.select("button").text()).isEqualTo("Delete template");
		assertThat(this.templates.summary(id).name()).isEqualTo(name);

		assertThat(this.mvc.get().uri("/templates/" + id + "/delete").with(as(this.viewer))).hasStatus(403);
		assertThat(this.mvc.post().uri("/templates/" + id + "/delete").with(as(this.viewer)).with(csrf()))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/templates/" + id + "/delete").with(as(this.editor))).hasStatus(403);

		assertThat(
				this.mvc.post().uri("/templates/" + id + "/delete").with(as(this.editor)).with(csrf()).session(session))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/templates");
		assertThat(page(this.mvc.get().uri("/templates").session(session), this.editor).select(".notice").text())
			.isEqualTo("Template " + name + " deleted.");
		assertThat(this.mvc.get().uri("/templates/" + id).with(as(this.viewer))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void exportsTheManifestAsYamlOrJsonToDownload() throws Exception {
		String name = unique("export");
		long id = create(name, null, "t", pod("nginx:${IMAGE_TAG}"));

		MvcTestResult yaml = this.mvc.get().uri("/templates/" + id + "/manifest.yaml").with(as(this.viewer)).exchange();
		assertThat(yaml).hasStatusOk();
		assertThat(yaml.getResponse().getContentType()).isEqualTo("application/yaml;charset=UTF-8");
		assertThat(yaml.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.startsWith("attachment; filename=\"" + name + ".yaml\"");
		assertThat(yaml.getResponse().getContentAsString()).startsWith("apiVersion: v1\nkind: Pod\n")
			.contains("image: nginx:${IMAGE_TAG}");

		MvcTestResult json = this.mvc.get().uri("/templates/" + id + "/manifest.json").with(as(this.viewer)).exchange();
		assertThat(json).hasStatusOk();
		assertThat(json.getResponse().getContentType()).isEqualTo("application/json;charset=UTF-8");
		assertThat(json.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.startsWith("attachment; filename=\"" + name + ".json\"");
		assertThat(JsonMapper.shared().readTree(json.getResponse().getContentAsString()))
			.isEqualTo(this.templates.get(id).manifest());
	}

	@Test
	void signedOutThePagesAskForALogin() {
		assertThat(this.mvc.get().uri("/templates")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
	}

	// ---- helpers

	private long create(String name, String description, String tag, String manifestOrDocument) {
		String document = manifestOrDocument.contains("\"manifest\"")
				? manifestOrDocument.replace("\"NAME\"", "\"" + name + "\"")
				: """
						{"name": "%s", "parameters": [{"name": "IMAGE_TAG", "description": "the nginx tag", "default": "1.27"}],
						 "manifest": %s}"""
					.formatted(name, manifestOrDocument);
		ObjectNode body = (ObjectNode) JsonMapper.shared().readTree(document);
		body.putArray("tags").add(tag);
		if (description != null) {
			body.put("description", description);
		}
		return this.templates.create(TemplateDocument.from(body)).id();
	}

	private void update(long id, String manifest) {
		TemplateViews.Full current = this.templates.get(id);
		ObjectNode body = (ObjectNode) JsonMapper.shared().readTree("""
				{"name": "%s", "manifest": %s}""".formatted(current.name(), manifest));
		body.set("parameters", current.parameters());
		body.set("tags", JsonMapper.shared().valueToTree(current.tags()));
		if (current.description() != null) {
			body.put("description", current.description());
		}
		this.templates.update(id, current.revision(), TemplateDocument.from(body));
	}

	private Document page(MockMvcRequestBuilder request, String user) {
		MvcTestResult result = request.with(as(user)).exchange();
		assertThat(result).hasStatusOk();
		try {
			return Jsoup.parse(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Document fragment(MockMvcRequestBuilder request) {
		MvcTestResult result = request.header("HX-Request", "true").with(as(this.viewer)).exchange();
		assertThat(result).hasStatusOk();
		try {
			String html = result.getResponse().getContentAsString();
			assertThat(html).doesNotContain("<html").startsWith("<div id=\"rendered\"");
			return Jsoup.parseBodyFragment(html);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private RequestPostProcessor as(String name) {
		return user(this.userDetails.loadUserByUsername(name));
	}

	private static Element row(Document page, long id) {
		return page.select("tr:has(a[href=/templates/" + id + "])").first();
	}

	private static List<Long> ids(Document page) {
		return page.select("a.template-link")
			.eachAttr("href")
			.stream()
			.map((href) -> Long.parseLong(href.replace("/templates/", "")))
			.toList();
	}

	private static String pod(String image) {
		return """
				{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
				 "spec": {"containers": [{"name": "web", "image": "%s"}]}}""".formatted(image);
	}

	private static String restrictedPod(String image) {
		return """
				{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
				 "spec": {"securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},
				   "containers": [{"name": "web", "image": "%s", "securityContext": {"allowPrivilegeEscalation": false,
				     "capabilities": {"drop": ["ALL"]}}}]}}""".formatted(image);
	}

	private static String deployment(String image) {
		return """
				{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
				 "spec": {"selector": {"matchLabels": {"app": "web"}},
				   "template": {"metadata": {"labels": {"app": "web"}},
				     "spec": {"containers": [{"name": "web", "image": "%s"}]}}}}""".formatted(image);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
