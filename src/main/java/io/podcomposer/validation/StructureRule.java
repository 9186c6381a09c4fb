package io.podcomposer.validation;

import java.util.EnumMap;
import java.util.Map;

import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;

import static io.podcomposer.validation.Shape.ANY_OBJECT;
import static io.podcomposer.validation.Shape.BOOLEAN;
import static io.podcomposer.validation.Shape.INTEGER;
import static io.podcomposer.validation.Shape.INT_OR_STRING;
import static io.podcomposer.validation.Shape.QUANTITY;
import static io.podcomposer.validation.Shape.STRING;
import static io.podcomposer.validation.Shape.list;
import static io.podcomposer.validation.Shape.map;
import static io.podcomposer.validation.Shape.object;

/**
 * {@code structure}: every field the other rules read, and the common pod and workload fields,
 * holds the type the API server decodes: objects, lists, strings, integers (a quoted
 * {@code "80"} or a {@code 1.5} is no integer), booleans, int-or-string probe ports, string or
 * number quantities, and string label and annotation values. The API server refuses such an object
 * before validating it; the other rules read a wrongly typed field as unset and leave it to this
 * one. A null is unset, not wrong.
 */
final class StructureRule extends ApiServerRule {

	private static final Shape METADATA = object("name", STRING, "generateName", STRING, "namespace", STRING,
			"labels", map(STRING), "annotations", map(STRING));

	private static final Shape HANDLER = object("exec", object("command", list(STRING)), "httpGet",
			object("path", STRING, "port", INT_OR_STRING, "host", STRING, "scheme", STRING, "httpHeaders",
					list(object("name", STRING, "value", STRING))),
			"tcpSocket", object("port", INT_OR_STRING, "host", STRING), "grpc",
			object("port", INTEGER, "service", STRING), "sleep", object("seconds", INTEGER));

	private static final Shape PROBE = HANDLER.with("initialDelaySeconds", INTEGER, "timeoutSeconds", INTEGER,
			"periodSeconds", INTEGER, "successThreshold", INTEGER, "failureThreshold", INTEGER,
			"terminationGracePeriodSeconds", INTEGER);

	private static final Shape KEY_REF = object("name", STRING, "key", STRING, "optional", BOOLEAN);

	private static final Shape NAME_REF = object("name", STRING, "optional", BOOLEAN);

	private static final Shape CONTAINER = object("name", STRING, "image", STRING, "imagePullPolicy", STRING,
			"command", list(STRING), "args", list(STRING), "workingDir", STRING, "restartPolicy", STRING,
			"ports", list(object("name", STRING, "containerPort", INTEGER, "hostPort", INTEGER, "protocol", STRING,
					"hostIP", STRING)),
			"env", list(object("name", STRING, "value", STRING, "valueFrom", object("fieldRef",
					object("fieldPath", STRING, "apiVersion", STRING), "resourceFieldRef",
					object("containerName", STRING, "resource", STRING, "divisor", QUANTITY), "configMapKeyRef",
					KEY_REF, "secretKeyRef", KEY_REF))),
			"envFrom", list(object("prefix", STRING, "configMapRef", NAME_REF, "secretRef", NAME_REF)),
			"resources", object("limits", map(QUANTITY), "requests", map(QUANTITY)),
			"volumeMounts", list(object("name", STRING, "mountPath", STRING, "subPath", STRING, "subPathExpr",
					STRING, "mountPropagation", STRING, "readOnly", BOOLEAN)),
			"livenessProbe", PROBE, "readinessProbe", PROBE, "startupProbe", PROBE, "lifecycle",
			object("postStart", HANDLER, "preStop", HANDLER),
			"securityContext", object("privileged", BOOLEAN, "runAsUser", INTEGER, "runAsGroup", INTEGER,
					"runAsNonRoot", BOOLEAN, "readOnlyRootFilesystem", BOOLEAN, "allowPrivilegeEscalation",
					BOOLEAN, "capabilities", object("add", list(STRING), "drop", list(STRING))),
			"stdin", BOOLEAN, "stdinOnce", BOOLEAN, "tty", BOOLEAN, "terminationMessagePath", STRING,
			"terminationMessagePolicy", STRING);

	private static final Shape KEY_TO_PATH = list(object("key", STRING, "path", STRING, "mode", INTEGER));

	private static final Shape VOLUME = object("name", STRING, "emptyDir",
			object("medium", STRING, "sizeLimit", QUANTITY), "hostPath", object("path", STRING, "type", STRING),
			"configMap", object("name", STRING, "defaultMode", INTEGER, "optional", BOOLEAN, "items", KEY_TO_PATH),
			"secret", object("secretName", STRING, "defaultMode", INTEGER, "optional", BOOLEAN, "items", KEY_TO_PATH),
			"persistentVolumeClaim", object("claimName", STRING, "readOnly", BOOLEAN), "projected", ANY_OBJECT,
			"downwardAPI", ANY_OBJECT, "csi", ANY_OBJECT, "nfs", ANY_OBJECT, "ephemeral", ANY_OBJECT, "image",
			ANY_OBJECT);

	private static final Shape POD_SPEC = object("containers", list(CONTAINER), "initContainers", list(CONTAINER),
			"ephemeralContainers", list(CONTAINER), "volumes", list(VOLUME), "restartPolicy", STRING, "dnsPolicy",
			STRING, "hostNetwork", BOOLEAN, "hostPID", BOOLEAN, "hostIPC", BOOLEAN, "shareProcessNamespace",
			BOOLEAN, "activeDeadlineSeconds", INTEGER, "terminationGracePeriodSeconds", INTEGER, "nodeSelector",
			map(STRING), "nodeName", STRING, "serviceAccountName", STRING, "automountServiceAccountToken", BOOLEAN,
			"hostname", STRING, "subdomain", STRING, "priorityClassName", STRING, "priority", INTEGER,
			"schedulerName", STRING, "runtimeClassName", STRING, "enableServiceLinks", BOOLEAN,
			"tolerations", list(object("key", STRING, "operator", STRING, "value", STRING, "effect", STRING,
					"tolerationSeconds", INTEGER)),
			"securityContext", object("runAsUser", INTEGER, "runAsGroup", INTEGER, "runAsNonRoot", BOOLEAN,
					"fsGroup", INTEGER, "supplementalGroups", list(INTEGER), "sysctls",
					list(object("name", STRING, "value", STRING))),
			"imagePullSecrets", list(object("name", STRING)), "affinity", ANY_OBJECT, "dnsConfig", ANY_OBJECT,
			"hostAliases", list(ANY_OBJECT), "topologySpreadConstraints", list(ANY_OBJECT), "os",
			object("name", STRING));

	private static final Shape TEMPLATE = object("metadata", METADATA, "spec", POD_SPEC);

	private static final Shape SELECTOR = object("matchLabels", map(STRING), "matchExpressions",
			list(object("key", STRING, "operator", STRING, "values", list(STRING))));

	private static final Shape JOB_SPEC = object("template", TEMPLATE, "selector", SELECTOR, "manualSelector",
			BOOLEAN, "parallelism", INTEGER, "completions", INTEGER, "backoffLimit", INTEGER,
			"activeDeadlineSeconds", INTEGER, "ttlSecondsAfterFinished", INTEGER, "completionMode", STRING,
			"suspend", BOOLEAN);

	private static final Shape REPLICATED = object("replicas", INTEGER, "selector", SELECTOR, "template", TEMPLATE,
			"minReadySeconds", INTEGER, "revisionHistoryLimit", INTEGER);

	private static final Map<WorkloadKind, Shape> ROOTS = roots();

	StructureRule() {
		super("structure");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		ROOTS.get(pod.kind()).check(pod.root(), new StringBuilder(), findings);
	}

	private static Map<WorkloadKind, Shape> roots() {
		Map<WorkloadKind, Shape> roots = new EnumMap<>(WorkloadKind.class);
		roots.put(WorkloadKind.POD, object("metadata", METADATA, "spec", POD_SPEC));
		roots.put(WorkloadKind.DEPLOYMENT, workload(REPLICATED.with("progressDeadlineSeconds", INTEGER,
				"paused", BOOLEAN, "strategy", ANY_OBJECT)));
		roots.put(WorkloadKind.REPLICA_SET, workload(REPLICATED));
		roots.put(WorkloadKind.STATEFUL_SET, workload(REPLICATED.with("serviceName", STRING,
				"podManagementPolicy", STRING, "updateStrategy", ANY_OBJECT, "volumeClaimTemplates",
				list(object("metadata", METADATA, "spec", ANY_OBJECT)))));
		roots.put(WorkloadKind.DAEMON_SET, workload(object("selector", SELECTOR, "template", TEMPLATE,
				"minReadySeconds", INTEGER, "revisionHistoryLimit", INTEGER, "updateStrategy", ANY_OBJECT)));
		roots.put(WorkloadKind.JOB, workload(JOB_SPEC));
		roots.put(WorkloadKind.CRON_JOB, workload(object("schedule", STRING, "timeZone", STRING,
				"concurrencyPolicy", STRING, "suspend", BOOLEAN, "startingDeadlineSeconds", INTEGER,
				"successfulJobsHistoryLimit", INTEGER, "failedJobsHistoryLimit", INTEGER, "jobTemplate",
				object("metadata", METADATA, "spec", JOB_SPEC))));
		return roots;
	}

	private static Shape workload(Shape spec) {
		return object("metadata", METADATA, "spec", spec);
	}

}
