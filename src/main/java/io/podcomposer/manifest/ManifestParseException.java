package io.podcomposer.manifest;

/**
 * Text that is not a well-formed YAML or JSON document, or one the hardened reader refuses.
 * Line and column are 1-based, and 0 when the problem has no single place.
 */
public class ManifestParseException extends RuntimeException {

	private final int line;

	private final int column;

	public ManifestParseException(String message, int line, int column) {
		super(message);
		this.line = line;
		this.column = column;
	}

	public int line() {
		return this.line;
	}

	public int column() {
		return this.column;
	}

	/** The message with its place, as shown to users: "line 3, column 7: ...". */
	public String describe() {
		return (this.line > 0) ? "line " + this.line + ", column " + this.column + ": " + getMessage() : getMessage();
	}

}
