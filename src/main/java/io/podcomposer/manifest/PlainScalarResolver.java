package io.podcomposer.manifest;

import java.util.Set;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's YAML 1.1 resolver, with a quick way to the tag of a plain scalar: its
 * patterns cost the most in reading and writing a manifest, and most scalars (names,
 * images, paths) can match none of them.
 */
class PlainScalarResolver extends Resolver {

	/** All that the patterns of bools and nulls match (an empty or blank value too). */
	private static final Set<String> WORDS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
			"false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL", " ", "");

	/**
	 * The first characters of the other patterns: numbers, timestamps, merge keys and the
	 * YAML tag's.
	 */
	private static final String PATTERN_STARTS = "-+.0123456789<!&*";

	/**
	 * The tag of an untagged plain scalar, as {@code resolve(NodeId.scalar, value, true)}
	 * gives it.
	 */
	Tag resolvePlain(String value) {
		boolean mayMatch = value.isEmpty() || PATTERN_STARTS.indexOf(value.charAt(0)) >= 0 || WORDS.contains(value);
		return mayMatch ? resolve(NodeId.scalar, value, true) : Tag.STR;
	}

}
