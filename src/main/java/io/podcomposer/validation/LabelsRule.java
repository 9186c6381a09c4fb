package io.podcomposer.validation;

import java.util.Locale;
import java.util.Map;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code labels-annotations}: label and annotation syntax on the object
 * ({@code metadata}) and, for a workload, on its pod template
 * ({@code spec.template.metadata}); and the pod's {@code nodeSelector}, which has the
 * syntax of labels.
 * <ul>
 * <li>a label key is a qualified name: an optional DNS subdomain prefix and '/', then a
 * name of 63 characters at most, alphanumeric at both ends with '-', '_' and '.'
 * between;</li>
 * <li>a label value is empty or such a name;</li>
 * <li>an annotation key is a qualified name in any case; the values are free, but all
 * keys and values together may hold 256 KiB at most.</li>
 * </ul>
 * As upstream, the path is the map's ({@code metadata.labels}) and the value is the bad
 * key or value.
 */
final class LabelsRule extends ApiServerRule {

	/** TotalAnnotationSizeLimitB. */
	static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

	LabelsRule() {
		super("labels-annotations");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		JsonNode metadata = pod.root().path("metadata");
		checkLabels(metadata.path("labels"), "metadata.labels", findings);
		checkAnnotations(metadata.path("annotations"), "metadata.annotations", findings);
		if (!pod.kind().isPod()) {
			checkLabels(pod.podMetadata().path("labels"), pod.metadataPath("labels"), findings);
			checkAnnotations(pod.podMetadata().path("annotations"), pod.metadataPath("annotations"), findings);
		}
		checkLabels(pod.podSpec().path("nodeSelector"), pod.specPath("nodeSelector"), findings);
	}

	private static void checkAnnotations(JsonNode annotations, String path, Findings findings) {
		long bytes = 0;
		for (Map.Entry<String, JsonNode> annotation : annotations.properties()) {
			for (String message : Names.qualifiedName(annotation.getKey().toLowerCase(Locale.ROOT))) {
				findings.add(path, Messages.invalid(annotation.getKey(), message));
			}
			String value = Nodes.text(annotation.getValue());
			bytes += Nodes.utf8Length(annotation.getKey()) + ((value != null) ? Nodes.utf8Length(value) : 0);
		}
		if (bytes > ANNOTATIONS_MAX_BYTES) {
			findings.add(path, Messages.tooLong(ANNOTATIONS_MAX_BYTES));
		}
	}

	/**
	 * Label keys and values of a map, reported at the map's path; also used for
	 * selectors.
	 */
	static void checkLabels(JsonNode labels, String path, Findings findings) {
		for (Map.Entry<String, JsonNode> label : labels.properties()) {
			for (String message : Names.qualifiedName(label.getKey())) {
				findings.add(path, Messages.invalid(label.getKey(), message));
			}
			String value = Nodes.text(label.getValue());
			if (value != null) {
				for (String message : Names.labelValue(value)) {
					findings.add(path, Messages.invalid(value, message));
				}
			}
		}
	}

}
