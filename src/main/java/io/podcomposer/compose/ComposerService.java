package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestParseException;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.Placeholders;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.system.WorkMeters;
import io.podcomposer.validation.ValidationReport;
import io.podcomposer.validation.Validator;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The composer's round trip: the manifest a form was drawn from, plus the form, gives the
 * new manifest, which gives the next form and the preview.
 */
@Service
public class ComposerService {

	static final String NEW_POD_NAME = "my-pod";

	/**
	 * The longest object name Kubernetes takes; a download is named after at most this
	 * much of it.
	 */
	static final int MAX_FILE_NAME_STEM = 253;

	private final WorkMeters meters;

	ComposerService(WorkMeters meters) {
		this.meters = meters;
	}

	/** A request's manifest and the problems met on the way. */
	record Composition(Manifest manifest, List<String> notes, List<FormProblem> problems) {
	}

	Manifest newPod() {
		return Manifest.newPod(NEW_POD_NAME, "app", "nginx:1.27");
	}

	/** Applies the form onto the manifest it was drawn from, then runs the op, if any. */
	Composition compose(String baseJson, ComposeForm form, String op) {
		List<FormProblem> problems = new ArrayList<>();
		Manifest base = base(baseJson, problems);
		FormApplier.Applied applied = FormApplier.apply(base, form);
		problems.addAll(applied.problems());
		problems.addAll(ComposeOps.run(applied.manifest(), op, form.newVolume));
		return new Composition(applied.manifest(), applied.notes(), problems);
	}

	/**
	 * The manifest a form was drawn from. A missing or damaged one (which the page never
	 * sends) starts from a new pod, and a problem says so.
	 */
	Manifest base(String baseJson, List<FormProblem> problems) {
		try {
			return Manifest.ofComposerState(ManifestReader.readJson(baseJson));
		}
		catch (ManifestParseException | UnsupportedManifestException ex) {
			problems.add(new FormProblem("manifest", "The page's copy of the manifest was unreadable, so the composer "
					+ "started again from a new pod. Reload the page to continue."));
			return newPod();
		}
	}

	EditorView editor(Manifest manifest, List<String> notes, List<FormProblem> problems) {
		return new EditorView(FormReader.read(manifest), json(manifest), preview(manifest, notes, problems), false, "",
				null, 0, FormOptions.INSTANCE, Examples.ALL);
	}

	/**
	 * The manifest as the page carries it between requests, with what it remembers of
	 * other kinds.
	 */
	static String json(Manifest manifest) {
		return JsonMapper.shared().writeValueAsString(manifest.composerState());
	}

	/**
	 * The YAML tab's text as a manifest.
	 * @throws ManifestParseException with the place of the problem, also for a
	 * well-formed document the composer does not take (no kind it knows)
	 */
	Manifest readYaml(String yaml) {
		try {
			return Manifest.of(ManifestReader.readYaml(yaml));
		}
		catch (UnsupportedManifestException ex) {
			throw new ManifestParseException(ex.getMessage(), 0, 0);
		}
	}

	/**
	 * The editor with the YAML tab open on the text: the form and the preview are the
	 * text's manifest, and the findings name the text's lines. Text that does not read
	 * leaves the form at the base manifest and puts the error in place of the preview.
	 */
	EditorView yamlEditor(String yaml, Manifest base) {
		try {
			Manifest manifest = readYaml(yaml).rememberingKindsOf(base);
			PreviewView preview = this.meters.render(() -> render(manifest, List.of(), List.of(), yaml));
			return new EditorView(FormReader.read(manifest), json(manifest), preview, true, yaml, null, 0,
					FormOptions.INSTANCE, Examples.ALL);
		}
		catch (ManifestParseException ex) {
			return yamlError(base, yaml, ex);
		}
	}

	/** The editor with the YAML tab open, holding text that could not be read in. */
	EditorView yamlError(Manifest manifest, String yaml, ManifestParseException error) {
		EditorView view = editor(manifest, List.of(), List.of());
		return new EditorView(view.form(), view.manifestJson(), view.preview(), true, yaml, error.describe(),
				error.line(), view.options(), view.examples());
	}

	/**
	 * The manifest as the preview shows it; the template pages show a template the same
	 * way.
	 */
	public PreviewView preview(Manifest manifest, List<String> notes, List<FormProblem> problems) {
		return this.meters.render(() -> render(manifest, notes, problems, null));
	}

	/**
	 * @param linesOf the text the findings' lines are counted in; null for the preview's
	 * own YAML
	 */
	private PreviewView render(Manifest manifest, List<String> notes, List<FormProblem> problems, String linesOf) {
		String name = manifest.name().isBlank() ? "manifest" : manifest.name();
		// The form takes a name of any length; the page's template cannot join one over
		// 100,000
		// characters (SpEL refuses), and no file system takes such a file name.
		String fileName = name.substring(0, Math.min(name.length(), MAX_FILE_NAME_STEM)) + "-"
				+ manifest.kind().kindName().toLowerCase(Locale.ROOT);
		String yaml = ManifestWriter.toYaml(manifest.root());
		ValidationReport report = this.meters.validate(() -> Validator.validate(manifest));
		return new PreviewView(yaml, ManifestWriter.toJson(manifest.root()), fileName, manifest.kind().kindName(),
				PodPicture.of(manifest, PictureWarnings.of(report)), KnownFields.kept(manifest, report), notes,
				problems, ReportView.of(report, manifest, (linesOf != null) ? linesOf : yaml),
				Placeholders.names(manifest.root()));
	}

}
