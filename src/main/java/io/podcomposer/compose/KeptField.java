package io.podcomposer.compose;

/**
 * A field the form keeps as it came from YAML, without an input for it: its path as the
 * form names it ({@code containers[0].lifecycle}), and, when the API server would refuse
 * it (an unknown field, a wrong type), what it would say; else null.
 */
public record KeptField(String path, String refusal) {

	public boolean refused() {
		return this.refusal != null;
	}

}
