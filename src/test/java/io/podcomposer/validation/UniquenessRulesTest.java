package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static io.podcomposer.validation.RuleTesting.web;

class UniquenessRulesTest {

	private static final String DISTINCT = pod("""
			initContainers:
			- name: migrate
			  image: busybox:1.36
			  volumeMounts:
			  - name: data
			    mountPath: /data
			containers:
			- name: web
			  image: nginx:1.27
			  ports:
			  - name: http
			    containerPort: 80
			  - name: metrics
			    containerPort: 9090
			  volumeMounts:
			  - name: data
			    mountPath: /data
			  - name: cache
			    mountPath: /cache
			volumes:
			- name: data
			- name: cache
			""");

	@Test
	void distinctNamesAndPathsPass() {
		assertFindings(new ContainerNamesUniqueRule(), DISTINCT);
		assertFindings(new PortNamesUniqueRule(), DISTINCT);
		assertFindings(new VolumeNamesUniqueRule(), DISTINCT);
		assertFindings(new MountPathsUniqueRule(), DISTINCT);
	}

	@Test
	void aContainerNameIsUniqueAcrossInitAndRegularContainers() {
		assertFindings(new ContainerNamesUniqueRule(), pod("""
				initContainers:
				- name: web
				  image: busybox:1.36
				containers:
				- name: web
				  image: nginx:1.27
				- name: web
				  image: nginx:1.27
				"""), finding("spec.containers[1].name", "Duplicate value: \"web\""),
				finding("spec.initContainers[0].name", "Duplicate value: \"web\""));
	}

	@Test
	void aPortNameIsUniqueWithinItsContainer() {
		assertFindings(new PortNamesUniqueRule(), pod("""
				containers:
				- name: web
				  image: nginx:1.27
				  ports:
				  - name: http
				    containerPort: 80
				  - name: http
				    containerPort: 8080
				- name: proxy
				  image: envoy:1.30
				  ports:
				  - name: http
				    containerPort: 10000
				"""), finding("spec.containers[0].ports[1].name", "Duplicate value: \"http\""));
	}

	@Test
	void aVolumeNameIsUnique() {
		assertFindings(new VolumeNamesUniqueRule(), pod("""
				containers:
				- name: web
				  image: nginx:1.27
				volumes:
				- name: data
				  emptyDir: {}
				- name: data
				  configMap:
				    name: settings
				"""), finding("spec.volumes[1].name", "Duplicate value: \"data\""));
	}

	@Test
	void aMountPathIsUniqueWithinItsContainer() {
		assertFindings(new MountPathsUniqueRule(), pod(web("""
				volumeMounts:
				- name: data
				  mountPath: /data
				- name: cache
				  mountPath: /data
				""")),
				finding("spec.containers[0].volumeMounts[1].mountPath", "Invalid value: \"/data\": must be unique"));
	}

}
