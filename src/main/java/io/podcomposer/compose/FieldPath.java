package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * A field path as the API server writes it, in steps: {@code spec.containers[1].name} is
 * {@code spec}, {@code containers}, {@code [1]}, {@code name}, and
 * {@code metadata.labels[app.kubernetes.io/name]} ends in the map key
 * {@code [app.kubernetes.io/name]}, dots and all.
 */
record FieldPath(List<Step> steps) {

	/** A field name, or what stands between brackets: a list index or a map key. */
	record Step(String text, boolean bracketed) {

		/** The list index, or -1 when the step is a field or a map key. */
		int index() {
			return (this.bracketed && this.text.matches("\\d{1,9}")) ? Integer.parseInt(this.text) : -1;
		}

		boolean isField(String name) {
			return !this.bracketed && this.text.equals(name);
		}

	}

	static FieldPath parse(String path) {
		List<Step> steps = new ArrayList<>();
		int i = 0;
		while (i < path.length()) {
			char c = path.charAt(i);
			if (c == '.') {
				i++;
			}
			else if (c == '[') {
				int close = path.indexOf(']', i);
				int end = (close < 0) ? path.length() : close;
				steps.add(new Step(path.substring(i + 1, end), true));
				i = end + 1;
			}
			else {
				int end = i;
				while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
					end++;
				}
				steps.add(new Step(path.substring(i, end), false));
				i = end;
			}
		}
		return new FieldPath(List.copyOf(steps));
	}

	int size() {
		return this.steps.size();
	}

	Step step(int index) {
		return (index < this.steps.size()) ? this.steps.get(index) : new Step("", false);
	}

	/**
	 * Whether the path starts with the fields of {@code prefix}, as in
	 * {@code spec.template.spec}.
	 */
	boolean startsWith(String prefix) {
		FieldPath head = parse(prefix);
		return head.size() <= size() && this.steps.subList(0, head.size()).equals(head.steps());
	}

	/** The steps after the first {@code count}. */
	FieldPath drop(int count) {
		return new FieldPath(this.steps.subList(Math.min(count, size()), size()));
	}

}
