package io.podcomposer.manifest;

import java.util.List;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document's top-level object as {@link ManifestReader} read it from YAML that repeats
 * a key within a mapping: the tree holds the last value of each, as Kubernetes reads it,
 * and {@link #duplicateFields()} names the repeated fields, which the API server's strict
 * decoding refuses. Only the reader makes one, and only for such a text;
 * {@link Manifest#of} takes the names over (through
 * {@link ManifestReader#duplicateFields}), as any copy of the tree is a plain object
 * again.
 */
final class ReadDocument extends ObjectNode {

	private static final long serialVersionUID = 1L;

	private final transient List<String> duplicateFields;

	ReadDocument(ObjectNode read, List<String> duplicateFields) {
		super(JsonNodeFactory.instance);
		setAll(read);
		this.duplicateFields = List.copyOf(duplicateFields);
	}

	/**
	 * The paths of the repeated fields, as in
	 * {@code spec.template.spec.containers[0].image}.
	 */
	List<String> duplicateFields() {
		return this.duplicateFields;
	}

}
