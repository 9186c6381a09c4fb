package io.podcomposer.validation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;

/**
 * What a field must hold for the API server to decode it, read from the official client's
 * model classes (client-java-api): each model class is an object whose fields are its
 * {@code @SerializedName} fields, typed as the API's Go struct is. Each type knows its Go
 * name, as the API server's decoding errors print it ({@code int32},
 * {@code []v1.Container}, {@code map[string]string}). Model objects are made once per
 * class and read their fields on first use, so a kind's schema costs nothing until a
 * document of it is checked.
 */
final class SchemaType {

	enum Kind {

		STRING, INT32, INT64, FLOAT, BOOLEAN, INT_OR_STRING, QUANTITY, TIME, BYTES, ANY, LIST, MAP, OBJECT

	}

	private static final Map<Class<?>, SchemaType> MODELS = new ConcurrentHashMap<>();

	private static final SchemaType STRING = new SchemaType(Kind.STRING, "string", null, null);

	private static final SchemaType INT32 = new SchemaType(Kind.INT32, "int32", null, null);

	private static final SchemaType INT64 = new SchemaType(Kind.INT64, "int64", null, null);

	private static final SchemaType FLOAT = new SchemaType(Kind.FLOAT, "float64", null, null);

	private static final SchemaType BOOLEAN = new SchemaType(Kind.BOOLEAN, "bool", null, null);

	private static final SchemaType INT_OR_STRING = new SchemaType(Kind.INT_OR_STRING, "intstr.IntOrString", null,
			null);

	private static final SchemaType QUANTITY = new SchemaType(Kind.QUANTITY, "resource.Quantity", null, null);

	private static final SchemaType TIME = new SchemaType(Kind.TIME, "v1.Time", null, null);

	/** Go's {@code []byte}, which it prints as {@code []uint8}: base64 text in JSON. */
	private static final SchemaType BYTES = new SchemaType(Kind.BYTES, "[]uint8", null, null);

	/** RawExtension, JSON and other free-form fields: anything decodes. */
	private static final SchemaType ANY = new SchemaType(Kind.ANY, "interface {}", null, null);

	private final Kind kind;

	private final String goName;

	private final SchemaType element;

	private final Class<?> model;

	/**
	 * An object's fields by JSON name, read on first use; written once, then only read.
	 */
	private volatile Map<String, SchemaType> fields;

	private volatile List<String> fieldNames;

	private SchemaType(Kind kind, String goName, SchemaType element, Class<?> model) {
		this.kind = kind;
		this.goName = goName;
		this.element = element;
		this.model = model;
	}

	/** The object type of a model class; the same instance for the same class. */
	static SchemaType of(Class<?> model) {
		return MODELS.computeIfAbsent(model, (type) -> new SchemaType(Kind.OBJECT, goName(type), null, type));
	}

	Kind kind() {
		return this.kind;
	}

	/**
	 * The type as Go prints it: {@code int32}, {@code v1.PodSpec},
	 * {@code []v1.Container}.
	 */
	String goName() {
		return this.goName;
	}

	/** A list's or a map's values. */
	SchemaType element() {
		return this.element;
	}

	/** An object's field of this JSON name, or null when the model has none. */
	SchemaType field(String name) {
		return fields().get(name);
	}

	/** An object's field names, sorted, for suggesting one for a misspelt name. */
	List<String> fieldNames() {
		fields();
		return this.fieldNames;
	}

	/** The Go struct name, without its package: {@code PodSpec}. */
	String structName() {
		return this.goName.substring(this.goName.indexOf('.') + 1);
	}

	private Map<String, SchemaType> fields() {
		Map<String, SchemaType> read = this.fields;
		if (read == null) {
			// two threads may both read the class: the result is the same, and fieldNames
			// is set first
			Map<String, SchemaType> all = new HashMap<>();
			for (Field field : this.model.getDeclaredFields()) {
				SerializedName name = field.getAnnotation(SerializedName.class);
				if (name != null && !Modifier.isStatic(field.getModifiers())) {
					all.put(name.value(), typeOf(field.getGenericType()));
				}
			}
			List<String> names = new ArrayList<>(all.keySet());
			Collections.sort(names);
			this.fieldNames = List.copyOf(names);
			read = Map.copyOf(all);
			this.fields = read;
		}
		return read;
	}

	private static SchemaType typeOf(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			Type raw = parameterized.getRawType();
			Type[] arguments = parameterized.getActualTypeArguments();
			SchemaType element = typeOf(arguments[arguments.length - 1]);
			if (raw == List.class) {
				return new SchemaType(Kind.LIST, "[]" + element.goName, element, null);
			}
			if (raw == Map.class) {
				return new SchemaType(Kind.MAP, "map[string]" + element.goName, element, null);
			}
			return ANY;
		}
		if (type == String.class) {
			return STRING;
		}
		if (type == Integer.class) {
			return INT32;
		}
		if (type == Long.class) {
			return INT64;
		}
		if (type == Double.class || type == Float.class) {
			return FLOAT;
		}
		if (type == Boolean.class) {
			return BOOLEAN;
		}
		if (type == IntOrString.class) {
			return INT_OR_STRING;
		}
		if (type == Quantity.class) {
			return QUANTITY;
		}
		if (type == OffsetDateTime.class) {
			return TIME;
		}
		if (type == byte[].class) {
			return BYTES;
		}
		if (type instanceof Class<?> model && model.getName().startsWith(BuiltInKinds.MODELS_PACKAGE)) {
			return of(model);
		}
		return ANY;
	}

	/**
	 * The Go name of a model class: its version prefix as the package, the rest as the
	 * type, as in {@code V1PodSpec} → {@code v1.PodSpec}, {@code CoreV1EventSeries} →
	 * {@code v1.EventSeries}.
	 */
	private static String goName(Class<?> model) {
		String name = model.getSimpleName();
		String[] versionAndKind = BuiltInKinds.versionAndKind(name);
		return (versionAndKind == null) ? name : versionAndKind[0] + "." + versionAndKind[1];
	}

}
