package io.podcomposer.compose;

import java.util.List;

/**
 * The right-hand side of the composer: the manifest as YAML and JSON, the pod picture,
 * the fields kept from YAML, what a kind change did, the inputs that could not be taken,
 * and what the validator says of the manifest, and the {@code ${NAME}} placeholders it
 * uses.
 */
public record PreviewView(String yaml, String json, String fileName, String kindName, PodPicture picture,
		List<KeptField> kept, List<String> notes, List<FormProblem> problems, ReportView report,
		List<String> placeholders) {
}
