package io.podcomposer.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.podcomposer.manifest.KindConversion;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.system.DocumentBody;

import static io.podcomposer.system.DocumentBody.JSON;
import static io.podcomposer.system.DocumentBody.TEXT_YAML;
import static io.podcomposer.system.DocumentBody.X_YAML;
import static io.podcomposer.system.DocumentBody.YAML;

/**
 * {@code POST /api/v1/render}: a template with values, or a bare manifest, in; the manifest a
 * cluster gets out, as YAML or JSON. It keeps nothing.
 */
@RestController
@Tag(name = "Render")
class RenderApiController {

	/** What the answer can be, YAML first as the default. */
	private static final List<MediaType> OFFERED = List.of(MediaType.parseMediaType(YAML),
			MediaType.parseMediaType(X_YAML), MediaType.parseMediaType(TEXT_YAML), MediaType.APPLICATION_JSON);

	@Operation(summary = "Render a template or a manifest",
			// springdoc resolves ${...} in descriptions as properties; the backslash keeps them as text
			description = "The body is a template document (parameters, manifest, values) or a bare manifest, "
					+ "as JSON or YAML. Placeholders \\${NAME} in string values are filled from values, else from "
					+ "the parameter's default; $\\${NAME} stays a literal \\${NAME}. A conversion's notes come "
					+ "back as Warning headers.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = JSON, examples = @ExampleObject(value = """
							{"parameters": [{"name": "IMAGE_TAG", "default": "1.27", "required": false}],
							 "manifest": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
							   "spec": {"containers": [{"name": "web", "image": "nginx:${IMAGE_TAG}"}]}},
							 "values": {"IMAGE_TAG": "1.29"}}""")),
					@Content(mediaType = YAML), @Content(mediaType = X_YAML), @Content(mediaType = TEXT_YAML) }))
	@ApiResponse(responseCode = "200", description = "The rendered manifest",
			content = { @Content(mediaType = YAML), @Content(mediaType = JSON) })
	@ApiResponse(responseCode = "400", description = "Malformed YAML or JSON; line and column in detail",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "413", description = "Body over 1 MiB",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "422",
			description = "Unsupported kind or apiVersion, invalid template fields, or missing required values",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping(path = "/api/v1/render", consumes = { JSON, YAML, X_YAML, TEXT_YAML },
			produces = { YAML, X_YAML, TEXT_YAML, JSON })
	ResponseEntity<String> render(@Parameter(description = "Convert the output to this kind, as in Deployment or "
			+ "CronJob; the pod's labels become the selector") @RequestParam(required = false) String kind,
			HttpServletRequest request) throws IOException {
		KindConversion.Result result = RenderRequest.from(DocumentBody.read(request)).render(targetKind(kind));

		MediaType type = answerType(request);
		String body = MediaType.APPLICATION_JSON.equals(type) ? ManifestWriter.toJson(result.manifest().root())
				: ManifestWriter.toYaml(result.manifest().root());
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(new MediaType(type, StandardCharsets.UTF_8));
		// the Kubernetes API tells of such changes the same way
		result.notes().forEach((note) -> response.header("Warning", "299 - \"" + quoted(note) + "\""));
		return response.body(body);
	}

	private static WorkloadKind targetKind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		return WorkloadKind.fromKindName(kind)
			.orElseThrow(() -> new UnsupportedManifestException("kind \"" + kind
					+ "\" is not supported for conversion; supported kinds are " + Manifest.supportedKinds()));
	}

	/** The offered type the client prefers; Spring has already answered 406 when there is none. */
	private static MediaType answerType(HttpServletRequest request) {
		List<MediaType> accepted = new ArrayList<>(
				MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT))));
		MimeTypeUtils.sortBySpecificity(accepted);
		for (MediaType range : accepted) {
			for (MediaType offered : OFFERED) {
				if (range.includes(offered)) {
					return offered;
				}
			}
		}
		return OFFERED.get(0);
	}

	/**
	 * A note as a quoted-string: names in it come from the user's manifest. A header carries only
	 * printable ASCII (the server drops it otherwise), so anything else becomes "?".
	 */
	private static String quoted(String note) {
		return note.replaceAll("[^\\x20-\\x7E]", "?").replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
