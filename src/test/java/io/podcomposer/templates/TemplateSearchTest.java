package io.podcomposer.templates;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.podcomposer.AlsoOnPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.system.FieldProblem;
import io.podcomposer.system.InvalidFieldsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a template is found by: kept on every save, and filled in by V5 for the templates
 * saved before.
 */
@SpringBootTest
@AlsoOnPostgres
class TemplateSearchTest {

	@Autowired
	private TemplateService templates;

	@Autowired
	private TemplateSearch search;

	@Test
	void aTemplateIsFoundByItsCurrentNameDescriptionAndTagsOnly(@Autowired JdbcTemplate jdbc) {
		String marker = "find" + UUID.randomUUID().toString().substring(0, 8);
		TemplateViews.Full created = this.templates
			.create(document(marker + "-old", "Was " + marker + "-OldText", Set.of("oldtag" + marker)));
		this.templates.update(created.id(), 1,
				document(marker + "-new", "Is " + marker + "-NewText", Set.of("NewTag" + marker)));

		assertThat(found(marker + "-NEW")).as("the name, ignoring case").containsExactly(created.id());
		assertThat(found(marker + "-newtext")).as("the description").containsExactly(created.id());
		assertThat(found("newtag" + marker)).as("a tag").containsExactly(created.id());
		assertThat(found(marker + "-old")).isEmpty();
		assertThat(found(marker + "-oldtext")).isEmpty();
		assertThat(found("oldtag" + marker)).isEmpty();
		assertThat(jdbc.queryForObject("select search_text from template where id = ?", String.class, created.id()))
			.isEqualTo(marker + "-new is " + marker + "-newtext newtag" + marker);
	}

	@Test
	void aTemplateIsFoundByEveryWordOfASearchInAnyOrderAndField() {
		String marker = "words" + UUID.randomUUID().toString().substring(0, 8);
		long volume = this.templates.create(document(marker + "-shared-volume", "Writer and reader", Set.of("storage")))
			.id();
		long memory = this.templates.create(document(marker + "-shared-memory", "Writer and reader", Set.of("ipc")))
			.id();

		assertThat(found("shared vol " + marker)).containsExactly(volume);
		assertThat(found(" VOL\tshared  " + marker + " ")).as("any order, case and space").containsExactly(volume);
		assertThat(found(marker + " reader storage")).as("name, description and a tag").containsExactly(volume);
		assertThat(found(marker + " writer")).containsExactly(memory, volume);
		assertThat(found(marker + " shared volume memory")).isEmpty();
		assertThat(tagged(marker + " reader", "ipc")).containsExactly(memory);
		assertThat(this.search.search(marker + " reader", "", TemplateSearch.SortOrder.NAME, 0, 1).total())
			.isEqualTo(2);
	}

	@Test
	void v5FillsInTheSearchTextOfTheTemplatesSavedBefore(@TempDir Path folder) {
		String url = "jdbc:h2:file:" + folder.resolve("library");
		JdbcTemplate jdbc = h2(url);
		migrate(url, "4");
		jdbc.update(
				"""
						insert into template (id, name, description, parameters, revision, version, created_at, created_by,
						  updated_at, updated_by) values (?, ?, ?, '[]', 1, 0, current_timestamp, 'a', current_timestamp, 'a')""",
				1, "Web-Shop", "Serves the SHOP");
		jdbc.update("insert into template_tag (template_id, tag) values (1, 'Team-B'), (1, 'Alpha')");
		jdbc.update(
				"""
						insert into template (id, name, description, parameters, revision, version, created_at, created_by,
						  updated_at, updated_by) values (2, 'Bare', null, '[]', 1, 0, current_timestamp, 'a', current_timestamp, 'a')""");

		migrate(url, "latest");

		assertThat(jdbc.queryForList("select search_text from template order by id", String.class))
			.containsExactly("web-shop serves the shop alpha team-b", "bare  ");
		assertThat(jdbc.queryForList("select tag_text from template order by id", String.class))
			.containsExactly("\nAlpha\nTeam-B\n", "\n\n");
	}

	@Test
	void onH2TheCountsWalkTheNarrowIndexesAndThePagesTheSortedOne(@TempDir Path folder) {
		String url = "jdbc:h2:file:" + folder.resolve("library");
		JdbcTemplate jdbc = h2(url);
		migrate(url, "latest");
		jdbc.update(
				"""
						insert into template (name, description, parameters, revision, version, created_at, created_by,
						  updated_at, updated_by, search_text, tag_text)
						select 'template-' || x, 'serves ' || x, '[]', 1, 0, current_timestamp, 'a', current_timestamp, 'a',
						  'template-' || x || ' serves ' || x || ' team-' || mod(x, 10), char(10) || 'team-' || mod(x, 10) || char(10)
						from system_range(1, 2000)""");
		jdbc.execute("analyze");
		// as the repository's queries ask, with the patterns as parameters
		String text = "t.search_text like ? escape '!'";
		String tag = "t.tag_text like ? escape '!'";
		String page = " order by t.updated_at desc, t.id desc fetch first 20 rows only";

		assertThat(plan(jdbc, "select count(*) from template t where " + text)).contains("IX_TEMPLATE_SEARCH_TAGS");
		assertThat(plan(jdbc, "select count(*) from template t where " + text + " and " + tag))
			.contains("IX_TEMPLATE_SEARCH_TAGS");
		assertThat(plan(jdbc, "select count(*) from template t where " + tag)).contains("IX_TEMPLATE_TAGS");
		assertThat(plan(jdbc, "select count(*) from template t where " + text + " and " + text)).as("a word each")
			.contains("IX_TEMPLATE_SEARCH_TAGS");
		for (String filter : List.of(text, tag, text + " and " + tag, text + " and " + text + " and " + tag)) {
			assertThat(plan(jdbc, "select t.id from template t where " + filter + page)).as(filter)
				.contains("IX_TEMPLATE_UPDATED_SEARCH", "index sorted");
		}
	}

	@Test
	void theTagFilterFindsATagWholeAndWithItsCase() {
		String marker = "tag" + UUID.randomUUID().toString().substring(0, 8);
		long both = this.templates.create(document(marker + "-both", null, Set.of(marker + "-a", marker + "-b"))).id();
		long one = this.templates.create(document(marker + "-one", null, Set.of(marker + "-b"))).id();

		assertThat(tagged("", marker + "-b")).containsExactly(one, both);
		assertThat(tagged(marker + "-both", marker + "-b")).containsExactly(both);
		assertThat(tagged("", marker + "-a")).containsExactly(both);
		assertThat(tagged("", marker)).as("part of a tag").isEmpty();
		assertThat(tagged("", marker.toUpperCase() + "-A")).as("another case").isEmpty();
		assertThat(this.search.search("", marker + "-b", TemplateSearch.SortOrder.NAME, 0, 20).total()).isEqualTo(2);
	}

	@Test
	void wildcardsAndTheEscapeCharacterAreSearchedForAsTheyAre() {
		String marker = "wild" + UUID.randomUUID().toString().substring(0, 8);
		long percent = this.templates.create(document(marker + "-p", "100% " + marker, Set.of())).id();
		long underscore = this.templates.create(document(marker + "-u", "a_b " + marker, Set.of())).id();
		long bang = this.templates.create(document(marker + "-x", "hey! " + marker, Set.of())).id();
		this.templates.create(document(marker + "-plain", "1000 axb hey " + marker, Set.of()));

		assertThat(found("0% " + marker)).containsExactly(percent);
		assertThat(found("a_b " + marker)).containsExactly(underscore);
		assertThat(found("y! " + marker)).containsExactly(bang);
		assertThat(found("!" + marker)).isEmpty();
	}

	@Test
	void aTagMayNotHoldALineBreak() {
		assertThatExceptionOfType(InvalidFieldsException.class).isThrownBy(() -> TemplateDocument.from(JsonMapper
			.shared()
			.readTree(
					"""
							{"name": "n", "tags": ["fine", "two\\nlines"], "manifest": {"apiVersion": "v1", "kind": "Pod"}}""")))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(FieldProblem::path).containsExactly("tags[1]"));
	}

	private List<Long> tagged(String q, String tag) {
		return this.search.search(q, tag, TemplateSearch.SortOrder.UPDATED, 0, 20)
			.items()
			.stream()
			.map(TemplateViews.Summary::id)
			.toList();
	}

	private List<Long> found(String q) {
		return this.search.search(q, "", TemplateSearch.SortOrder.UPDATED, 0, 20)
			.items()
			.stream()
			.map(TemplateViews.Summary::id)
			.toList();
	}

	/** H2's plan for {@code query}, each parameter a search for a word anywhere. */
	private static String plan(JdbcTemplate jdbc, String query) {
		Object[] patterns = query.chars().filter((c) -> c == '?').mapToObj((c) -> "%serves 1%").toArray();
		return jdbc.queryForObject("explain " + query, String.class, patterns);
	}

	static JdbcTemplate h2(String url) {
		return new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""));
	}

	static void migrate(String url, String target) {
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.target(target)
			.load()
			.migrate();
	}

	private static TemplateDocument document(String name, String description, Set<String> tags) {
		return new TemplateDocument(name, description, tags, List.of(),
				Manifest.newPod("web", "web", "nginx:1.27").root(), null);
	}

}
