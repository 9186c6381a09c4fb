package io.podcomposer.podsecurity;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.PodView;

/**
 * Besides hostPath, the restricted profile allows only the core volume types and those
 * defined through PersistentVolumes. A volume with no source at all is fine: the API
 * server makes it an emptyDir.
 * <p>
 * Restricted fields: {@code spec.volumes[*]} with hostPath, gcePersistentDisk,
 * awsElasticBlockStore, gitRepo, nfs, iscsi, glusterfs, rbd, flexVolume, cinder, cephfs,
 * flocker, fc, azureFile, vsphereVolume, quobyte, azureDisk, photonPersistentDisk,
 * portworxVolume, scaleIO or storageos.
 * <p>
 * Allowed values: volumes of the types configMap, csi, downwardAPI, emptyDir, ephemeral,
 * image, persistentVolumeClaim, projected, secret.
 */
final class RestrictedVolumesCheck extends UpstreamCheck {

	private static final List<String> ALLOWED = List.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
			"image", "persistentVolumeClaim", "projected", "secret");

	/** In upstream's order: the first one a volume has names its type. */
	private static final List<String> RESTRICTED = List.of("hostPath", "gcePersistentDisk", "awsElasticBlockStore",
			"gitRepo", "nfs", "iscsi", "glusterfs", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc",
			"azureFile", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO",
			"storageos");

	RestrictedVolumesCheck() {
		super("restrictedVolumes", Level.RESTRICTED, "keep to configMap, csi, downwardAPI, emptyDir, ephemeral, "
				+ "persistentVolumeClaim, projected and secret volumes");
	}

	@Override
	public Violation check(PodView pod) {
		Set<String> types = new TreeSet<>();
		Offenders offenders = Offenders.volumesWhere(pod, RestrictedVolumesCheck::restrictedType, types);
		if (offenders.isEmpty()) {
			return null;
		}
		return violation("restricted volume types",
				offenders.volumes() + " " + Words.use(offenders.count()) + " "
						+ Words.pluralize("restricted volume type", "restricted volume types", types.size()) + " "
						+ Words.joinQuote(types),
				offenders.paths());
	}

	/**
	 * The volume's restricted type, or null when it is of an allowed type or has no
	 * source.
	 */
	private static String restrictedType(JsonNode volume) {
		for (String type : ALLOWED) {
			if (isSet(volume.path(type))) {
				return null;
			}
		}
		for (String type : RESTRICTED) {
			if (isSet(volume.path(type))) {
				return type;
			}
		}
		return null;
	}

	/** A source the decoder keeps: null or a missing field is no source. */
	private static boolean isSet(JsonNode source) {
		return !source.isMissingNode() && !source.isNull();
	}

}
