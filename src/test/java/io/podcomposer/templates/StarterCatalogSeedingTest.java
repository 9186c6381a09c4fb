package io.podcomposer.templates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.podcomposer.security.FreshPortal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter catalog on databases of their own: seeded once, and a deleted template
 * stays deleted until restored.
 */
class StarterCatalogSeedingTest {

	private static final String PASSWORD = "seeding-test-password";

	@Test
	void aFreshDatabaseIsSeededOnceAndADeletedTemplateComesBackOnlyWhenRestored(@TempDir Path dataDir) {
		List<String> catalog = StarterCatalog.load().stream().map(TemplateDocument::name).toList();
		try (FreshPortal portal = FreshPortal.start(dataDir, PASSWORD, "")) {
			JdbcTemplate jdbc = portal.bean(JdbcTemplate.class);
			assertThat(names(jdbc)).containsExactlyInAnyOrderElementsOf(catalog);
			assertThat(jdbc.queryForList("select distinct created_by from template", String.class))
				.containsExactly("system");
			assertThat(jdbc.queryForObject("select count(*) from template_tag where tag = 'starter'", Integer.class))
				.isEqualTo(catalog.size());
			assertThat(portal.count("startup_task")).isEqualTo(1);

			assertThat(portal.bean(StarterCatalog.class).seedOnce()).as("seeded again").isFalse();
			assertThat(portal.count("template")).isEqualTo(catalog.size());
			assertThat(portal.count("template_revision")).isEqualTo(catalog.size());

			portal.bean(TemplateService.class).delete(idOf(jdbc, "batch-job"));
		}

		try (FreshPortal portal = FreshPortal.start(dataDir, PASSWORD, "")) {
			JdbcTemplate jdbc = portal.bean(JdbcTemplate.class);
			assertThat(names(jdbc)).as("after a restart").hasSize(catalog.size() - 1).doesNotContain("batch-job");

			StarterCatalog.Restored restored = portal.bean(StarterCatalog.class).restore();

			assertThat(restored.recreated()).containsExactly("batch-job");
			assertThat(restored.kept()).hasSize(catalog.size() - 1).doesNotContain("batch-job");
			assertThat(names(jdbc)).containsExactlyInAnyOrderElementsOf(catalog);
		}
	}

	@Test
	void ofTwoInstancesSeedingOneDatabaseAtOnceOneSeeds(@TempDir Path dataDir) throws Exception {
		try (FreshPortal portal = FreshPortal.start(dataDir, PASSWORD, "")) {
			JdbcTemplate jdbc = portal.bean(JdbcTemplate.class);
			// back to a database no instance has seeded; revisions and tags go with their
			// templates
			jdbc.update("delete from template");
			jdbc.update("delete from startup_task");
			StarterCatalog catalog = portal.bean(StarterCatalog.class);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> seeded = new ArrayList<>();
			try {
				Callable<Boolean> seed = () -> {
					start.await();
					return catalog.seedOnce();
				};
				seeded.add(pool.submit(seed));
				seeded.add(pool.submit(seed));
				start.countDown();
				assertThat(List.of(seeded.get(0).get(), seeded.get(1).get())).containsExactlyInAnyOrder(true, false);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(portal.count("template")).isEqualTo(StarterCatalog.load().size());
			assertThat(portal.count("startup_task")).isEqualTo(1);
		}
	}

	private static List<String> names(JdbcTemplate jdbc) {
		return jdbc.queryForList("select name from template", String.class);
	}

	private static long idOf(JdbcTemplate jdbc, String name) {
		return jdbc.queryForObject("select id from template where name = ?", Long.class, name);
	}

}
