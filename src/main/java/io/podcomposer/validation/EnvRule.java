package io.podcomposer.validation;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import tools.jackson.databind.JsonNode;

/**
 * {@code env}: every container's {@code env} entry has a {@code name} of printable ASCII
 * characters other than {@code =}, and takes its value from {@code value} or from
 * {@code valueFrom}, not both; a {@code valueFrom} names exactly one source:
 * {@code fieldRef}, {@code resourceFieldRef}, {@code configMapKeyRef},
 * {@code secretKeyRef} or, since 1.34, {@code fileKeyRef} (a key of an env file on an
 * emptyDir volume, the EnvFiles feature). An empty {@code value} counts as none. A
 * {@code fieldRef}'s {@code fieldPath} is one the downward API gives a variable
 * ({@code metadata.name}, {@code status.podIP}, …) or a subscripted
 * {@code metadata.labels['key']} or {@code metadata.annotations['key']}; its
 * {@code apiVersion} is {@code v1} when set.
 */
final class EnvRule extends ApiServerRule {

	private static final String[] SOURCES = { "fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef",
			"fileKeyRef" };

	private static final String[] ENV_FIELD_PATHS = { "metadata.name", "metadata.namespace", "metadata.uid",
			"spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP",
			"status.podIPs" };

	private static final AllowedValues ENV_FIELDS = new AllowedValues(ENV_FIELD_PATHS);

	/**
	 * What the API server's downward API conversion knows at all; the rest fails to
	 * convert.
	 */
	private static final Set<String> CONVERTIBLE = Set.of("metadata.annotations", "metadata.labels", "metadata.name",
			"metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName",
			"spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");

	private static final Pattern SUBSCRIPTED = Pattern.compile("^(.+)\\['(.*)'\\]$");

	private static final String NAME_CHARACTERS = "a valid environment variable name must consist only of printable "
			+ "ASCII characters other than '='";

	EnvRule() {
		super("env");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry variable : ListEntry.inEveryContainer(pod, "env")) {
			if (variable.node().isObject() && Nodes.unsetText(variable.get("name"))) {
				findings.add(variable.path("name"), Messages.REQUIRED);
			}
			String name = Nodes.nonEmptyText(variable.get("name"));
			if (name != null && !printableAsciiWithoutEquals(name)) {
				findings.add(variable.path("name"), Messages.invalid(name, NAME_CHARACTERS));
			}
			JsonNode valueFrom = variable.get("valueFrom");
			String problem = valueFrom.isObject()
					? valueFromProblem(valueFrom, Nodes.nonEmptyText(variable.get("value")) != null) : null;
			if (problem != null) {
				findings.add(variable.path("valueFrom"), Messages.invalid("", problem));
			}
			checkFieldRef(valueFrom.path("fieldRef"), variable.path("valueFrom.fieldRef"), findings);
		}
	}

	private static boolean printableAsciiWithoutEquals(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '=') {
				return false;
			}
		}
		return true;
	}

	private static void checkFieldRef(JsonNode fieldRef, String path, Findings findings) {
		String fieldPath = Nodes.nonEmptyText(fieldRef.path("fieldPath"));
		if (fieldPath == null) {
			return;
		}
		String apiVersion = Nodes.nonEmptyText(fieldRef.path("apiVersion"));
		Matcher subscripted = SUBSCRIPTED.matcher(fieldPath);
		String converting = (apiVersion != null && !apiVersion.equals("v1")) ? "unsupported pod version: " + apiVersion
				: subscripted.matches()
						? (isLabelsOrAnnotations(subscripted.group(1)) ? null
								: "field path not supported: " + subscripted.group(1))
						: CONVERTIBLE.contains(fieldPath) ? null : "field label not supported: " + fieldPath;
		if (converting != null) {
			findings.add(path + ".fieldPath", Messages.invalid(fieldPath, "error converting fieldPath: " + converting));
		}
		else if (!subscripted.matches()) {
			ENV_FIELDS.check(fieldRef.path("fieldPath"), path + ".fieldPath", findings);
		}
	}

	private static boolean isLabelsOrAnnotations(String path) {
		return path.equals("metadata.labels") || path.equals("metadata.annotations");
	}

	private static String valueFromProblem(JsonNode valueFrom, boolean hasValue) {
		int sources = 0;
		for (String source : SOURCES) {
			sources += Nodes.absent(valueFrom.get(source)) ? 0 : 1;
		}
		if (sources == 0) {
			return "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";
		}
		if (hasValue) {
			return "may not be specified when `value` is not empty";
		}
		return (sources > 1) ? "may not have more than one field specified at a time" : null;
	}

}
