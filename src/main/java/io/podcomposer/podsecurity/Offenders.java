package io.podcomposer.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.PodView.ContainerRef;

/**
 * What set a field to a forbidden value: the pod and the containers in the order upstream
 * visits them (pod, init, regular, ephemeral containers), or the volumes; with the paths
 * of those fields.
 */
final class Offenders {

	private boolean pod;

	/** Of containers or of volumes. */
	private final List<String> names = new ArrayList<>(2);

	private final List<String> paths = new ArrayList<>(2);

	/**
	 * The containers whose securityContext {@code forbidden} matches, with the path of
	 * its {@code field}.
	 */
	static Offenders containersWhere(PodView pod, Predicate<JsonNode> forbidden, String field) {
		return new Offenders().addContainersWhere(pod, forbidden, field);
	}

	/**
	 * The pod and the containers whose securityContext {@code forbidden} matches; a
	 * predicate may collect the forbidden values as it goes.
	 */
	static Offenders podAndContainersWhere(PodView pod, Predicate<JsonNode> forbidden, String field) {
		Offenders offenders = new Offenders();
		if (forbidden.test(Fields.podSecurityContext(pod))) {
			offenders.pod(pod.specPath("securityContext." + field));
		}
		return offenders.addContainersWhere(pod, forbidden, field);
	}

	/**
	 * The containers that leave {@code field} unset where the pod does not set it either,
	 * as upstream's "pod or containers ... must set": the pod's path first, then theirs.
	 * Empty when the pod sets it.
	 */
	static Offenders unsetInPodAndContainers(PodView pod, Predicate<JsonNode> isSet, String field) {
		Offenders offenders = new Offenders();
		if (isSet.test(Fields.podSecurityContext(pod))) {
			return offenders;
		}
		offenders.addContainersWhere(pod, isSet.negate(), field);
		if (offenders.hasContainers()) {
			offenders.paths.add(0, pod.specPath("securityContext." + field));
		}
		return offenders;
	}

	/**
	 * The volumes whose source {@code restrictedType} names (null for an allowed one),
	 * with the path of that source; the types go into {@code types}.
	 */
	static Offenders volumesWhere(PodView pod, Function<JsonNode, String> restrictedType, Set<String> types) {
		Offenders offenders = new Offenders();
		JsonNode volumes = Nodes.array(pod.podSpec().path("volumes"));
		for (int i = 0; i < volumes.size(); i++) {
			String type = restrictedType.apply(volumes.get(i));
			if (type != null) {
				types.add(type);
				offenders.names.add(Nodes.textOrEmpty(volumes.get(i).path("name")));
				offenders.paths.add(pod.specPath("volumes[" + i + "]." + type));
			}
		}
		return offenders;
	}

	private Offenders addContainersWhere(PodView pod, Predicate<JsonNode> forbidden, String field) {
		for (ContainerRef container : pod.allContainers()) {
			if (forbidden.test(Fields.securityContext(container))) {
				container(container, "securityContext." + field);
			}
		}
		return this;
	}

	void pod(String path) {
		this.pod = true;
		this.paths.add(path);
	}

	/** Adds the container under its name, with the path of its {@code field}. */
	void container(ContainerRef container, String field) {
		this.names.add(container.name());
		this.paths.add(container.path(field));
	}

	/** For a setter with several wrong fields: the pod, with the paths added apart. */
	void pod() {
		this.pod = true;
	}

	void container(ContainerRef container) {
		this.names.add(container.name());
	}

	void path(String path) {
		this.paths.add(path);
	}

	boolean isEmpty() {
		return !this.pod && this.names.isEmpty();
	}

	boolean hasContainers() {
		return !this.names.isEmpty();
	}

	int count() {
		return this.names.size();
	}

	List<String> paths() {
		return this.paths;
	}

	/** {@code containers "a", "b"}. */
	String containers() {
		return Words.containers(this.names);
	}

	/** {@code volumes "a", "b"}. */
	String volumes() {
		return Words.volumes(this.names);
	}

	/**
	 * As upstream joins whoever set the field: {@code pod}, {@code container "a"},
	 * {@code pod and containers "a", "b"}.
	 */
	String setters() {
		if (this.names.isEmpty()) {
			return "pod";
		}
		return this.pod ? "pod and " + containers() : containers();
	}

}
