package io.podcomposer.validation;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.system.DocumentBody;
import io.podcomposer.system.WorkMeters;

import static io.podcomposer.system.DocumentBody.JSON;
import static io.podcomposer.system.DocumentBody.TEXT_YAML;
import static io.podcomposer.system.DocumentBody.X_YAML;
import static io.podcomposer.system.DocumentBody.YAML;

/**
 * {@code POST /api/v1/validate}: a manifest in; what the API server would say of it, the
 * best-practice hints and its Pod Security level out. It keeps nothing. A manifest that parses
 * always gets a 200, however wrong its fields: those are the answer's errors.
 */
@RestController
@Tag(name = "Validate")
class ValidateApiController {

	private final WorkMeters meters;

	ValidateApiController(WorkMeters meters) {
		this.meters = meters;
	}

	@Operation(summary = "Validate a manifest",
			description = "The body is one manifest of a supported kind, as JSON or YAML. valid tells whether the "
					+ "API server would accept it on create; errors are what it would refuse, warnings are "
					+ "best-practice hints that never block. podSecurity is the highest Pod Security Standards level "
					+ "the pod meets, with each check it fails in the admission controller's words. For workload "
					+ "kinds the pod template is judged, with paths under spec.template.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = YAML, examples = @ExampleObject(value = """
							apiVersion: v1
							kind: Pod
							metadata:
							  name: web
							spec:
							  containers:
							  - name: web
							    image: nginx:1.27
							    securityContext:
							      capabilities:
							        add: [IPC_LOCK]""")),
					@Content(mediaType = X_YAML), @Content(mediaType = TEXT_YAML), @Content(mediaType = JSON) }))
	@ApiResponse(responseCode = "200", description = "The findings, whether or not the manifest is valid",
			content = @Content(mediaType = JSON, schema = @Schema(implementation = ValidationReport.class),
					examples = @ExampleObject(value = """
							{"valid": true, "errors": [],
							 "warnings": [{"path": "spec.containers[0].image",
							   "message": "image \\"nginx:latest\\" uses :latest: pin a version or a digest",
							   "rule": "image-tag"}],
							 "podSecurity": {"level": "privileged", "violations": [{"level": "baseline",
							   "check": "capabilities_baseline", "reason": "non-default capabilities",
							   "detail": "container \\"web\\" must not include \\"IPC_LOCK\\" in securityContext.capabilities.add",
							   "paths": ["spec.containers[0].securityContext.capabilities.add"]}]}}""")))
	@ApiResponse(responseCode = "400",
			description = "Not one well-formed YAML or JSON document (line and column in detail), empty, not UTF-8, "
					+ "or beyond the reader's limits: aliases, nesting depth, custom tags",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "413",
			description = "Body over 1 MiB, or aliases that expand it past 1 MiB (as JSON)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "415", description = "A Content-Type other than JSON or YAML",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "422", description = "Not an object of a supported kind and apiVersion",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping(path = "/api/v1/validate", consumes = { JSON, YAML, X_YAML, TEXT_YAML }, produces = JSON)
	ValidationReport validate(HttpServletRequest request) throws IOException {
		return this.meters.validate(Manifest.of(DocumentBody.read(request)));
	}

}
