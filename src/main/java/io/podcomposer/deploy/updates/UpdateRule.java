package io.podcomposer.deploy.updates;

import java.util.List;

import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * One of the API server's rules for what may change in an object that exists, in the
 * style of Pod Security's checks: an id, the kinds it covers, and the refused changes it
 * finds.
 */
interface UpdateRule {

	String id();

	boolean appliesTo(WorkloadKind kind);

	/**
	 * @param live the object as the cluster has it
	 * @param updated the live object with the deploy's fields laid over it
	 */
	List<ImmutableChange> refused(JsonNode live, JsonNode updated);

}
