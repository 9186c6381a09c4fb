package io.podcomposer.kube;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.util.ModelMapper;
import tools.jackson.databind.JsonNode;

/**
 * The fields the API server's schema declares for the kinds the fake serves, read from
 * the official client's models (their {@code @SerializedName} fields), so that they are
 * the fields of the Kubernetes version client-java was generated from, not a hand-kept
 * list.
 */
final class KnownFields {

	private static final String MODELS = "io.kubernetes.client.openapi.models.";

	/**
	 * The JSON name of each field of a model class and its Java type, by class; built
	 * once a class.
	 */
	private static final Map<Class<?>, Map<String, Type>> FIELDS = new ConcurrentHashMap<>();

	private KnownFields() {
	}

	/**
	 * The fields of an applied object that its kind's schema does not declare, each as
	 * the structured-merge-diff path server-side apply names it
	 * ({@code .spec.containers[name="web"].x}).
	 */
	static List<String> undeclared(ResourceType type, JsonNode object) {
		Class<?> model = ModelMapper.preBuiltGetApiTypeClass(type.group(), type.version(), type.kind());
		if (model == null) {
			throw new IllegalStateException("no model for " + type.kind());
		}
		List<String> found = new ArrayList<>();
		walk(model, object, "", found);
		return found;
	}

	private static void walk(Type type, JsonNode value, String path, List<String> found) {
		if (type instanceof ParameterizedType parameterized) {
			Class<?> raw = (Class<?>) parameterized.getRawType();
			Type[] arguments = parameterized.getActualTypeArguments();
			if (List.class.isAssignableFrom(raw) && value.isArray()) {
				int index = 0;
				for (JsonNode element : value) {
					walk(arguments[0], element, path + element(element, index++), found);
				}
			}
			else if (Map.class.isAssignableFrom(raw) && value.isObject()) {
				value.properties()
					.forEach(entry -> walk(arguments[1], entry.getValue(), path + "." + entry.getKey(), found));
			}
			return;
		}
		if (!(type instanceof Class<?> model) || !model.getName().startsWith(MODELS) || model.isEnum()
				|| !value.isObject()) {
			return;
		}
		Map<String, Type> fields = fields(model);
		value.properties().forEach(entry -> {
			Type fieldType = fields.get(entry.getKey());
			String fieldPath = path + "." + entry.getKey();
			if (fieldType == null) {
				found.add(fieldPath);
			}
			else {
				walk(fieldType, entry.getValue(), fieldPath, found);
			}
		});
	}

	/**
	 * How a path names a list element: by its name when it has one (the usual list map
	 * key), else by index.
	 */
	private static String element(JsonNode element, int index) {
		JsonNode name = element.path("name");
		return name.isString() ? "[name=\"" + name.asString() + "\"]" : "[" + index + "]";
	}

	private static Map<String, Type> fields(Class<?> model) {
		return FIELDS.computeIfAbsent(model, (type) -> {
			Map<String, Type> fields = new HashMap<>();
			for (Class<?> current = type; current != null
					&& current != Object.class; current = current.getSuperclass()) {
				for (Field field : current.getDeclaredFields()) {
					SerializedName name = field.getAnnotation(SerializedName.class);
					if (name != null) {
						fields.put(name.value(), field.getGenericType());
					}
				}
			}
			return Map.copyOf(fields);
		});
	}

}
