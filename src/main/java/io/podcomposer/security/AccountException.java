package io.podcomposer.security;

import java.util.List;

import io.podcomposer.system.FieldProblem;

/** A change to users or tokens that cannot be made, with the reason to show. */
public class AccountException extends RuntimeException {

	public enum Kind {

		NOT_FOUND, CONFLICT, INVALID

	}

	private final Kind kind;

	private final List<FieldProblem> errors;

	AccountException(Kind kind, String message) {
		super(message);
		this.kind = kind;
		this.errors = List.of();
	}

	/** An invalid field: the API names it in a problem's {@code errors}, a page next to its input. */
	AccountException(FieldProblem problem) {
		super(problem.message());
		this.kind = Kind.INVALID;
		this.errors = List.of(problem);
	}

	public Kind kind() {
		return this.kind;
	}

	/** The fields at fault; empty when the reason is not one field. */
	public List<FieldProblem> errors() {
		return this.errors;
	}

}
