package io.podcomposer.security;

import java.util.List;

import io.podcomposer.system.DomainException;
import io.podcomposer.system.FieldProblem;

/** A change to users or tokens that cannot be made, with the reason to show. */
public class AccountException extends DomainException {

	/**
	 * @param kind {@link Kind#NOT_FOUND}, {@link Kind#CONFLICT} or {@link Kind#INVALID}
	 */
	AccountException(Kind kind, String message) {
		super(kind, title(kind), message);
	}

	/**
	 * An invalid field: the API names it in a problem's {@code errors}, a page next to
	 * its input.
	 */
	AccountException(FieldProblem problem) {
		super(Kind.INVALID, title(Kind.INVALID), problem.message());
		property("errors", List.of(problem));
	}

	private static String title(Kind kind) {
		return switch (kind) {
			case NOT_FOUND -> "Not found";
			case CONFLICT -> "Conflict";
			default -> "Invalid fields";
		};
	}

}
