package io.podcomposer.manifest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the plain shape of a manifest (maps, lists and untagged scalars, nothing shared
 * through anchors) straight from SnakeYAML's parse events into a tree, without building
 * Java maps and lists first: that took most of the time of reading. Everything else,
 * errors included, is left to {@link ManifestReader}'s general reader, which this one
 * answers exactly like: {@code null} means "read it there".
 */
final class PlainYamlReader {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final ScalarValues SCALARS = new ScalarValues();

	/**
	 * Thrown where the text leaves the plain shape; no stack trace, as it is not a
	 * failure.
	 */
	private static final RuntimeException NOT_PLAIN = new RuntimeException(null, null, false, false) {
	};

	private final Parser parser;

	private int values;

	/**
	 * What {@link ExpandedSize} counts; past its limit, the general reader refuses the
	 * text.
	 */
	private long size;

	private PlainYamlReader(StreamReader text, LoaderOptions options) {
		this.parser = new ParserImpl(text, options);
	}

	/**
	 * The one document of {@code text}, or null when it is not plain, empty or not one
	 * document.
	 */
	static JsonNode readDocument(String text, LoaderOptions options) {
		try {
			// as Yaml.load reads a String
			List<JsonNode> documents = new PlainYamlReader(new StreamReader(text), options).documents();
			return (documents.size() == 1 && !documents.get(0).isNull()) ? documents.get(0) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Every document of {@code text}, an empty one as a null node, or null when one is
	 * not plain.
	 */
	static List<JsonNode> readDocuments(String text, LoaderOptions options) {
		try {
			// as Yaml.loadAll reads a String
			return new PlainYamlReader(new StreamReader(new StringReader(text)), options).documents();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private List<JsonNode> documents() {
		List<JsonNode> documents = new ArrayList<>();
		this.parser.getEvent(); // stream start
		while (!this.parser.checkEvent(Event.ID.StreamEnd)) {
			this.parser.getEvent(); // document start
			documents.add(value(this.parser.getEvent(), 0));
			this.parser.getEvent(); // document end
		}
		return documents;
	}

	private JsonNode value(Event event, int depth) {
		// the general reader counts values and depth in its own way; near its limits, it
		// decides
		this.size += event.is(Event.ID.Scalar) ? ExpandedSize.scalarCost(((ScalarEvent) event).getValue().length())
				: ExpandedSize.COLLECTION_COST;
		if (++this.values > ManifestReader.MAX_NODES || depth >= ManifestReader.MAX_NESTING_DEPTH - 1
				|| this.size > ExpandedSize.MAX_CHARS) {
			throw NOT_PLAIN;
		}
		return switch (event.getEventId()) {
			case Scalar -> ManifestReader.scalarNode(scalar((ScalarEvent) event));
			case SequenceStart -> sequence((CollectionStartEvent) event, depth);
			case MappingStart -> mapping((CollectionStartEvent) event, depth);
			default -> throw NOT_PLAIN; // an alias
		};
	}

	private ArrayNode sequence(CollectionStartEvent start, int depth) {
		requireUntagged(start.getAnchor(), start.getTag());
		ArrayNode array = NODES.arrayNode();
		for (Event event = this.parser.getEvent(); !event.is(Event.ID.SequenceEnd); event = this.parser.getEvent()) {
			array.add(value(event, depth + 1));
		}
		return array;
	}

	private ObjectNode mapping(CollectionStartEvent start, int depth) {
		requireUntagged(start.getAnchor(), start.getTag());
		ObjectNode object = NODES.objectNode();
		for (Event event = this.parser.getEvent(); !event.is(Event.ID.MappingEnd); event = this.parser.getEvent()) {
			String key = key(event);
			// a key twice is an error, "1" and 1 one key in the tree: both are the
			// general reader's
			if (object.replace(key, value(this.parser.getEvent(), depth + 1)) != null) {
				throw NOT_PLAIN;
			}
		}
		return object;
	}

	/** A key as the general reader names it: the scalar's value as text. */
	private String key(Event event) {
		Object key = event.is(Event.ID.Scalar) ? scalar((ScalarEvent) event) : null;
		if (key == null) {
			throw NOT_PLAIN;
		}
		this.size += ExpandedSize.scalarCost(((ScalarEvent) event).getValue().length());
		return key.toString();
	}

	/** The value SnakeYAML's SafeConstructor builds from an untagged scalar. */
	private static Object scalar(ScalarEvent event) {
		requireUntagged(event.getAnchor(), event.getTag());
		String value = event.getValue();
		if (!event.getImplicit().canOmitTagInPlainScalar()) {
			if (LoneSurrogates.in(value)) {
				throw NOT_PLAIN; // the general reader refuses it, at its place
			}
			return value; // quoted or a block
		}
		Tag tag = ManifestReader.RESOLVER.resolvePlain(value);
		if (Tag.STR.equals(tag)) {
			return value;
		}
		if (Tag.NULL.equals(tag) || Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
			return SCALARS.construct(tag, value);
		}
		throw NOT_PLAIN; // a merge key
	}

	private static void requireUntagged(String anchor, String tag) {
		if (anchor != null || tag != null) {
			throw NOT_PLAIN;
		}
	}

	/**
	 * SnakeYAML's own rules for scalars (number bases, underscores, sizes, YAML 1.1
	 * bools).
	 */
	private static final class ScalarValues extends SafeConstructor {

		ScalarValues() {
			super(new LoaderOptions());
		}

		Object construct(Tag tag, String value) {
			return this.yamlConstructors.get(tag)
				.construct(new ScalarNode(tag, value, null, null, DumperOptions.ScalarStyle.PLAIN));
		}

	}

}
