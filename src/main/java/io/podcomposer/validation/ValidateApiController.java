package io.podcomposer.validation;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.podcomposer.manifest.DocumentBody;
import io.podcomposer.system.WorkMeters;

import static io.podcomposer.manifest.DocumentBody.JSON;
import static io.podcomposer.manifest.DocumentBody.TEXT_YAML;
import static io.podcomposer.manifest.DocumentBody.X_YAML;
import static io.podcomposer.manifest.DocumentBody.YAML;

/**
 * {@code POST /api/v1/validate}: a manifest, or a file of them, in; what the API server
 * would say of each, the best-practice hints and the Pod Security level out. It keeps
 * nothing. A body that parses always gets a 200, however wrong its fields: those are the
 * answer's errors.
 */
@RestController
@Tag(name = "Validate")
class ValidateApiController {

	private final WorkMeters meters;

	ValidateApiController(WorkMeters meters) {
		this.meters = meters;
	}

	@Operation(summary = "Validate a manifest or a file of them",
			description = "The body is one Kubernetes object, several YAML documents (---), or a kind: List, as JSON "
					+ "or YAML. One object (not a List) gets the answer ValidationReport: valid tells whether the API "
					+ "server would accept it on create; errors are what it would refuse, warnings are best-practice "
					+ "hints that never block. Several objects, or a List, get FileReport: valid when every checked "
					+ "object is, and documents, a report per object in order with its index, path in the body "
					+ "(documents[1], items[0], documents[0].items[2]), kind and name. Every built-in kind of the "
					+ "Kubernetes release the portal targets gets the schema check as the API server decodes with "
					+ "strict field validation: unknown fields (strict decoding error: unknown field \"spec.x\", with "
					+ "the field it most likely meant) and wrong types (json: cannot unmarshal ...). The kinds that "
					+ "run pods (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob) also get every "
					+ "validation rule, the hints, and podSecurity: the highest Pod Security Standards level the pod "
					+ "meets, with each check it fails in the admission controller's words; for workload kinds the pod "
					+ "template is judged, with paths under spec.template. A kind the API server does not build in "
					+ "(a custom resource) is not checked: checked false, valid true, and a warning saying so; an "
					+ "unknown kind in a built-in group (apps/v1 Pod) is an error. An object that names no kind is "
					+ "an error of its document in a file, and 422 when sent alone.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = YAML, examples = { @ExampleObject(name = "pod", value = """
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
							        add: [IPC_LOCK]"""), @ExampleObject(name = "file", value = """
							apiVersion: v1
							kind: Service
							metadata: {name: web}
							spec:
							  selector: {app: web}
							  ports: [{port: 80}]
							---
							apiVersion: v1
							kind: ConfigMap
							metadata: {name: web}
							data: {mode: fast}""") }), @Content(mediaType = X_YAML), @Content(mediaType = TEXT_YAML),
							@Content(mediaType = JSON) }))
	@ApiResponse(responseCode = "200", description = "The findings, whether or not the objects are valid",
			content = @Content(mediaType = JSON, schema = @Schema(oneOf = { ValidationReport.class, FileReport.class }),
					examples = {
							@ExampleObject(name = "one object",
									value = """
											{"valid": true, "errors": [],
											 "warnings": [{"path": "spec.containers[0].image",
											   "message": "image \\"nginx:latest\\" uses :latest: pin a version or a digest",
											   "rule": "image-tag"}],
											 "podSecurity": {"level": "privileged", "violations": [{"level": "baseline",
											   "check": "capabilities_baseline", "reason": "non-default capabilities",
											   "detail": "container \\"web\\" must not include \\"IPC_LOCK\\" in securityContext.capabilities.add",
											   "paths": ["spec.containers[0].securityContext.capabilities.add"]}]}}"""),
							@ExampleObject(name = "a file",
									value = """
											{"valid": false, "documents": [
											 {"index": 0, "path": "documents[0]", "kind": "Service", "name": "web", "checked": true,
											  "valid": false, "errors": [{"path": "spec.ports[0].prot",
											  "message": "strict decoding error: unknown field \\"spec.ports[0].prot\\"; did you mean \\"port\\"?",
											  "rule": "structure"}], "warnings": []},
											 {"index": 1, "path": "documents[1]", "kind": "Widget", "name": "w", "checked": false,
											  "valid": true, "errors": [], "warnings": [{"path": "kind", "message":
											  "not checked: \\"example.com/v1\\" \\"Widget\\" is no built-in kind of Kubernetes 1.36 (a custom resource?), so its fields were not looked at",
											  "rule": "kind"}]}]}""") }))
	@ApiResponse(responseCode = "400",
			description = "Not well-formed YAML or JSON (line and column in detail), empty, not UTF-8, "
					+ "or beyond the reader's limits: aliases, nesting depth, custom tags",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "413",
			description = "Body over 1 MiB, aliases that expand it past 1 MiB (as JSON), or more than "
					+ FileValidator.MAX_OBJECTS + " objects (documents and List items)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "415", description = "A Content-Type other than JSON or YAML",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "422", description = "One document alone that is no object naming its kind",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping(path = "/api/v1/validate", consumes = { JSON, YAML, X_YAML, TEXT_YAML }, produces = JSON)
	Object validate(HttpServletRequest request) throws IOException {
		List<JsonNode> documents = DocumentBody.readDocuments(request);
		return FileValidator.isSingleObject(documents)
				? this.meters.validate(() -> FileValidator.validateOne(documents.get(0)))
				: this.meters.validate(() -> FileValidator.validateAll(documents));
	}

}
