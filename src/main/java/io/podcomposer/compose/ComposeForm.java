package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * What the composer's form shows and sends back: the fields a person edits, as typed.
 * <p>
 * List indexes are the indexes of the items in the manifest the form was drawn from; a row the
 * browser removed leaves a gap, and a row it added arrives past the end. The binder fills a gap
 * with an empty row, whose always-present input is {@code null}: see {@link Row#sent()}. Text
 * areas named {@code otherYaml} hold the fields the form has no inputs for, as YAML.
 * Public fields: the binder writes them directly and the templates read them.
 */
public class ComposeForm {

	/** The output kind; null keeps the kind of the manifest the form was drawn from. */
	public String kind;

	public String name;

	public String namespace;

	public List<KeyValue> labels = new ArrayList<>();

	public List<KeyValue> annotations = new ArrayList<>();

	public WorkloadForm workload = new WorkloadForm();

	public PodForm pod = new PodForm();

	public List<ContainerForm> initContainers = new ArrayList<>();

	public List<ContainerForm> containers = new ArrayList<>();

	public List<VolumeForm> volumes = new ArrayList<>();

	/** The "add a volume" row: a new volume and the containers to mount it into, in one step. */
	public NewVolumeForm newVolume = new NewVolumeForm();

	/** A row of a list the browser can add to and remove from. */
	public interface Row {

		/** Whether the row was in the form: its always-present input arrived, empty or not. */
		boolean sent();

	}

	public static class KeyValue implements Row {

		public String key;

		public String value;

		public KeyValue() {
		}

		public KeyValue(String key, String value) {
			this.key = key;
			this.value = value;
		}

		@Override
		public boolean sent() {
			return this.key != null;
		}

	}

	/** The few fields of the controller around the pod. */
	public static class WorkloadForm {

		public String replicas;

		public String serviceName;

		public String schedule;

		public String concurrencyPolicy;

		public String completions;

		public String parallelism;

		public String backoffLimit;

		public String ttlSecondsAfterFinished;

	}

	public static class PodForm {

		public String restartPolicy;

		public boolean shareProcessNamespace;

		public boolean hostIPC;

		public boolean hostPID;

		public boolean hostNetwork;

		public String dnsPolicy;

		public String serviceAccountName;

		/** "", "true" or "false": unset is not the same as false here. */
		public String automountServiceAccountToken;

		public String terminationGracePeriodSeconds;

		public List<KeyValue> nodeSelector = new ArrayList<>();

		public List<TolerationForm> tolerations = new ArrayList<>();

		/** Secret names, comma separated. */
		public String imagePullSecrets;

		public String priorityClassName;

		public String runAsUser;

		public String runAsGroup;

		public String fsGroup;

		public String runAsNonRoot;

		public String seccompProfile;

		public String seccompLocalhostProfile;

		public String otherYaml;

	}

	public static class TolerationForm implements Row {

		public String key;

		public String operator;

		public String value;

		public String effect;

		public String tolerationSeconds;


		@Override
		public boolean sent() {
			return this.key != null;
		}

	}

	public static class ContainerForm implements Row {

		public String name;

		public String image;

		public String imagePullPolicy;

		/** One item per line, or a YAML list when {@link #commandYaml} (an item holds a line break). */
		public String command;

		public boolean commandYaml;

		/** One item per line, or a YAML list when {@link #argsYaml}. */
		public String args;

		public boolean argsYaml;

		public String workingDir;

		public List<PortForm> ports = new ArrayList<>();

		public List<EnvForm> env = new ArrayList<>();

		public List<EnvFromForm> envFrom = new ArrayList<>();

		public String requestsCpu;

		public String requestsMemory;

		public String requestsEphemeralStorage;

		public String limitsCpu;

		public String limitsMemory;

		public String limitsEphemeralStorage;

		public ProbeForm livenessProbe = new ProbeForm();

		public ProbeForm readinessProbe = new ProbeForm();

		public ProbeForm startupProbe = new ProbeForm();

		public List<MountForm> volumeMounts = new ArrayList<>();

		public String runAsUser;

		public String runAsGroup;

		public String runAsNonRoot;

		public String privileged;

		public String allowPrivilegeEscalation;

		public String readOnlyRootFilesystem;

		/** Capability names, separated by commas or spaces. */
		public String capabilitiesAdd;

		public String capabilitiesDrop;

		public boolean stdin;

		public boolean tty;

		/** Only for init containers: "Always" makes a native sidecar. */
		public String restartPolicy;

		public String otherYaml;

		public boolean isSidecar() {
			return "Always".equals(this.restartPolicy);
		}


		@Override
		public boolean sent() {
			return this.name != null;
		}

	}

	public static class PortForm implements Row {

		public String name;

		public String containerPort;

		public String protocol;

		public String hostPort;


		@Override
		public boolean sent() {
			return this.containerPort != null;
		}

	}

	/** One env var; {@code source} picks which of the other fields count. */
	public static class EnvForm implements Row {

		public String name;

		/** value, configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef or fileKeyRef. */
		public String source = "value";

		public String value;

		/** The ConfigMap or Secret name, the container of a resourceFieldRef, the volume of a fileKeyRef. */
		public String refName;

		public String refKey;

		public String fieldPath;

		public String resource;

		/** The env file's path in the volume of a fileKeyRef. */
		public String filePath;


		@Override
		public boolean sent() {
			return this.name != null;
		}

	}

	public static class EnvFromForm implements Row {

		/** configMapRef or secretRef. */
		public String source = "configMapRef";

		public String name;

		public String prefix;


		@Override
		public boolean sent() {
			return this.name != null;
		}

	}

	public static class ProbeForm {

		/** none, httpGet, tcpSocket, exec or grpc. */
		public String handler;

		public String path;

		public String port;

		public String scheme;

		/** exec command, one item per line, or a YAML list when {@link #commandYaml}. */
		public String command;

		public boolean commandYaml;

		public String grpcService;

		public String initialDelaySeconds;

		public String periodSeconds;

		public String timeoutSeconds;

		public String successThreshold;

		public String failureThreshold;

	}

	public static class MountForm implements Row {

		public String name;

		public String mountPath;

		public String subPath;

		public boolean readOnly;


		@Override
		public boolean sent() {
			return this.mountPath != null;
		}

	}

	/** One volume; {@code type} is the name of its source field (emptyDir, configMap, …). */
	public static class VolumeForm implements Row {

		public String name;

		public String type = "emptyDir";

		public String medium;

		public String sizeLimit;

		/** ConfigMap name, Secret name or claim name, by type. */
		public String sourceName;

		/** configMap and secret items, one {@code key: path} per line. */
		public String items;

		public boolean readOnly;

		public String path;

		public String hostPathType;

		/** The source object as YAML, for types without inputs of their own (downwardAPI, projected, …). */
		public String sourceYaml;


		@Override
		public boolean sent() {
			return this.name != null;
		}

	}

	public static class NewVolumeForm {

		public String name;

		public String type = "emptyDir";

		/** One row per container the volume can be mounted into, ticked or not. */
		public List<NewMountForm> mounts = new ArrayList<>();

	}

	/** Where the new volume goes in one container: sent with {@code into} only when ticked. */
	public static class NewMountForm {

		/** The container's key, like {@code containers:0} or {@code initContainers:1}. */
		public String into;

		public String mountPath;

	}

}
