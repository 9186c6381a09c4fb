package io.podcomposer.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.podcomposer.kube.ClusterCallException;
import io.podcomposer.kube.ClusterCalls;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.system.LineDiff;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads how a live object drifted from what a deploy applied. */
@Service
class DriftReader {

	private final DeploymentLookup lookup;

	private final LiveStates liveStates;

	DriftReader(DeploymentLookup lookup, LiveStates liveStates) {
		this.lookup = lookup;
		this.liveStates = liveStates;
	}

	/**
	 * How the live object differs from what the record applied, in the fields it applied:
	 * a change by someone else shows as a diff; the others who wrote to the object are
	 * named.
	 */
	Drift drift(long id) {
		DeploymentRecord record = this.lookup.find(id);
		if (record.getStatus() != DeployStatus.Applied) {
			return new Drift(false, this.liveStates.read(record).live().message(), "", List.of());
		}
		try {
			Optional<JsonNode> live = this.lookup.calls(record)
				.get(DeploymentLookup.kind(record), record.getNamespace(), record.getName());
			if (live.isEmpty()) {
				return new Drift(false, Deployer.what(record) + " is not in the cluster any more.", "", List.of());
			}
			JsonNode applied = ManifestReader.readJson(record.getManifest());
			String mine = ManifestWriter.toYaml(applied);
			String theirs = ManifestWriter.toYaml(project(applied, live.get()));
			List<String> others = new ArrayList<>();
			for (JsonNode entry : live.get().path("metadata").path("managedFields")) {
				String manager = entry.path("manager").asString("");
				if (!manager.equals(ClusterCalls.FIELD_MANAGER)) {
					others.add(manager + " (" + entry.path("operation").asString("") + ", "
							+ entry.path("time").asString("") + ")");
				}
			}
			return new Drift(true, null, mine.equals(theirs) ? "" : LineDiff.unified("applied", mine, "live", theirs),
					others);
		}
		catch (ClusterCallException ex) {
			return new Drift(false, ex.getMessage(), "", List.of());
		}
	}

	/**
	 * The drift of a live object: {@code diff} is empty when the fields it applied are as
	 * applied.
	 */
	public record Drift(boolean inCluster, String message, String diff, List<String> otherManagers) {
	}

	/**
	 * The live object cut to the shape of what was applied: the fields applied, with
	 * their live values; list items with a name matched by name.
	 */
	static JsonNode project(JsonNode applied, JsonNode live) {
		if (applied.isObject()) {
			ObjectNode projected = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> field : applied.properties()) {
				JsonNode value = live.get(field.getKey());
				if (value != null) {
					projected.set(field.getKey(), project(field.getValue(), value));
				}
			}
			return projected;
		}
		if (applied.isArray() && live.isArray() && applied.valueStream().allMatch((item) -> item.has("name"))) {
			ArrayNode projected = JsonNodeFactory.instance.arrayNode();
			for (JsonNode item : applied) {
				live.valueStream()
					.filter((candidate) -> candidate.path("name").equals(item.get("name")))
					.findFirst()
					.ifPresent((match) -> projected.add(project(item, match)));
			}
			return projected;
		}
		return live;
	}

}
