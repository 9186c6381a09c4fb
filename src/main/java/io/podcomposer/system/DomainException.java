package io.podcomposer.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service refuses, in the domain's words: which case it is, a title and a detail,
 * and the facts an answer names beside them (the fields at fault, where a document
 * broke). Services throw these and never speak HTTP; {@link ApiExceptionHandler} answers
 * each {@link Kind} with one status, as problem+json for the API and as the error page
 * for the browser.
 */
public class DomainException extends RuntimeException {

	/** The cases a refusal can be. */
	public enum Kind {

		/** The input does not read at all: not YAML, not a number. */
		MALFORMED,

		/** There is no such thing. */
		NOT_FOUND,

		/** It clashes with what exists: a name taken, the last admin. */
		CONFLICT,

		/** It changed since the caller read it. */
		STALE,

		/** Too large to take. */
		TOO_LARGE,

		/** It reads, but breaks rules; often naming the fields at fault. */
		INVALID,

		/** The cluster could not be reached, refused our credentials or failed itself. */
		CLUSTER_UNREACHABLE,

		/** The cluster did not answer in time. */
		CLUSTER_TIMEOUT

	}

	private final Kind kind;

	/** Null for the status's own title. */
	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	/**
	 * @param title a few words naming the case, as the answer's title
	 * @param detail what happened, as the message and the answer's detail
	 */
	public DomainException(Kind kind, String title, String detail) {
		super(detail);
		this.kind = kind;
		this.title = title;
	}

	/** A refusal the answer titles with its status's own words, as "Not Found". */
	public DomainException(Kind kind, String detail) {
		this(kind, null, detail);
	}

	public Kind kind() {
		return this.kind;
	}

	/** The answer's title; null for the status's own. */
	public String title() {
		return this.title;
	}

	/** The sentence the answer gives; the message unless a subclass says more. */
	public String detail() {
		return getMessage();
	}

	/**
	 * The facts the answer names beside the detail, by name, in the order they were
	 * added.
	 */
	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

	/** Adds a fact for the answer to name, as {@code errors} for the fields at fault. */
	protected final void property(String name, Object value) {
		this.properties.put(name, value);
	}

}
