package io.podcomposer.templates;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.podcomposer.manifest.ManifestAnswer;
import io.podcomposer.manifest.DocumentBody;

import static io.podcomposer.manifest.DocumentBody.JSON;
import static io.podcomposer.manifest.DocumentBody.TEXT_YAML;
import static io.podcomposer.manifest.DocumentBody.X_YAML;
import static io.podcomposer.manifest.DocumentBody.YAML;

/**
 * {@code /api/v1/templates/import} and {@code /export}: Kubernetes objects in as
 * templates, and the library out as one file that the import restores.
 */
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates")
class LibraryApiController {

	private final TemplateImport imports;

	private final LibraryExport export;

	LibraryApiController(TemplateImport imports, LibraryExport export) {
		this.imports = imports;
		this.export = export;
	}

	@Operation(summary = "Import templates",
			description = "The body holds Kubernetes objects: one or more YAML documents (---), a kind: List, or one "
					+ "JSON object. Each Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob becomes a "
					+ "template named after metadata.name, kept whole; a name that is taken gets a suffix (-2, -3, ...), "
					+ "reported in renamed. Placeholders \\${NAME} in the object are declared as required parameters. "
					+ "Any other document (another kind, a scalar, an empty document but a closing one) is named in a "
					+ "422, and then nothing is saved.\n\n"
					+ "A TemplateLibrary file, as GET /api/v1/templates/export writes it, restores its templates: an "
					+ "entry identical (manifest, parameters, description, tags) to the template of its name, or of a "
					+ "suffixed name, is skipped; one that differs is imported under a suffixed name. A restored "
					+ "template is a new one, at revision 1 by the caller; its revision message tells the revision it "
					+ "had. A library must be the only document of its file (422 otherwise), and an invalid entry is "
					+ "named in a 422 as an unsupported document is. The tag, when given, is added to restored "
					+ "templates too, before they are compared.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = YAML, examples = @ExampleObject(value = """
							apiVersion: v1
							kind: Pod
							metadata: {name: web}
							spec:
							  containers: [{name: web, image: "nginx:${IMAGE_TAG}"}]
							---
							apiVersion: batch/v1
							kind: CronJob
							metadata: {name: nightly}
							spec:
							  schedule: "0 3 * * *"
							  jobTemplate:
							    spec:
							      template:
							        spec:
							          restartPolicy: OnFailure
							          containers: [{name: job, image: busybox}]""")), @Content(mediaType = X_YAML),
							@Content(mediaType = TEXT_YAML), @Content(mediaType = JSON) }))
	@ApiResponse(responseCode = "201", description = "At least one template was created: "
			+ "{\"items\": [templates], \"skipped\": [{\"name\", \"reason\"}], \"renamed\": [{\"from\", \"to\"}]}")
	@ApiResponse(responseCode = "200",
			description = "Nothing was created: every library entry was skipped "
					+ "(or the file held no object); the same body")
	@ApiResponse(responseCode = "400", description = "Malformed YAML or JSON; line and column in detail",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "413", description = "Body over 1 MiB, or aliases that expand it past 1 MiB (as JSON)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "422", description = "Documents or library entries that cannot be templates, each "
			+ "named in errors (path documents[2], items[1] or templates[0].parameters[1].name); nothing was saved",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@PostMapping(path = "/import", consumes = { JSON, YAML, X_YAML, TEXT_YAML }, produces = JSON)
	ResponseEntity<TemplateViews.ImportResult> importTemplates(@Parameter(
			description = "A tag to add to every imported template") @RequestParam(required = false) String tag,
			HttpServletRequest request) throws IOException {
		TemplateViews.ImportResult result = this.imports.run(DocumentBody.readDocuments(request), tag);
		return ResponseEntity.status(result.items().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
	}

	@Operation(summary = "Export the library",
			description = "One file with every template, or those with tag: {apiVersion: podcomposer.io/v1, kind: "
					+ "TemplateLibrary, exportedAt, tag, templates: [{name, description, tags, parameters, manifest, "
					+ "revision, createdAt, createdBy, updatedAt, updatedBy}]}, each with its current manifest as "
					+ "stored. YAML unless Accept asks for JSON; POST it to /api/v1/templates/import to restore.")
	@ApiResponse(responseCode = "200", description = "The library file, as an attachment",
			content = { @Content(mediaType = YAML, schema = @Schema(type = "string")),
					@Content(mediaType = JSON, schema = @Schema(type = "object")) })
	@GetMapping(path = "/export", produces = { YAML, X_YAML, TEXT_YAML, JSON })
	void export(@Parameter(description = "Only the templates with this tag") @RequestParam(required = false) String tag,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.export.download(tag, LibraryExport.Format.of(ManifestAnswer.answerType(request)), response);
	}

}
