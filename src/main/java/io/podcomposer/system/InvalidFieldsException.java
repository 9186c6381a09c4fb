package io.podcomposer.system;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request whose body parsed but whose fields break rules, listing them as
 * {@code errors}.
 */
public class InvalidFieldsException extends DomainException {

	private final List<FieldProblem> problems;

	public InvalidFieldsException(List<FieldProblem> problems) {
		this("", problems);
	}

	/** With {@code summary}, a sentence, before the problems in the message. */
	public InvalidFieldsException(String summary, List<FieldProblem> problems) {
		super(Kind.INVALID, "Invalid fields",
				summary + problems.stream()
					.map((problem) -> problem.path() + ": " + problem.message())
					.collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
		property("errors", this.problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
