package io.podcomposer.security;

import java.time.Clock;
import java.util.List;

import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.system.Paging;
import org.springframework.data.domain.Page;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records who did what, when, and how it ended. A success is written in the caller's
 * transaction when there is one, so that it stands or falls with the work it records.
 * Anything else (a failure, a refusal) is written in a transaction of its own, so that it
 * is not rolled back with the work that failed. That is decided here, not by proxies: an
 * overload calling another on {@code this} would pass by them.
 */
@Service
public class AuditLog {

	/**
	 * The actor of what happens without a signed-in user: start-up, unknown login names.
	 */
	public static final String SYSTEM = "system";

	private final AuditRepository entries;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	AuditLog(AuditRepository entries, Clock clock, PlatformTransactionManager transactions) {
		this.entries = entries;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public void record(String actor, String action, String target, Outcome outcome, String detail) {
		if (outcome == Outcome.SUCCESS && TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			save(actor, action, target, outcome, detail);
		}
		else {
			this.ownTransaction.executeWithoutResult((status) -> save(actor, action, target, outcome, detail));
		}
	}

	/**
	 * Records an action in the caller's transaction, for work whose own record and audit
	 * entry stand or fall together.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordWithin(String actor, String action, String target, Outcome outcome, String detail) {
		save(actor, action, target, outcome, detail);
	}

	private void save(String actor, String action, String target, Outcome outcome, String detail) {
		this.entries.save(new AuditEntry(this.clock.instant(), actor, action, target, outcome, detail));
	}

	/** Records an action of the user of this request. */
	public void record(String action, String target, Outcome outcome, String detail) {
		record(currentActor(), action, target, outcome, detail);
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> search(String actor, String action, int page, int size) {
		return this.entries.search(actor == null ? "" : actor.trim(), action == null ? "" : action.trim(),
				Paging.of(page, size));
	}

	/**
	 * The actions and the actors recorded so far: what the audit page offers to filter
	 * by.
	 */
	@Transactional(readOnly = true)
	public Filters filters() {
		return new Filters(this.entries.actors(), this.entries.actions());
	}

	/** What can be filtered by, each sorted. */
	public record Filters(List<String> actors, List<String> actions) {
	}

	/** The signed-in user of this request, else {@link #SYSTEM}. */
	public static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : SYSTEM;
	}

}
