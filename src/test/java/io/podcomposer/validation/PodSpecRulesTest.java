package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static io.podcomposer.validation.RuleTesting.web;

class PodSpecRulesTest {

	@Test
	void aVolumeHasOneSourceOrNoneForAnEmptyDir() {
		assertFindings(new VolumeSourcesRule(), pod(RuleTesting.ONE_CONTAINER + """
				volumes:
				- name: scratch
				- name: settings
				  configMap:
				    name: settings
				"""));
		assertFindings(new VolumeSourcesRule(), pod(RuleTesting.ONE_CONTAINER + """
				volumes:
				- name: data
				  emptyDir: {}
				  hostPath:
				    path: /var/data
				  persistentVolumeClaim:
				    claimName: data
				"""), finding("spec.volumes[0].hostPath", "Forbidden: may not specify more than 1 volume type"),
				finding("spec.volumes[0].persistentVolumeClaim", "Forbidden: may not specify more than 1 volume type"));
	}

	@Test
	void aProbeHasExactlyOneHandler() {
		assertFindings(new ProbeHandlersRule(), pod(web("""
				livenessProbe:
				  httpGet: {path: /, port: 80}
				lifecycle:
				  preStop:
				    sleep: {seconds: 5}
				""")));
		assertFindings(new ProbeHandlersRule(), pod(web("""
				livenessProbe:
				  httpGet: {path: /, port: 80}
				  tcpSocket: {port: 80}
				readinessProbe:
				  periodSeconds: 5
				""")),
				finding("spec.containers[0].livenessProbe.tcpSocket",
						"Forbidden: may not specify more than 1 handler type"),
				finding("spec.containers[0].readinessProbe", "Required value: must specify a handler type"));
	}

	@Test
	void requiredFields() {
		assertFindings(new RequiredRule(), pod("""
				containers:
				- name: web
				  image: nginx:1.27
				  volumeMounts:
				  - name: settings
				    mountPath: /etc/app
				volumes:
				- name: settings
				  configMap:
				    name: settings
				- name: data
				  persistentVolumeClaim:
				    claimName: data
				"""));
		assertFindings(new RequiredRule(), pod("""
				containers:
				- name: web
				  image: ""
				  volumeMounts:
				  - mountPath: /etc/app
				  - name: data
				volumes:
				- name: settings
				  configMap: {}
				- name: data
				  persistentVolumeClaim:
				    readOnly: true
				- name: host
				  hostPath:
				    type: Directory
				- name: creds
				  secret:
				    optional: true
				"""), finding("spec.containers[0].image", "Required value"),
				finding("spec.containers[0].volumeMounts[0].name", "Required value"),
				finding("spec.containers[0].volumeMounts[1].mountPath", "Required value"),
				finding("spec.volumes[0].configMap.name", "Required value"),
				finding("spec.volumes[1].persistentVolumeClaim.claimName", "Required value"),
				finding("spec.volumes[2].hostPath.path", "Required value"),
				finding("spec.volumes[3].secret.secretName", "Required value"));
	}

	@Test
	void aPodHasAtLeastOneContainer() {
		assertFindings(new RequiredRule(), pod("containers: []\n"), finding("spec.containers", "Required value"));
		assertFindings(new RequiredRule(), pod("restartPolicy: Never\n"), finding("spec.containers", "Required value"));
	}

	@Test
	void subPathsStayInsideTheVolume() {
		String yaml = pod("""
				containers:
				- name: web
				  image: nginx:1.27
				  volumeMounts:
				  - name: data
				    mountPath: /data
				    subPath: %s
				volumes:
				- name: data
				""");
		assertFindings(new SubPathsRule(), yaml.formatted("sites/..hidden/a..b"));
		assertFindings(new SubPathsRule(), yaml.formatted("/etc"),
				finding("spec.containers[0].volumeMounts.subPath", "Invalid value: \"/etc\": must be a relative path"));
		assertFindings(new SubPathsRule(), yaml.formatted("sites/../../etc"),
				finding("spec.containers[0].volumeMounts.subPath",
						"Invalid value: \"sites/../../etc\": must not contain '..'"));
	}

	@Test
	void hostNamespaces() {
		assertFindings(new HostNamespacesRule(), pod("""
				hostNetwork: true
				shareProcessNamespace: true
				containers:
				- name: web
				  image: nginx:1.27
				  ports:
				  - containerPort: 80
				    hostPort: 80
				  - containerPort: 443
				"""));
		assertFindings(new HostNamespacesRule(), pod("""
				hostNetwork: true
				hostPID: true
				shareProcessNamespace: true
				containers:
				- name: web
				  image: nginx:1.27
				  ports:
				  - containerPort: 80
				    hostPort: 8080
				"""),
				finding("spec.containers[0].ports[0].hostPort",
						"Invalid value: 8080: must match `containerPort` when `hostNetwork` is true"),
				finding("spec.securityContext.shareProcessNamespace",
						"Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled"));
	}

}
