package io.podcomposer.validation;

import java.util.EnumMap;
import java.util.Map;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * {@code structure}: the object decodes, as the API server decodes it with strict field
 * validation (what {@code kubectl apply} asks for since 1.27), against the schema of its
 * kind in the official client's models (see {@link SchemaType}, {@link BuiltInKinds}):
 * <ul>
 * <li>every field is one the kind has: else
 * {@code strict decoding error: unknown field "<path>"}, with the field it most likely
 * meant;</li>
 * <li>every value has the field's type: objects, lists, maps, strings, booleans, numbers,
 * integers within int32 or int64 (a quoted {@code "80"} or a {@code 1.5} is none),
 * int-or-string ports, string or number quantities, base64 text for bytes; else the
 * decoder's
 * {@code json: cannot unmarshal <value> into Go struct field <Struct>.<path> of type <type>};</li>
 * <li>a null is unset, not wrong; {@code status} is not looked at, as the API server
 * ignores it on create; free-form fields (RawExtension, JSON) take anything.</li>
 * </ul>
 * The other rules read a wrongly typed field as unset and leave it to this one. A
 * {@code ${NAME}} placeholder is a string: in a string field it is fine, in an integer
 * field it is the wrong type, as the value it is filled with is a string too.
 */
final class StructureRule extends ApiServerRule {

	static final String UNKNOWN_FIELD = "strict decoding error: unknown field ";

	private static final Map<WorkloadKind, SchemaType> WORKLOADS = workloads();

	StructureRule() {
		super("structure");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		check(pod.root(), WORKLOADS.get(pod.kind()), findings);
	}

	/** Reports every field of {@code root} the schema of {@code kind} refuses. */
	static void check(JsonNode root, SchemaType kind, Findings findings) {
		walk(root, kind, kind, new StringBuilder(), findings);
	}

	private static void walk(JsonNode node, SchemaType type, SchemaType struct, StringBuilder path, Findings findings) {
		if (Nodes.absent(node)) {
			return;
		}
		int mark = path.length();
		switch (type.kind()) {
			case OBJECT -> {
				if (!node.isObject()) {
					wrongType(node, type, struct, path, findings);
					return;
				}
				for (Map.Entry<String, JsonNode> field : node.properties()) {
					String name = field.getKey();
					if (mark == 0 && name.equals("status")) {
						continue;
					}
					SchemaType fieldType = type.field(name);
					path.append((mark == 0) ? "" : ".").append(name);
					if (fieldType == null) {
						unknownField(name, type, path, findings);
					}
					else {
						walk(field.getValue(), fieldType, type, path, findings);
					}
					path.setLength(mark);
				}
			}
			case LIST -> {
				if (!node.isArray()) {
					wrongType(node, type, struct, path, findings);
					return;
				}
				for (int i = 0; i < node.size(); i++) {
					walk(node.get(i), type.element(), struct, path.append('[').append(i).append(']'), findings);
					path.setLength(mark);
				}
			}
			case MAP -> {
				if (!node.isObject()) {
					wrongType(node, type, struct, path, findings);
					return;
				}
				for (Map.Entry<String, JsonNode> entry : node.properties()) {
					walk(entry.getValue(), type.element(), struct, path.append('[').append(entry.getKey()).append(']'),
							findings);
					path.setLength(mark);
				}
			}
			default -> checkScalar(node, type, struct, path, findings);
		}
	}

	private static void checkScalar(JsonNode node, SchemaType type, SchemaType struct, StringBuilder path,
			Findings findings) {
		switch (type.kind()) {
			case STRING -> {
				if (!node.isString()) {
					wrongType(node, type, struct, path, findings);
				}
			}
			case INT32 -> {
				if (!(node.isIntegralNumber() && node.canConvertToInt())) {
					wrongType(node, type, struct, path, findings);
				}
			}
			case INT64 -> {
				if (!(node.isIntegralNumber() && node.canConvertToLong())) {
					wrongType(node, type, struct, path, findings);
				}
			}
			case FLOAT -> {
				if (!node.isNumber()) {
					wrongType(node, type, struct, path, findings);
				}
			}
			case BOOLEAN -> {
				if (!node.isBoolean()) {
					wrongType(node, type, struct, path, findings);
				}
			}
			case INT_OR_STRING -> {
				// IntOrString decodes a non-string as a Go int32 on its own, without the
				// field's name
				if (!node.isString() && !(node.isIntegralNumber() && node.canConvertToInt())) {
					findings.add(path.toString(),
							"json: cannot unmarshal " + jsonValue(node, true) + " into Go value of type int32");
				}
			}
			case QUANTITY -> {
				// Quantity parses whatever it is given that is no string as a number
				if (!node.isString() && !node.isNumber()) {
					findings.add(path.toString(), Quantity.FORMAT_ERROR);
				}
			}
			case TIME -> {
				if (!node.isString()) {
					findings.add(path.toString(),
							"json: cannot unmarshal " + jsonValue(node, false) + " into Go value of type string");
				}
			}
			case BYTES -> {
				if (!node.isString()) {
					wrongType(node, type, struct, path, findings);
				}
				else {
					int bad = Base64Text.firstBadByte(node.stringValue());
					if (bad >= 0) {
						findings.add(path.toString(), "illegal base64 data at input byte " + bad);
					}
				}
			}
			default -> {
				// ANY: RawExtension and JSON fields take every value
			}
		}
	}

	private static void unknownField(String name, SchemaType object, StringBuilder path, Findings findings) {
		String meant = NearMiss.of(name, object.fieldNames());
		String where = path.toString();
		findings.add(where, UNKNOWN_FIELD + Messages.quote(where)
				+ ((meant != null) ? "; did you mean " + Messages.quote(meant) + "?" : ""));
	}

	/**
	 * Go's {@code UnmarshalTypeError}: the struct that holds the field, then the field's
	 * path from the root by JSON names without list indexes or map keys, then the Go type
	 * it decodes into.
	 */
	private static void wrongType(JsonNode node, SchemaType type, SchemaType struct, StringBuilder path,
			Findings findings) {
		boolean integer = type.kind() == SchemaType.Kind.INT32 || type.kind() == SchemaType.Kind.INT64;
		findings.add(path.toString(), "json: cannot unmarshal " + jsonValue(node, integer) + " into Go struct field "
				+ struct.structName() + "." + withoutIndexes(path) + " of type " + type.goName());
	}

	/**
	 * The value as Go's decoder names it; a number that is no integer of the type also
	 * shows itself.
	 */
	static String jsonValue(JsonNode node, boolean integer) {
		if (node.isObject()) {
			return "object";
		}
		if (node.isArray()) {
			return "array";
		}
		if (node.isString()) {
			return "string";
		}
		if (node.isBoolean()) {
			return "bool";
		}
		return integer ? "number " + node.asString() : "number";
	}

	private static String withoutIndexes(StringBuilder path) {
		StringBuilder plain = new StringBuilder(path.length());
		int depth = 0;
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '[') {
				depth++;
			}
			else if (c == ']') {
				depth--;
			}
			else if (depth == 0) {
				plain.append(c);
			}
		}
		return plain.toString();
	}

	private static Map<WorkloadKind, SchemaType> workloads() {
		Map<WorkloadKind, SchemaType> kinds = new EnumMap<>(WorkloadKind.class);
		for (WorkloadKind kind : WorkloadKind.values()) {
			kinds.put(kind, SchemaType.of(BuiltInKinds.modelClass(kind.apiVersion(), kind.kindName())));
		}
		return kinds;
	}

}
