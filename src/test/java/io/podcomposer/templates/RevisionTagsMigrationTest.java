package io.podcomposer.templates;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** V13 on a library saved before it: each revision takes its template's current tags. */
class RevisionTagsMigrationTest {

	@Test
	void v13GivesTheRevisionsSavedBeforeTheirTemplatesCurrentTags(@TempDir Path folder) {
		String url = "jdbc:h2:file:" + folder.resolve("library");
		JdbcTemplate jdbc = TemplateSearchTest.h2(url);
		TemplateSearchTest.migrate(url, "12");
		template(jdbc, 1, "tagged", "\nalpha\nteam-b\n");
		template(jdbc, 2, "bare", "\n\n");
		revision(jdbc, 1, 1);
		revision(jdbc, 1, 2);
		revision(jdbc, 2, 1);

		TemplateSearchTest.migrate(url, "latest");

		assertThat(jdbc.queryForList("select tag_text from template_revision order by template_id, revision",
				String.class))
			.containsExactly("\nalpha\nteam-b\n", "\nalpha\nteam-b\n", "\n\n");
		assertThat(Template.tags(jdbc.queryForObject(
				"select tag_text from template_revision where template_id = 1 " + "and revision = 1", String.class)))
			.containsExactly("alpha", "team-b");
		assertThat(Template
			.tags(jdbc.queryForObject("select tag_text from template_revision where template_id = 2", String.class)))
			.isEmpty();
	}

	private static void template(JdbcTemplate jdbc, long id, String name, String tagText) {
		jdbc.update("""
				insert into template (id, name, description, parameters, revision, version, created_at, created_by,
				  updated_at, updated_by, search_text, tag_text)
				values (?, ?, null, '[]', 2, 0, current_timestamp, 'a', current_timestamp, 'a', ?, ?)""", id, name,
				name, tagText);
	}

	private static void revision(JdbcTemplate jdbc, long templateId, int number) {
		jdbc.update("""
				insert into template_revision (template_id, revision, manifest, parameters, author, created_at)
				values (?, ?, '{}', '[]', 'a', current_timestamp)""", templateId, number);
	}

}
