package io.podcomposer.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of the OpenAPI description shares, added here by rule rather than
 * annotated on each method: the problem answers it may give (401 and 403 to all, 400
 * where it reads a body or parameters, 404 where the path names something, 413, 415 and
 * 422 where it reads a body, and any other status its description names), each as
 * {@code application/problem+json}; and the order of its sections, the everyday ones
 * first and the admin ones last.
 */
@Component
class ApiDescriptionRules implements OpenApiCustomizer, OperationCustomizer {

	/** Swagger UI shows the sections in this order. */
	static final List<String> TAG_ORDER = List.of("Render", "Validate", "Templates", "Deployments", "Clusters",
			"Account", "Users", "Audit");

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	/** A status written out in an operation's description, as in "Taken name: 409". */
	private static final Pattern NAMED_STATUS = Pattern.compile("\\b([45]\\d\\d)\\b");

	/**
	 * An operation that reads its body itself (a manifest as JSON or YAML, through the
	 * request) has no body parameter for springdoc to see: its mapping's media types
	 * describe the body, so that Swagger UI offers a field for it and the body's problems
	 * are documented.
	 */
	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (operation.getRequestBody() == null && mapping != null && mapping.consumes().length > 0) {
			Content content = new Content();
			for (String type : mapping.consumes()) {
				content.addMediaType(type, new MediaType().schema(new StringSchema()));
			}
			operation.setRequestBody(new RequestBody().required(true).content(content));
		}
		return operation;
	}

	@Override
	public void customise(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents().addSchemas(PROBLEM, problemSchema());
		orderTags(api);
		if (api.getPaths() != null) {
			api.getPaths()
				.forEach((path, item) -> item.readOperations().forEach((operation) -> addProblems(path, operation)));
		}
	}

	private static void orderTags(OpenAPI api) {
		List<Tag> tags = new ArrayList<>((api.getTags() != null) ? api.getTags() : List.of());
		// a tag without a description is only on its operations; listed here, it takes
		// its place too
		if (api.getPaths() != null) {
			api.getPaths()
				.values()
				.stream()
				.flatMap((item) -> item.readOperations().stream())
				.flatMap((operation) -> (operation.getTags() != null) ? operation.getTags().stream() : Stream.empty())
				.distinct()
				.filter((name) -> tags.stream().noneMatch((tag) -> tag.getName().equals(name)))
				.forEach((name) -> tags.add(new Tag().name(name)));
		}
		// a section without a place goes last, where a test notices it
		tags.sort(Comparator.comparingInt((Tag tag) -> {
			int place = TAG_ORDER.indexOf(tag.getName());
			return (place < 0) ? TAG_ORDER.size() : place;
		}));
		api.setTags(tags);
	}

	private static void addProblems(String path, Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		Map<String, String> problems = new TreeMap<>();
		boolean readsBody = operation.getRequestBody() != null;
		boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
		if (readsBody || hasParameters) {
			problems.put("400", readsBody
					? "Malformed JSON or YAML (line and column in detail), or a parameter of the" + " wrong type"
					: "A parameter of the wrong type or out of range");
		}
		problems.put("401", "No API token or browser session, or a token that is unknown or revoked, or whose user is"
				+ " disabled or locked. Send Authorization: Bearer <token>.");
		problems.put("403", "The caller lacks the role this needs (the detail names it), or a change signed in by the"
				+ " browser's session came without its CSRF token.");
		if (path.contains("{")) {
			problems.put("404", "Nothing with this name or id");
		}
		if (readsBody) {
			problems.put("413", "A body over 1 MiB");
			problems.put("415", "A Content-Type this operation does not read");
			problems.put("422", "Invalid fields, each named in errors with its path");
		}
		Matcher named = NAMED_STATUS.matcher(Objects.toString(operation.getDescription(), ""));
		while (named.find()) {
			HttpStatus status = HttpStatus.resolve(Integer.parseInt(named.group(1)));
			if (status != null) {
				problems.putIfAbsent(named.group(1), status.getReasonPhrase() + ": see the description");
			}
		}
		problems.forEach((code, description) -> operation.getResponses()
			.computeIfAbsent(code, (absent) -> new ApiResponse().description(description)));
		// every 4xx and 5xx answer is a problem, also those annotated without a schema
		operation.getResponses().forEach((code, response) -> {
			if (code.startsWith("4") || code.startsWith("5")) {
				withProblemSchema(response);
			}
		});
	}

	private static void withProblemSchema(ApiResponse response) {
		if (response.getContent() == null) {
			response.setContent(new Content());
		}
		MediaType problem = response.getContent().computeIfAbsent(PROBLEM_JSON, (absent) -> new MediaType());
		if (problem.getSchema() == null) {
			problem.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
		}
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Invalid fields"))
			.addProperty("status", new IntegerSchema().example(422))
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().example("/api/v1/validate"))
			.addProperty("errors", new ArraySchema().description("For field problems: each field at fault")
				.items(new ObjectSchema()
					.addProperty("path", new StringSchema().example("spec.containers[1].ports[0].containerPort"))
					.addProperty("message", new StringSchema())
					.addProperty("rule", new StringSchema())));
	}

}
