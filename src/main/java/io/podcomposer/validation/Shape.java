package io.podcomposer.validation;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What a field must hold for the API server to decode it: an object with known fields, a list or
 * a map of one shape, or a scalar. Fields a shape does not name are not looked at.
 */
final class Shape {

	enum Type {

		OBJECT("must be an object"), LIST("must be a list"), MAP("must be an object"),
		STRING("must be a string"), INTEGER("must be an integer"), BOOLEAN("must be a boolean"),
		INT_OR_STRING("must be an integer or a string"), QUANTITY("must be a string or a number");

		private final String message;

		Type(String message) {
			this.message = message;
		}

	}

	static final Shape STRING = new Shape(Type.STRING, Map.of(), null);

	static final Shape INTEGER = new Shape(Type.INTEGER, Map.of(), null);

	static final Shape BOOLEAN = new Shape(Type.BOOLEAN, Map.of(), null);

	static final Shape INT_OR_STRING = new Shape(Type.INT_OR_STRING, Map.of(), null);

	static final Shape QUANTITY = new Shape(Type.QUANTITY, Map.of(), null);

	/** An object whose fields are not looked into. */
	static final Shape ANY_OBJECT = new Shape(Type.OBJECT, Map.of(), null);

	private final Type type;

	private final Map<String, Shape> fields;

	private final Shape element;

	private Shape(Type type, Map<String, Shape> fields, Shape element) {
		this.type = type;
		this.fields = fields;
		this.element = element;
	}

	/** An object; arguments alternate a field name and its shape. */
	static Shape object(Object... namesAndShapes) {
		Map<String, Shape> fields = new HashMap<>();
		for (int i = 0; i < namesAndShapes.length; i += 2) {
			fields.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
		}
		return new Shape(Type.OBJECT, Map.copyOf(fields), null);
	}

	static Shape list(Shape element) {
		return new Shape(Type.LIST, Map.of(), element);
	}

	/** An object of free keys, each holding {@code element}: labels, resource lists. */
	static Shape map(Shape element) {
		return new Shape(Type.MAP, Map.of(), element);
	}

	/** This shape plus more fields, for objects that extend another. */
	Shape with(Object... namesAndShapes) {
		Map<String, Shape> all = new HashMap<>(this.fields);
		all.putAll(object(namesAndShapes).fields);
		return new Shape(Type.OBJECT, Map.copyOf(all), null);
	}

	/** Reports every value under {@code node} that does not fit; {@code path} is where node sits. */
	void check(JsonNode node, StringBuilder path, Findings findings) {
		if (Nodes.absent(node)) {
			return;
		}
		if (!fits(node)) {
			findings.add(path.toString(), Messages.invalid(typeName(node), this.type.message));
			return;
		}
		int mark = path.length();
		switch (this.type) {
			case OBJECT -> node.properties().forEach((field) -> {
				Shape shape = this.fields.get(field.getKey());
				if (shape != null) {
					// the root's fields start the path without a dot
					shape.check(field.getValue(), path.append(mark == 0 ? "" : ".").append(field.getKey()), findings);
					path.setLength(mark);
				}
			});
			case MAP -> node.properties().forEach((entry) -> {
				this.element.check(entry.getValue(), path.append('[').append(entry.getKey()).append(']'), findings);
				path.setLength(mark);
			});
			case LIST -> {
				for (int i = 0; i < node.size(); i++) {
					this.element.check(node.get(i), path.append('[').append(i).append(']'), findings);
					path.setLength(mark);
				}
			}
			default -> {
			}
		}
	}

	private boolean fits(JsonNode node) {
		return switch (this.type) {
			case OBJECT, MAP -> node.isObject();
			case LIST -> node.isArray();
			case STRING -> node.isString();
			case INTEGER -> node.isIntegralNumber();
			case BOOLEAN -> node.isBoolean();
			case INT_OR_STRING -> node.isIntegralNumber() || node.isString();
			case QUANTITY -> node.isString() || node.isNumber();
		};
	}

	/** What was found instead, in JSON's words. */
	private static String typeName(JsonNode node) {
		if (node.isObject()) {
			return "object";
		}
		if (node.isArray()) {
			return "list";
		}
		if (node.isString()) {
			return "string";
		}
		if (node.isBoolean()) {
			return "boolean";
		}
		return node.isIntegralNumber() ? "integer" : "number";
	}

}
