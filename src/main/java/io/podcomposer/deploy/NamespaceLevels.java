package io.podcomposer.deploy;

import java.util.Comparator;
import java.util.List;

import io.podcomposer.clusters.ClusterProblem;
import io.podcomposer.clusters.ClusterService;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The namespaces of a cluster with the Pod Security level each enforces, for the deploy
 * form's list.
 */
@Service
class NamespaceLevels {

	private final ClusterService clusters;

	NamespaceLevels(ClusterService clusters) {
		this.clusters = clusters;
	}

	/**
	 * The namespaces A to Z, or why they cannot be listed (many deploy accounts may not;
	 * a name can still be typed).
	 *
	 * @param problem why they could not be listed, else null
	 */
	record Listed(List<Namespace> namespaces, String problem) {
	}

	/** A namespace and the level its enforce label names; null without the label. */
	record Namespace(String name, String enforced) {
	}

	Listed list(long clusterId) {
		try {
			List<Namespace> namespaces = this.clusters.calls(clusterId)
				.namespaces()
				.stream()
				.map(NamespaceLevels::namespace)
				.sorted(Comparator.comparing(Namespace::name))
				.toList();
			return new Listed(namespaces, null);
		}
		catch (ClusterProblem ex) {
			return new Listed(List.of(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			// a cluster call that failed, credentials that cannot be had now, settings
			// that cannot be used
			return new Listed(List.of(), ex.getMessage());
		}
	}

	private static Namespace namespace(JsonNode namespace) {
		JsonNode metadata = namespace.path("metadata");
		String enforced = metadata.path("labels").path(NamespaceFit.ENFORCE_LABEL).asString("");
		return new Namespace(metadata.path("name").asString(), enforced.isEmpty() ? null : enforced);
	}

}
