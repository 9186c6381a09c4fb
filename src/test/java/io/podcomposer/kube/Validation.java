package io.podcomposer.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/** The part of the API server's validation the portal can run into, in its words. */
final class Validation {

	private static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private Validation() {
	}

	/**
	 * One field error: {@code reason} is the Status cause type, {@code message} what
	 * follows the field.
	 */
	record FieldError(String field, String reason, String message) {

		@Override
		public String toString() {
			return field + ": " + message;
		}
	}

	static List<FieldError> errors(ResourceType type, JsonNode object) {
		List<FieldError> errors = new ArrayList<>();
		String name = object.at("/metadata/name").asString("");
		if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
			errors.add(new FieldError("metadata.name", "FieldValueInvalid", "Invalid value: \"" + name + "\": "
					+ "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
					+ "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
					+ "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
		}
		String templatePath = switch (type.kind()) {
			case "Pod" -> "";
			case "CronJob" -> "spec.jobTemplate.spec.template.";
			default -> "spec.template.";
		};
		JsonNode template = type.equals(ResourceType.PODS) ? object : type.equals(ResourceType.CRONJOBS)
				? object.at("/spec/jobTemplate/spec/template") : object.at("/spec/template");
		if (type.group().equals("apps")) {
			selector(object, errors);
		}
		JsonNode spec = template.path("spec");
		if (spec.path("containers").isEmpty()) {
			errors.add(new FieldError(templatePath + "spec.containers", "FieldValueRequired", "Required value"));
		}
		for (String list : List.of("initContainers", "containers")) {
			int index = 0;
			for (JsonNode container : spec.path(list)) {
				String field = templatePath + "spec." + list + "[" + index++ + "]";
				if (container.path("name").asString("").isEmpty()) {
					errors.add(new FieldError(field + ".name", "FieldValueRequired", "Required value"));
				}
				if (container.path("image").asString("").isBlank()) {
					errors.add(new FieldError(field + ".image", "FieldValueRequired", "Required value"));
				}
			}
		}
		if (type.group().equals("batch")) {
			String restartPolicy = spec.path("restartPolicy").asString("Always");
			if (!restartPolicy.equals("OnFailure") && !restartPolicy.equals("Never")) {
				errors.add(new FieldError(templatePath + "spec.restartPolicy", "FieldValueNotSupported",
						"Unsupported value: \"" + restartPolicy + "\": supported values: \"OnFailure\", \"Never\""));
			}
		}
		return errors;
	}

	/** The message of a 422 for these errors: one inline, several in brackets. */
	static String message(ResourceType type, String name, List<FieldError> errors) {
		String list = errors.size() == 1 ? errors.get(0).toString()
				: errors.stream().map(FieldError::toString).collect(Collectors.joining(", ", "[", "]"));
		return type.qualifiedKind() + " \"" + name + "\" is invalid: " + list;
	}

	private static void selector(JsonNode object, List<FieldError> errors) {
		JsonNode matchLabels = object.at("/spec/selector/matchLabels");
		if (!object.at("/spec/selector").isObject() || object.at("/spec/selector").isEmpty()) {
			errors.add(new FieldError("spec.selector", "FieldValueRequired", "Required value"));
			return;
		}
		JsonNode labels = object.at("/spec/template/metadata/labels");
		Map<String, String> templateLabels = new TreeMap<>();
		labels.properties().forEach(label -> templateLabels.put(label.getKey(), label.getValue().asString()));
		boolean matches = true;
		for (Map.Entry<String, JsonNode> required : matchLabels.properties()) {
			matches &= required.getValue().asString().equals(templateLabels.get(required.getKey()));
		}
		if (!matches) {
			String goMap = templateLabels.entrySet()
				.stream()
				.map(label -> "\"" + label.getKey() + "\":\"" + label.getValue() + "\"")
				.collect(Collectors.joining(", ", "map[string]string{", "}"));
			errors.add(new FieldError("spec.template.metadata.labels", "FieldValueInvalid",
					"Invalid value: " + goMap + ": `selector` does not match template `labels`"));
		}
	}

}
