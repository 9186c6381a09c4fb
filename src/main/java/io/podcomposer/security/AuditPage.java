package io.podcomposer.security;

import java.time.Instant;
import java.util.List;

import io.podcomposer.security.AuditEntry.Outcome;
import org.springframework.data.domain.Page;

/**
 * One page of the audit log, newest first, as the API answers it and the audit page shows
 * it.
 */
public record AuditPage(List<Item> items, int page, int size, long total) {

	/** One entry of the audit log. */
	public record Item(Long id, Instant at, String actor, String action, String target, Outcome outcome,
			String detail) {
	}

	static AuditPage of(Page<AuditEntry> entries) {
		return new AuditPage(entries.getContent()
			.stream()
			.map((entry) -> new Item(entry.getId(), entry.getAt(), entry.getActor(), entry.getAction(),
					entry.getTarget(), entry.getOutcome(), entry.getDetail()))
			.toList(), entries.getNumber(), entries.getSize(), entries.getTotalElements());
	}

	/**
	 * How many pages the entries fill; at least one, so that an empty log reads "page 1
	 * of 1".
	 */
	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

}
