package io.podcomposer.podsecurity;

import org.junit.jupiter.api.Test;

import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.podsecurity.TestPods.InEachKind;

import static io.podcomposer.podsecurity.TestPods.paths;
import static io.podcomposer.podsecurity.TestPods.pod;
import static io.podcomposer.podsecurity.TestPods.view;
import static org.assertj.core.api.Assertions.assertThat;

class RestrictedVolumesCheckTest {

	private final RestrictedVolumesCheck check = new RestrictedVolumesCheck();

	@Test
	void passesAllowedTypesAndVolumesWithoutSource() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				volumes:
				- name: implicit-empty-dir
				- {name: a, configMap: {name: c}}
				- {name: b, csi: {driver: d}}
				- {name: c, downwardAPI: {}}
				- {name: d, emptyDir: {}}
				- {name: e, ephemeral: {}}
				- {name: f, image: {reference: registry.example/data:1}}
				- {name: g, persistentVolumeClaim: {claimName: c}}
				- {name: h, projected: {sources: []}}
				- {name: i, secret: {secretName: s}}
				""")))).isNull();
	}

	@InEachKind
	void failsOtherTypes(WorkloadKind kind) {
		assertThat(this.check.check(view(kind, pod("""
				containers:
				- name: a
				volumes:
				- {name: data, nfs: {server: nfs.example, path: /}}
				- {name: ok, emptyDir: {}}
				- {name: host, hostPath: {path: /}}
				- {name: fs, cephfs: {monitors: [m]}}
				- {name: repo, gitRepo: {repository: r}}
				""")))).isEqualTo(new Violation(Level.RESTRICTED, "restrictedVolumes", "restricted volume types",
				"volumes \"data\", \"host\", \"fs\", \"repo\" use restricted volume types "
						+ "\"cephfs\", \"gitRepo\", \"hostPath\", \"nfs\"",
				paths(kind, "spec.volumes[0].nfs", "spec.volumes[2].hostPath", "spec.volumes[3].cephfs",
						"spec.volumes[4].gitRepo")));
	}

	@Test
	void failsOne() {
		assertThat(this.check.check(view(pod("""
				containers:
				- name: a
				volumes:
				- {name: host, hostPath: {path: /}}
				""")))).isEqualTo(new Violation(Level.RESTRICTED, "restrictedVolumes", "restricted volume types",
				"volume \"host\" uses restricted volume type \"hostPath\"",
				paths(WorkloadKind.POD, "spec.volumes[0].hostPath")));
	}

}
