package io.podcomposer.validation;

import java.util.Arrays;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;
import tools.jackson.core.JsonPointer;

/**
 * {@code field-values}: fields of the pod spec that take one of a few words, beyond those
 * with a rule of their own. In every container: {@code securityContext.procMount}
 * ({@code Default}, {@code Unmasked}). In the pod: {@code preemptionPolicy}
 * ({@code Never}, {@code PreemptLowerPriority}), {@code os.name} ({@code linux},
 * {@code windows}), {@code securityContext.fsGroupChangePolicy} ({@code Always},
 * {@code OnRootMismatch}) and {@code securityContext.supplementalGroupsPolicy}
 * ({@code Merge}, {@code Strict}), and each volume's {@code hostPath.type} (the host path
 * types, or empty for no check). In every probe and lifecycle hook,
 * {@code httpGet.scheme} ({@code HTTP}, {@code HTTPS}). Unset takes the default.
 */
final class FieldValuesRule extends ApiServerRule {

	private static final AllowedValues PROC_MOUNT = new AllowedValues("Default", "Unmasked");

	private static final AllowedValues PREEMPTION = new AllowedValues("Never", "PreemptLowerPriority");

	private static final AllowedValues OS = new AllowedValues("linux", "windows");

	private static final AllowedValues FS_GROUP_CHANGE = new AllowedValues("Always", "OnRootMismatch");

	private static final AllowedValues SUPPLEMENTAL_GROUPS = new AllowedValues("Merge", "Strict");

	private static final AllowedValues HOST_PATH_TYPES = new AllowedValues("", "BlockDevice", "CharDevice", "Directory",
			"DirectoryOrCreate", "File", "FileOrCreate", "Socket");

	private static final AllowedValues HTTP_SCHEMES = new AllowedValues("HTTP", "HTTPS");

	private static final String[] HTTP_HANDLERS = { "livenessProbe", "readinessProbe", "startupProbe",
			"lifecycle.postStart", "lifecycle.preStop" };

	/**
	 * Each handler's {@code scheme}, as a pointer into the container; built once, not per
	 * pod.
	 */
	private static final JsonPointer[] HTTP_SCHEME_POINTERS = Arrays.stream(HTTP_HANDLERS)
		.map((handler) -> JsonPointer.compile("/" + handler.replace('.', '/') + "/httpGet/scheme"))
		.toArray(JsonPointer[]::new);

	FieldValuesRule() {
		super("field-values");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ContainerRef container : pod.allContainers()) {
			PROC_MOUNT.check(container.node().path("securityContext").path("procMount"),
					container.path("securityContext.procMount"), findings);
			for (int i = 0; i < HTTP_HANDLERS.length; i++) {
				HTTP_SCHEMES.check(container.node().at(HTTP_SCHEME_POINTERS[i]),
						container.path(HTTP_HANDLERS[i] + ".httpGet.scheme"), findings);
			}
		}
		for (ListEntry volume : ListEntry.inPodSpec(pod, "volumes")) {
			HOST_PATH_TYPES.check(volume.get("hostPath").path("type"), volume.path("hostPath.type"), findings);
		}
		PREEMPTION.check(pod.podSpec().path("preemptionPolicy"), pod.specPath("preemptionPolicy"), findings);
		OS.check(pod.podSpec().path("os").path("name"), pod.specPath("os.name"), findings);
		FS_GROUP_CHANGE.check(pod.podSpec().path("securityContext").path("fsGroupChangePolicy"),
				pod.specPath("securityContext.fsGroupChangePolicy"), findings);
		SUPPLEMENTAL_GROUPS.check(pod.podSpec().path("securityContext").path("supplementalGroupsPolicy"),
				pod.specPath("securityContext.supplementalGroupsPolicy"), findings);
	}

}
