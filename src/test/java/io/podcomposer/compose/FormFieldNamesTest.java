package io.podcomposer.compose;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.WorkloadKind;

import static org.assertj.core.api.Assertions.assertThat;

class FormFieldNamesTest {

	private static final Manifest POD = TestManifests.yaml("""
			apiVersion: v1
			kind: Pod
			metadata:
			  name: web
			  labels: {app: web, app.kubernetes.io/part-of: shop}
			  annotations: {team: platform}
			spec:
			  nodeSelector: {disk: ssd, zone: a}
			  initContainers:
			  - {name: setup, image: busybox:1.36}
			  containers:
			  - {name: web, image: nginx:1.27}
			  - {name: helper, image: busybox:1.36}
			  volumes:
			  - {name: data, emptyDir: {}}
			  - {name: logs, hostPath: {path: /var/log}}
			  - {name: info, downwardAPI: {items: []}}
			""");

	@Test
	void objectFields() {
		assertThat(name("metadata.name")).isEqualTo("name");
		assertThat(name("metadata.namespace")).isEqualTo("namespace");
		assertThat(name("metadata.labels[app.kubernetes.io/part-of]")).isEqualTo("labels[1].value");
		assertThat(name("metadata.annotations[team]")).isEqualTo("annotations[0].value");
		assertThat(name("metadata.labels[nope]")).isNull();
		assertThat(name("metadata.labels")).isNull();
		assertThat(name("metadata.uid")).isNull();
		assertThat(name("kind")).isNull();
	}

	@Test
	void containerFields() {
		assertThat(name("spec.containers[1].name")).isEqualTo("containers[1].name");
		assertThat(name("spec.containers[1]")).isEqualTo("containers[1].name");
		assertThat(name("spec.initContainers[0].image")).isEqualTo("initContainers[0].image");
		assertThat(name("spec.containers[0].ports[2].containerPort")).isEqualTo("containers[0].ports[2].containerPort");
		assertThat(name("spec.containers[0].ports[2]")).isEqualTo("containers[0].ports[2].containerPort");
		assertThat(name("spec.containers[0].ports[0].protocol")).isEqualTo("containers[0].ports[0].protocol");
		assertThat(name("spec.containers[0].env[3].valueFrom.secretKeyRef.key")).isEqualTo("containers[0].env[3].name");
		assertThat(name("spec.containers[0].env[3].value")).isEqualTo("containers[0].env[3].value");
		assertThat(name("spec.containers[0].envFrom[0].configMapRef.name")).isEqualTo("containers[0].envFrom[0].name");
		assertThat(name("spec.containers[0].volumeMounts[1].readOnly"))
			.isEqualTo("containers[0].volumeMounts[1].readOnly");
		assertThat(name("spec.containers[0].volumeMounts[1]")).isEqualTo("containers[0].volumeMounts[1].mountPath");
		assertThat(name("spec.containers[0].resources.requests")).isEqualTo("containers[0].requestsCpu");
		assertThat(name("spec.containers[0].resources.limits.memory")).isEqualTo("containers[0].limitsMemory");
		assertThat(name("spec.containers[0].resources.requests.ephemeral-storage"))
			.isEqualTo("containers[0].requestsEphemeralStorage");
		assertThat(name("spec.containers[0].readinessProbe")).isEqualTo("containers[0].readinessProbe.handler");
		assertThat(name("spec.containers[0].livenessProbe.httpGet.port")).isEqualTo("containers[0].livenessProbe.port");
		assertThat(name("spec.containers[0].startupProbe.grpc.service"))
			.isEqualTo("containers[0].startupProbe.grpcService");
		assertThat(name("spec.containers[0].startupProbe.periodSeconds"))
			.isEqualTo("containers[0].startupProbe.periodSeconds");
		assertThat(name("spec.containers[0].securityContext.readOnlyRootFilesystem"))
			.isEqualTo("containers[0].readOnlyRootFilesystem");
		assertThat(name("spec.containers[0].securityContext.capabilities.add[1]"))
			.isEqualTo("containers[0].capabilitiesAdd");
		assertThat(name("spec.containers[0].securityContext.capabilities.drop"))
			.isEqualTo("containers[0].capabilitiesDrop");
		assertThat(name("spec.containers[0].securityContext.seLinuxOptions.user")).isNull();
		assertThat(name("spec.containers[1].terminationMessagePolicy"))
			.isEqualTo("containers[1].terminationMessagePolicy");
		assertThat(name("spec.containers[0].lifecycle.preStop")).isEqualTo("containers[0].otherYaml");
		assertThat(name("spec.ephemeralContainers[0].image")).isNull();
	}

	@Test
	void podFields() {
		assertThat(name("spec.automountServiceAccountToken")).isEqualTo("pod.automountServiceAccountToken");
		assertThat(name("spec.securityContext.runAsNonRoot")).isEqualTo("pod.runAsNonRoot");
		assertThat(name("spec.securityContext.seccompProfile.type")).isEqualTo("pod.seccompProfile");
		assertThat(name("spec.securityContext.seccompProfile.localhostProfile"))
			.isEqualTo("pod.seccompLocalhostProfile");
		assertThat(name("spec.securityContext.shareProcessNamespace")).isEqualTo("pod.shareProcessNamespace");
		assertThat(name("spec.securityContext.sysctls[0]")).isNull();
		assertThat(name("spec.hostNetwork")).isEqualTo("pod.hostNetwork");
		assertThat(name("spec.nodeSelector[zone]")).isEqualTo("pod.nodeSelector[1].value");
		assertThat(name("spec.tolerations[0].effect")).isEqualTo("pod.tolerations[0].effect");
		assertThat(name("spec.imagePullSecrets[0].name")).isEqualTo("pod.imagePullSecrets");
		assertThat(name("spec.affinity.nodeAffinity")).isEqualTo("pod.otherYaml");
	}

	@Test
	void volumeFields() {
		assertThat(name("spec.volumes[0].name")).isEqualTo("volumes[0].name");
		assertThat(name("spec.volumes[0]")).isEqualTo("volumes[0].name");
		assertThat(name("spec.volumes[0].emptyDir.sizeLimit")).isEqualTo("volumes[0].sizeLimit");
		assertThat(name("spec.volumes[1].hostPath")).isEqualTo("volumes[1].path");
		assertThat(name("spec.volumes[1].hostPath.type")).isEqualTo("volumes[1].hostPathType");
		assertThat(name("spec.volumes[2].downwardAPI.items[0].path")).isEqualTo("volumes[2].sourceYaml");
	}

	@Test
	void theSamePodInsideEachWorkloadKind() {
		for (WorkloadKind kind : WorkloadKind.values()) {
			Manifest workload = POD.convertTo(kind).manifest();
			String spec = kind.podSpecPath();
			String metadata = kind.isPod() ? "metadata" : String.join(".", kind.templatePath()) + ".metadata";

			assertThat(FormFieldNames.of(spec + ".containers[1].name", workload)).as(kind.kindName())
				.isEqualTo("containers[1].name");
			assertThat(FormFieldNames.of(spec + ".volumes[0].name", workload)).isEqualTo("volumes[0].name");
			assertThat(FormFieldNames.of(metadata + ".labels[app]", workload)).isEqualTo("labels[0].value");
			assertThat(FormFieldNames.of("metadata.name", workload)).isEqualTo("name");
		}
		Manifest cronJob = POD.convertTo(WorkloadKind.CRON_JOB).manifest();
		assertThat(FormFieldNames.of("spec.schedule", cronJob)).isEqualTo("workload.schedule");
		assertThat(FormFieldNames.of("spec.jobTemplate.spec.backoffLimit", cronJob)).isEqualTo("workload.backoffLimit");
		Manifest deployment = POD.convertTo(WorkloadKind.DEPLOYMENT).manifest();
		assertThat(FormFieldNames.of("spec.replicas", deployment)).isEqualTo("workload.replicas");
		assertThat(FormFieldNames.of("spec.selector.matchLabels", deployment)).isNull();
	}

	private static String name(String path) {
		return FormFieldNames.of(path, POD);
	}

}
