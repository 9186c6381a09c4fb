package io.podcomposer.deploy;

import java.util.List;

import io.podcomposer.kube.ClusterCallException;
import io.podcomposer.kube.ClusterCalls;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.system.DomainException.Kind;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The logs of a deployment's pods. */
@Service
class PodLogs {

	static final int MAX_TAIL_LINES = 10_000;

	private final DeploymentLookup lookup;

	PodLogs(DeploymentLookup lookup) {
		this.lookup = lookup;
	}

	/**
	 * The last lines of a container's log, of the deployed pod or one of the workload's
	 * pods.
	 * @throws DeployProblem not found for a pod that is not the deployment's; as the
	 * cluster answers otherwise
	 */
	String logs(long id, String pod, String container, int tailLines) {
		DeploymentRecord record = this.lookup.find(id);
		int lines = Math.min(Math.max(tailLines, 1), MAX_TAIL_LINES);
		try {
			ClusterCalls calls = this.lookup.calls(record);
			WorkloadKind kind = DeploymentLookup.kind(record);
			String podName = (pod == null || pod.isBlank()) ? null : pod.trim();
			List<String> names;
			if (kind.isPod()) {
				names = List.of(record.getName());
			}
			else {
				JsonNode object = calls.get(kind, record.getNamespace(), record.getName())
					.orElseThrow(() -> new DeployProblem(Kind.NOT_FOUND, "Not found",
							Deployer.what(record) + " is not in the cluster."));
				names = LiveStates.pods(calls, record.getNamespace(), kind, object)
					.stream()
					.map((each) -> each.path("metadata").path("name").asString())
					.toList();
			}
			if (podName == null && names.size() == 1) {
				podName = names.get(0);
			}
			if (podName == null || !names.contains(podName)) {
				throw new DeployProblem(Kind.NOT_FOUND, "Not found",
						(podName == null) ? "Name the pod: one of " + names + "."
								: "Pod " + podName + " is not one of this deployment's pods " + names + ".");
			}
			return calls.logs(record.getNamespace(), podName, blankToNull(container), lines);
		}
		catch (ClusterCallException ex) {
			Kind refused = DeployProblem.kindFor(ex);
			throw new DeployProblem((refused == Kind.CONFLICT) ? Kind.INVALID : refused, "No logs", ex.getMessage());
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
