package io.podcomposer.manifest;

import io.podcomposer.system.DomainException;

/**
 * Text that is not a well-formed YAML or JSON document, or one the hardened reader
 * refuses. Line and column are 1-based, and 0 when the problem has no single place.
 */
public class ManifestParseException extends DomainException {

	private final int line;

	private final int column;

	public ManifestParseException(String message, int line, int column) {
		this(Kind.MALFORMED, "Malformed document", message, line, column);
	}

	/** A parse problem of its own kind, as a document too large to expand. */
	ManifestParseException(Kind kind, String title, String message, int line, int column) {
		super(kind, title, message);
		this.line = line;
		this.column = column;
		if (line > 0) {
			property("line", line);
			property("column", column);
		}
	}

	public int line() {
		return this.line;
	}

	public int column() {
		return this.column;
	}

	@Override
	public String detail() {
		return describe();
	}

	/** The message with its place, as shown to users: "line 3, column 7: ...". */
	public String describe() {
		return (this.line > 0) ? "line " + this.line + ", column " + this.column + ": " + getMessage() : getMessage();
	}

}
