package io.podcomposer.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.security.AuditLog;

/**
 * The starter catalog: well-written templates of the patterns of containers that share
 * one pod's localhost, volumes and IPC, kept as template documents in
 * {@code src/main/resources/catalog}. A database gets them once, on its first start; a
 * template deleted later comes back only when an admin restores the catalog. They are the
 * {@code system} user's and tagged {@code starter}.
 */
@Service
class StarterCatalog implements ApplicationRunner {

	/** The start-up task that marks a database as seeded. */
	static final String TASK = "starter-catalog";

	private static final String MESSAGE = "from the starter catalog";

	private static final Logger logger = LoggerFactory.getLogger(StarterCatalog.class);

	/**
	 * Read when first needed: a start over a seeded database (every start but the first)
	 * needs none.
	 */
	private final Supplier<List<TemplateDocument>> documents = SingletonSupplier.of(StarterCatalog::load);

	private final TemplateService templates;

	private final TemplateRepository repository;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	StarterCatalog(TemplateService templates, TemplateRepository repository, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, AuditLog audit, Clock clock) {
		this.templates = templates;
		this.repository = repository;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.audit = audit;
		this.clock = clock;
	}

	/** What was re-created and what was kept because a template of that name exists. */
	record Restored(List<String> recreated, List<String> kept) {
	}

	/** A template of the catalog, and whether the library has one of its name. */
	record Entry(String name, String description, List<String> tags, boolean present) {
	}

	@Override
	public void run(ApplicationArguments args) {
		seedOnce();
	}

	/**
	 * Creates the catalog's templates unless this database was seeded before, in one
	 * transaction with the mark that it was.
	 * @return whether this call seeded the catalog
	 */
	boolean seedOnce() {
		try {
			Restored seeded = this.transactions.execute((status) -> {
				if (this.jdbc.queryForObject("select count(*) from startup_task where name = ?", Integer.class,
						TASK) > 0) {
					return null;
				}
				// the mark comes first: an instance starting at the same time on the same
				// database
				// waits on its key here, and fails once this transaction commits
				this.jdbc.update("insert into startup_task (name, done_at) values (?, ?)", TASK,
						OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
				return createMissing("CATALOG_SEED");
			});
			if (seeded != null) {
				logger.info("Seeded the starter catalog: {}", seeded.recreated());
			}
			return seeded != null;
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
			logger.info("Another instance seeded the starter catalog at the same time");
			return false;
		}
	}

	/**
	 * Re-creates the catalog's templates that the library has none of the name of, and
	 * keeps the rest.
	 */
	@Transactional
	Restored restore() {
		return createMissing("CATALOG_RESTORE");
	}

	@Transactional(readOnly = true)
	List<Entry> entries() {
		return this.documents.get()
			.stream()
			.map((document) -> new Entry(document.name(), document.description(), List.copyOf(document.tags()),
					this.repository.existsByName(document.name())))
			.toList();
	}

	/** The catalog's templates, as their resource files give them. */
	List<TemplateDocument> documents() {
		return this.documents.get();
	}

	private Restored createMissing(String action) {
		List<String> recreated = new ArrayList<>();
		List<String> kept = new ArrayList<>();
		for (TemplateDocument document : this.documents.get()) {
			if (this.repository.existsByName(document.name())) {
				kept.add(document.name());
			}
			else {
				this.templates.create(document, AuditLog.SYSTEM);
				recreated.add(document.name());
			}
		}
		this.audit.record(action, "starter catalog", Outcome.SUCCESS, "created " + recreated + ", kept " + kept);
		return new Restored(recreated, kept);
	}

	static List<TemplateDocument> load() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/*.yaml");
			return Arrays.stream(files)
				.sorted(Comparator.comparing(Resource::getFilename))
				.map(StarterCatalog::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static TemplateDocument read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			TemplateDocument document = TemplateDocument
				.from(ManifestReader.readYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			return new TemplateDocument(document.name(), document.description(), document.tags(), document.parameters(),
					document.manifest(), MESSAGE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
