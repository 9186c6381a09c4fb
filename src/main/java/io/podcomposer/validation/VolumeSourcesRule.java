package io.podcomposer.validation;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;

/**
 * {@code volume-sources}: each of the pod's {@code volumes} has one source
 * ({@code emptyDir}, {@code configMap}, {@code persistentVolumeClaim}, …), not two. As
 * upstream, the first source in the API's order counts and each further one is reported.
 * A volume with none is fine: the API server makes it an {@code emptyDir}.
 */
final class VolumeSourcesRule extends ApiServerRule {

	/** In the order the API server looks at them. */
	private static final String[] SOURCES = { "emptyDir", "hostPath", "gitRepo", "gcePersistentDisk",
			"awsElasticBlockStore", "secret", "nfs", "iscsi", "glusterfs", "flocker", "persistentVolumeClaim", "rbd",
			"cinder", "cephfs", "quobyte", "downwardAPI", "fc", "flexVolume", "configMap", "azureFile", "vsphereVolume",
			"photonPersistentDisk", "portworxVolume", "azureDisk", "storageos", "projected", "scaleIO", "csi",
			"ephemeral", "image" };

	VolumeSourcesRule() {
		super("volume-sources");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		for (ListEntry volume : ListEntry.inPodSpec(pod, "volumes")) {
			boolean found = false;
			for (String source : SOURCES) {
				if (Nodes.absent(volume.get(source))) {
					continue;
				}
				if (found) {
					findings.add(volume.path(source), Messages.forbidden("may not specify more than 1 volume type"));
				}
				found = true;
			}
		}
	}

}
