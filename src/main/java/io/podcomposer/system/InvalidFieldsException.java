package io.podcomposer.system;

import java.util.List;
import java.util.stream.Collectors;

/** A request whose body parsed but whose fields break rules; answered {@code 422} listing them. */
public class InvalidFieldsException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidFieldsException(List<FieldProblem> problems) {
		this("", problems);
	}

	/** With {@code summary}, a sentence, before the problems in the message. */
	public InvalidFieldsException(String summary, List<FieldProblem> problems) {
		super(summary + problems.stream().map((problem) -> problem.path() + ": " + problem.message())
			.collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
