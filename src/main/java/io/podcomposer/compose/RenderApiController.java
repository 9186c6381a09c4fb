package io.podcomposer.compose;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.podcomposer.manifest.DocumentBody;
import io.podcomposer.manifest.ManifestAnswer;
import io.podcomposer.system.WorkMeters;

import static io.podcomposer.manifest.DocumentBody.JSON;
import static io.podcomposer.manifest.DocumentBody.TEXT_YAML;
import static io.podcomposer.manifest.DocumentBody.X_YAML;
import static io.podcomposer.manifest.DocumentBody.YAML;

/**
 * {@code POST /api/v1/render}: a template with values, or a bare manifest, in; the
 * manifest a cluster gets out, as YAML or JSON. It keeps nothing.
 */
@RestController
@Tag(name = "Render")
class RenderApiController {

	private final WorkMeters meters;

	RenderApiController(WorkMeters meters) {
		this.meters = meters;
	}

	@Operation(summary = "Render a template or a manifest",
			// springdoc resolves ${...} in descriptions as properties; the backslash
			// keeps them as text
			description = "The body is a template document (parameters, manifest, values) or a bare manifest, "
					+ "as JSON or YAML. Placeholders \\${NAME} in string values are filled from values, else from "
					+ "the parameter's default; $\\${NAME} stays a literal \\${NAME}. A conversion's notes come "
					+ "back as Warning headers.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = JSON, examples = @ExampleObject(value = """
							{"parameters": [{"name": "IMAGE_TAG", "default": "1.27", "required": false}],
							 "manifest": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
							   "spec": {"containers": [{"name": "web", "image": "nginx:${IMAGE_TAG}"}]}},
							 "values": {"IMAGE_TAG": "1.29"}}""")), @Content(mediaType = YAML),
							@Content(mediaType = X_YAML), @Content(mediaType = TEXT_YAML) }))
	@ApiResponse(responseCode = "200", description = "The rendered manifest",
			content = { @Content(mediaType = YAML), @Content(mediaType = JSON) })
	@ApiResponse(responseCode = "400", description = "Malformed YAML or JSON; line and column in detail",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "413",
			description = "Body over 1 MiB, or aliases or placeholders that expand it past 1 MiB (as JSON)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "422",
			description = "Unsupported kind or apiVersion, invalid template fields, or missing required values",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping(path = "/api/v1/render", consumes = { JSON, YAML, X_YAML, TEXT_YAML },
			produces = { YAML, X_YAML, TEXT_YAML, JSON })
	ResponseEntity<String> render(
			@Parameter(description = "Convert the output to this kind, as in Deployment or "
					+ "CronJob; the pod's labels become the selector") @RequestParam(required = false) String kind,
			HttpServletRequest request) throws IOException {
		RenderRequest render = RenderRequest.from(DocumentBody.read(request));
		return ManifestAnswer.of(this.meters.render(() -> render.render(ManifestAnswer.targetKind(kind))), request);
	}

}
