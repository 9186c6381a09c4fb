package io.podcomposer.compose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.UnsupportedManifestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * The composer page. The full page and its htmx fragments share URLs: an {@code HX-Request}
 * gets the piece it swaps. Every request carries the manifest the form was drawn from, so the
 * server keeps no state between them.
 */
@Controller
class ComposeController {

	private final ComposerService composer;

	ComposeController(ComposerService composer) {
		this.composer = composer;
	}

	@InitBinder("form")
	void bindFields(WebDataBinder binder) {
		binder.initDirectFieldAccess();
	}

	@GetMapping({ "/", "/compose" })
	String page(@RequestParam(required = false) String example,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Manifest manifest = (example != null) ? Examples.load(example).orElseGet(this.composer::newPod)
				: this.composer.newPod();
		model.addAttribute("editor", this.composer.editor(manifest, List.of(), List.of()));
		return (htmx != null) ? "compose :: editor" : "compose";
	}

	@PostMapping("/compose/preview")
	String preview(@ModelAttribute("form") ComposeForm form, @RequestParam(name = "manifest", required = false) String base,
			WebRequest request, Model model) {
		form.restoreGaps(request.getParameterMap().keySet());
		ComposerService.Composition composition = this.composer.compose(base, form, null);
		model.addAttribute("preview",
				this.composer.preview(composition.manifest(), composition.notes(), composition.problems()));
		return "compose :: preview";
	}

	@PostMapping("/compose/edit")
	String edit(@ModelAttribute("form") ComposeForm form, @RequestParam(name = "manifest", required = false) String base,
			@RequestParam(required = false) String op, WebRequest request, Model model) {
		form.restoreGaps(request.getParameterMap().keySet());
		ComposerService.Composition composition = this.composer.compose(base, form, op);
		model.addAttribute("editor",
				this.composer.editor(composition.manifest(), composition.notes(), composition.problems()));
		return "compose :: editor";
	}

	/** The YAML tab read back into the form; text that does not read stays in the tab with its error. */
	@PostMapping("/compose/yaml")
	String yaml(@RequestParam(name = "yaml", defaultValue = "") String yaml,
			@RequestParam(name = "manifest", required = false) String base, Model model) {
		try {
			Manifest manifest = Manifest.of(ManifestReader.readYaml(yaml));
			model.addAttribute("editor", this.composer.editor(manifest, List.of(), List.of()));
		}
		catch (ManifestParseException ex) {
			model.addAttribute("editor", this.composer.yamlError(baseOrNew(base), yaml, ex));
		}
		catch (UnsupportedManifestException ex) {
			model.addAttribute("editor",
					this.composer.yamlError(baseOrNew(base), yaml, new ManifestParseException(ex.getMessage(), 0, 0)));
		}
		return "compose :: editor";
	}

	@PostMapping("/compose/download")
	ResponseEntity<byte[]> download(@ModelAttribute("form") ComposeForm form,
			@RequestParam(name = "manifest", required = false) String base,
			@RequestParam(defaultValue = "yaml") String format, WebRequest request) {
		form.restoreGaps(request.getParameterMap().keySet());
		ComposerService.Composition composition = this.composer.compose(base, form, null);
		PreviewView preview = this.composer.preview(composition.manifest(), List.of(), List.of());
		boolean json = "json".equals(format);
		String body = json ? preview.json() : preview.yaml();
		return ResponseEntity.ok()
			.contentType(json ? MediaType.APPLICATION_JSON : MediaType.parseMediaType("application/yaml"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(preview.fileName() + (json ? ".json" : ".yaml"), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

	private Manifest baseOrNew(String base) {
		return this.composer.base(base, new ArrayList<>());
	}

}
