package io.podcomposer.manifest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a manifest switched from one kind to another remembers of each kind it left, so
 * that switching back gives what it had:
 * <ul>
 * <li>the fields only that kind had: the object minus its pod spec, such as replicas, a
 * schedule, a backoffLimit, a selector and its own labels and annotations;</li>
 * <li>the changes the switch made to the pod, such as a restartPolicy removed or an
 * {@code app} label added. Switching back undoes each one the user has not changed since;
 * later switches update them, so that Pod → Deployment → Job → Pod undoes what both
 * did.</li>
 * </ul>
 * Kept beside the manifest, not in it: the YAML users copy, download or save holds no
 * trace of it. The composer carries it from request to request in its copy of the
 * manifest ({@link Manifest#composerState()}); the REST API's conversions start without
 * one.
 */
final class KindMemory {

	static final KindMemory NONE = new KindMemory(new EnumMap<>(WorkloadKind.class), null);

	/**
	 * The field of the composer's state that holds the memory beside the manifest's own
	 * fields.
	 */
	static final String STATE_FIELD = "podComposerKindMemory";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Map<WorkloadKind, Left> left;

	private final JsonNode replicasGiven;

	private KindMemory(Map<WorkloadKind, Left> left, JsonNode replicasGiven) {
		this.left = left;
		this.replicasGiven = replicasGiven;
	}

	/**
	 * What was left of {@code kind} the last time a switch left it.
	 *
	 * @param fields the object as it was, without its pod spec
	 * @param changes what the switches since did to the pod, in the pod's own fields (as
	 * a Pod has them)
	 */
	record Left(ObjectNode fields, List<PodChange> changes) {

		/** Undoes, on a pod, each change it still shows. */
		void undo(ObjectNode pod) {
			for (int i = this.changes.size() - 1; i >= 0; i--) {
				this.changes.get(i).undo(pod);
			}
		}

	}

	/**
	 * One field of the pod a switch changed: {@code before} and {@code after} are null
	 * where the field was not there. {@code existing} is how many of the path's leading
	 * fields existed before, so that undoing an addition removes the objects it created,
	 * such as {@code labels}.
	 */
	record PodChange(List<String> path, JsonNode before, JsonNode after, int existing) {

		void undo(ObjectNode pod) {
			if (!Objects.equals(at(pod, this.path), this.after)) {
				// changed since: the user's value stays
				return;
			}
			ObjectNode parent = pod;
			for (String field : this.path.subList(0, this.path.size() - 1)) {
				parent = Manifest.objectField(parent, field);
			}
			String last = this.path.get(this.path.size() - 1);
			if (this.before != null) {
				parent.set(last, this.before.deepCopy());
				return;
			}
			parent.remove(last);
			for (int depth = this.path.size() - 1; depth > this.existing; depth--) {
				if (at(pod, this.path.subList(0, depth)) instanceof ObjectNode empty && empty.isEmpty()) {
					((ObjectNode) at(pod, this.path.subList(0, depth - 1))).remove(this.path.get(depth - 1));
				}
			}
		}

	}

	/**
	 * The memory after a switch from {@code source} to a kind, which the switch used up;
	 * {@code replicasGiven} are the replicas the switch gave, having none to carry, or
	 * null.
	 */
	KindMemory after(Manifest source, ObjectNode sourcePod, Manifest converted, ObjectNode convertedPod,
			JsonNode replicasGiven) {
		List<PodChange> changes = new ArrayList<>();
		diff(List.of(), sourcePod, convertedPod, 0, changes);
		Map<WorkloadKind, Left> next = new EnumMap<>(WorkloadKind.class);
		this.left.forEach((kind, left) -> {
			if (kind != source.kind() && kind != converted.kind()) {
				next.put(kind, new Left(left.fields(), rebased(left.changes(), changes)));
			}
		});
		next.put(source.kind(), new Left(withoutPodSpec(source), changes));
		return new KindMemory(next, replicasGiven);
	}

	/**
	 * The replicas the last switch gave the object, having none to carry over; null if it
	 * gave none.
	 */
	JsonNode replicasGiven() {
		return this.replicasGiven;
	}

	Left leftAs(WorkloadKind kind) {
		return this.left.get(kind);
	}

	boolean isEmpty() {
		return this.left.isEmpty();
	}

	ObjectNode toJson() {
		ObjectNode json = NODES.objectNode();
		if (this.replicasGiven != null) {
			json.set("replicasGiven", this.replicasGiven);
		}
		ObjectNode kinds = json.putObject("left");
		this.left.forEach((kind, left) -> {
			ObjectNode entry = kinds.putObject(kind.kindName());
			entry.set("fields", left.fields());
			ArrayNode changes = entry.putArray("changes");
			for (PodChange change : left.changes()) {
				ObjectNode item = changes.addObject();
				change.path().forEach(item.putArray("path")::add);
				if (change.before() != null) {
					item.set("before", change.before());
				}
				if (change.after() != null) {
					item.set("after", change.after());
				}
				item.put("existing", change.existing());
			}
		});
		return json;
	}

	/**
	 * Reads what {@link #toJson()} wrote; anything else is forgotten rather than refused.
	 */
	static KindMemory fromJson(JsonNode json) {
		Map<WorkloadKind, Left> left = new EnumMap<>(WorkloadKind.class);
		if (json == null || !json.isObject()) {
			return NONE;
		}
		for (Map.Entry<String, JsonNode> entry : json.path("left").properties()) {
			WorkloadKind kind = WorkloadKind.fromKindName(entry.getKey()).orElse(null);
			JsonNode fields = entry.getValue().path("fields");
			if (kind == null || !(fields instanceof ObjectNode object)) {
				return NONE;
			}
			List<PodChange> changes = new ArrayList<>();
			for (JsonNode item : entry.getValue().path("changes")) {
				List<String> path = new ArrayList<>();
				item.path("path").forEach((field) -> path.add(field.asString()));
				int existing = item.path("existing").asInt(-1);
				if (path.isEmpty() || existing < 0 || existing >= path.size()) {
					return NONE;
				}
				changes.add(new PodChange(List.copyOf(path), item.get("before"), item.get("after"), existing));
			}
			left.put(kind, new Left(object, List.copyOf(changes)));
		}
		return new KindMemory(left, json.get("replicasGiven"));
	}

	/**
	 * The changes from {@code before} to {@code after}, field by field through the
	 * objects either holds; lists and values are compared whole.
	 */
	private static void diff(List<String> path, JsonNode before, JsonNode after, int existing, List<PodChange> out) {
		if (Objects.equals(before, after)) {
			return;
		}
		boolean objects = (before == null || before.isObject()) && (after == null || after.isObject())
				&& !isEmptyOrMissing(before, after);
		if (!objects) {
			out.add(new PodChange(path, before, after, existing));
			return;
		}
		int childExisting = (before != null) ? path.size() : existing;
		Set<String> fields = new LinkedHashSet<>();
		if (before != null) {
			before.propertyNames().forEach(fields::add);
		}
		if (after != null) {
			after.propertyNames().forEach(fields::add);
		}
		for (String field : fields) {
			List<String> child = new ArrayList<>(path);
			child.add(field);
			diff(List.copyOf(child), (before != null) ? before.get(field) : null,
					(after != null) ? after.get(field) : null, childExisting, out);
		}
	}

	/**
	 * An object that comes or goes empty has no fields to follow; it is changed whole.
	 */
	private static boolean isEmptyOrMissing(JsonNode before, JsonNode after) {
		return (before == null || before.isEmpty()) && (after == null || after.isEmpty());
	}

	/**
	 * A kind's changes with a later switch's on top: where it changed a field again, the
	 * field ends as that switch left it, and a field back as it was needs no undoing.
	 */
	private static List<PodChange> rebased(List<PodChange> earlier, List<PodChange> later) {
		List<PodChange> result = new ArrayList<>(earlier);
		for (PodChange change : later) {
			PodChange same = result.stream().filter((old) -> old.path().equals(change.path())).findFirst().orElse(null);
			// a change to a whole object and one to a field in it: the earlier one no
			// longer applies
			result.removeIf((old) -> old.path().equals(change.path()) || isPrefix(old.path(), change.path())
					|| isPrefix(change.path(), old.path()));
			if (same == null || !Objects.equals(same.after(), change.before())) {
				result.add(change);
			}
			else if (!Objects.equals(same.before(), change.after())) {
				result.add(new PodChange(same.path(), same.before(), change.after(), same.existing()));
			}
		}
		return List.copyOf(result);
	}

	private static boolean isPrefix(List<String> prefix, List<String> path) {
		return prefix.size() < path.size() && path.subList(0, prefix.size()).equals(prefix);
	}

	/** The object without its pod spec: what only its kind holds. */
	private static ObjectNode withoutPodSpec(Manifest manifest) {
		ObjectNode fields = manifest.root().deepCopy();
		JsonNode template = fields;
		for (String field : manifest.kind().templatePath()) {
			template = template.path(field);
		}
		if (template instanceof ObjectNode object) {
			object.remove("spec");
		}
		return fields;
	}

	private static JsonNode at(JsonNode node, List<String> path) {
		JsonNode current = node;
		for (String field : path) {
			if (current == null || !current.isObject()) {
				return null;
			}
			current = current.get(field);
		}
		return current;
	}

}
