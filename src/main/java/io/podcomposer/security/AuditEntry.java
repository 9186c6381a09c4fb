package io.podcomposer.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One thing that happened: who did what to which target, when, and how it ended. Never
 * changed.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

	public enum Outcome {

		SUCCESS, FAILURE, DENIED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false, length = 64)
	private String actor;

	@Column(nullable = false, length = 64)
	private String action;

	@Column(length = 255)
	private String target;

	@Column(nullable = false, length = 16)
	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Outcome outcome;

	@Column(length = 1000)
	private String detail;

	protected AuditEntry() {
	}

	AuditEntry(Instant at, String actor, String action, String target, Outcome outcome, String detail) {
		this.at = at;
		this.actor = clip(actor, 64);
		this.action = action;
		this.target = clip(target, 255);
		this.outcome = outcome;
		this.detail = clip(detail, 1000);
	}

	private static String clip(String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length);
	}

	public Long getId() {
		return this.id;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getActor() {
		return this.actor;
	}

	public String getAction() {
		return this.action;
	}

	public String getTarget() {
		return this.target;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

	public String getDetail() {
		return this.detail;
	}

}
