package io.podcomposer.manifest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of object the portal composes: a bare Pod, or a controller that runs Pods
 * from a template. Each knows its apiVersion and where its pod template lives.
 */
public enum WorkloadKind {

	POD("v1", "Pod", List.of()), DEPLOYMENT("apps/v1", "Deployment", List.of("spec", "template")),
	REPLICA_SET("apps/v1", "ReplicaSet", List.of("spec", "template")),
	STATEFUL_SET("apps/v1", "StatefulSet", List.of("spec", "template")),
	DAEMON_SET("apps/v1", "DaemonSet", List.of("spec", "template")),
	JOB("batch/v1", "Job", List.of("spec", "template")),
	CRON_JOB("batch/v1", "CronJob", List.of("spec", "jobTemplate", "spec", "template"));

	private final String apiVersion;

	private final String kindName;

	private final List<String> templatePath;

	WorkloadKind(String apiVersion, String kindName, List<String> templatePath) {
		this.apiVersion = apiVersion;
		this.kindName = kindName;
		this.templatePath = templatePath;
	}

	public String apiVersion() {
		return this.apiVersion;
	}

	/** The name as written in a manifest's {@code kind} field. */
	public String kindName() {
		return this.kindName;
	}

	/** Field names from the object root to its pod template; empty for a Pod. */
	public List<String> templatePath() {
		return this.templatePath;
	}

	/** The field path prefix of the pod spec, as in {@code spec.template.spec}. */
	public String podSpecPath() {
		return this == POD ? "spec" : String.join(".", this.templatePath) + ".spec";
	}

	/** The resource's name in API paths: {@code pods}, {@code deployments}, … */
	public String resource() {
		return this.kindName.toLowerCase(Locale.ROOT) + "s";
	}

	public boolean isPod() {
		return this == POD;
	}

	public boolean hasReplicas() {
		return this == DEPLOYMENT || this == REPLICA_SET || this == STATEFUL_SET;
	}

	/** Controllers that keep pods running accept only restartPolicy Always. */
	public boolean requiresRestartAlways() {
		return this == DEPLOYMENT || this == REPLICA_SET || this == STATEFUL_SET || this == DAEMON_SET;
	}

	public boolean isBatch() {
		return this == JOB || this == CRON_JOB;
	}

	public static Optional<WorkloadKind> fromKindName(String kindName) {
		return Arrays.stream(values()).filter((kind) -> kind.kindName.equals(kindName)).findFirst();
	}

}
