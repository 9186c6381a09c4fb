package io.podcomposer.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import tools.jackson.databind.JsonNode;

/**
 * The size a document has once expanded, counted as compact JSON text would be (each
 * value with two quotes and a separator, each list or map with its brackets), and the
 * limit on it: 1 MiB (1,048,576 characters), the size of the column a template's manifest
 * is stored in and of the request body cap. A YAML alias counts as the whole value its
 * anchor stands for, and a filled-in placeholder as its value, so that a small text
 * cannot stand for a huge one.
 * <p>
 * Sizes are counted before anything is expanded: from the parse events for YAML, from the
 * values' lengths for placeholders.
 */
public final class ExpandedSize {

	public static final int MAX_CHARS = 1024 * 1024;

	/** A list or a map, without what it holds: its brackets. */
	static final long COLLECTION_COST = 2;

	private ExpandedSize() {
	}

	/**
	 * Counts a YAML stream from its parse events, every document together, aliases
	 * expanded.
	 * @throws ManifestTooLargeException as soon as the count passes the limit
	 * @throws org.yaml.snakeyaml.error.YAMLException when the text does not parse
	 */
	static void checkYaml(String text, LoaderOptions options) {
		Parser parser = new ParserImpl(new StreamReader(text), options);
		Map<String, Long> anchored = new HashMap<>();
		// for each open list or map: its anchor (or null) and the count when it opened
		List<String> openAnchors = new ArrayList<>();
		List<Long> openedAt = new ArrayList<>();
		long size = 0;
		while (!parser.checkEvent(Event.ID.StreamEnd)) {
			Event event = parser.getEvent();
			if (event instanceof ScalarEvent scalar) {
				long cost = scalarCost(scalar.getValue().length());
				if (scalar.getAnchor() != null) {
					anchored.put(scalar.getAnchor(), cost);
				}
				size += cost;
			}
			else if (event instanceof CollectionStartEvent start) {
				if (openAnchors.size() >= ManifestReader.MAX_NESTING_DEPTH) {
					return; // too deep: SnakeYAML's composer refuses it, without reading
							// the rest
				}
				openAnchors.add(start.getAnchor());
				openedAt.add(size);
				size += COLLECTION_COST;
			}
			else if (event.is(Event.ID.SequenceEnd) || event.is(Event.ID.MappingEnd)) {
				String anchor = openAnchors.remove(openAnchors.size() - 1);
				long start = openedAt.remove(openedAt.size() - 1);
				if (anchor != null) {
					anchored.put(anchor, size - start);
				}
			}
			else if (event instanceof AliasEvent alias) {
				// an unknown anchor is the composer's error to report
				size += anchored.getOrDefault(alias.getAnchor(), 0L);
			}
			if (size > MAX_CHARS) {
				throw new ManifestTooLargeException("the document expands to more than " + MAX_CHARS
						+ " characters (1 MiB, counted as JSON with every alias expanded)");
			}
		}
	}

	/**
	 * The size of a tree with its placeholders filled in from {@code values}, without
	 * filling them.
	 * @throws ManifestTooLargeException when it passes the limit
	 */
	static void checkFilled(JsonNode tree, Map<String, String> values) {
		if (filledSize(tree, values) > MAX_CHARS) {
			throw new ManifestTooLargeException("with its placeholders filled in, the manifest would be more than "
					+ MAX_CHARS + " characters (1 MiB, counted as JSON)");
		}
	}

	private static long filledSize(JsonNode node, Map<String, String> values) {
		if (node.isString()) {
			return scalarCost(Placeholders.filledLength(node.asString(), values));
		}
		if (node.isObject()) {
			long size = COLLECTION_COST;
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				size += scalarCost(entry.getKey().length()) + filledSize(entry.getValue(), values);
			}
			return size;
		}
		if (node.isArray()) {
			long size = COLLECTION_COST;
			for (JsonNode item : node.values()) {
				size += filledSize(item, values);
			}
			return size;
		}
		return scalarCost(node.toString().length());
	}

	/** A scalar of this length: its text, two quotes and a separator. */
	static long scalarCost(long length) {
		return length + 3;
	}

}
