package io.podcomposer.security;

/** A change to users or tokens that cannot be made, with the reason to show. */
public class AccountException extends RuntimeException {

	public enum Kind {

		NOT_FOUND, CONFLICT, INVALID

	}

	private final Kind kind;

	AccountException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

}
