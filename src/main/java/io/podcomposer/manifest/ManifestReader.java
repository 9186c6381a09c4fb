package io.podcomposer.manifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads YAML or JSON text into a generic tree that keeps every field it was given.
 * <p>
 * Hardened for text from anyone: aliases, nesting depth and document size are limited,
 * and only the standard YAML types are built (no custom tags, no Java types). Plain
 * scalars that look like timestamps stay strings, as they do when Kubernetes reads YAML.
 */
public final class ManifestReader {

	static final int MAX_NESTING_DEPTH = 64;

	static final int MAX_ALIASES = 50;

	/**
	 * Aliases share nodes; expanding them into a tree must not turn a small text into a
	 * huge one.
	 */
	static final int MAX_NODES = 200_000;

	static final int MAX_CODE_POINTS = 3 * 1024 * 1024;

	private static final String TOO_DEEP = "the document nests lists and maps more than " + MAX_NESTING_DEPTH
			+ " levels deep";

	static final String MISFIT_TAG = "a value does not fit the tag it is given (such as !!int on text or !!str on a map): "
			+ "remove the tag or change the value";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static {
		GoYamlEscapes.accept();
	}

	/**
	 * Shared by every reader: a resolver's patterns are set when it is built and only
	 * read after.
	 */
	static final KubernetesResolver RESOLVER = new KubernetesResolver();

	private static final JsonMapper JSON = jsonMapper(true);

	/**
	 * For a text with a repeated key, which {@link #readJson} takes as the YAML reader
	 * does.
	 */
	private static final JsonMapper JSON_REPEATING = jsonMapper(false);

	/** How Jackson's strict duplicate detection begins its message. */
	private static final String REPEATED_JSON_KEY = "Duplicate Object property";

	private ManifestReader() {
	}

	/**
	 * The fields a document read here gave twice within one mapping
	 * ({@code spec.replicas}), for the API server's strict decoding error; empty for any
	 * other tree. The document holds the last value of each.
	 */
	public static List<String> duplicateFields(JsonNode document) {
		return (document instanceof ReadDocument read) ? read.duplicateFields() : List.of();
	}

	/** Reads one YAML document (JSON is YAML too). */
	public static JsonNode readYaml(String text) {
		JsonNode plain = PlainYamlReader.readDocument(text, loaderOptions());
		return (plain != null) ? plain : readAnyYaml(text);
	}

	/**
	 * The general reader: SnakeYAML builds Java objects, which then become the tree. It
	 * reads what the plain reader leaves (anchors, tags, merge keys) and every faulty
	 * text, so that the errors and their places stay as they are.
	 */
	static JsonNode readAnyYaml(String text) {
		checkExpandedSize(text);
		KeepingLastOfRepeatedKeys constructor = new KeepingLastOfRepeatedKeys();
		Object loaded = parsed(() -> newYaml(constructor).load(text));
		if (loaded == null) {
			throw new ManifestParseException("the document is empty", 0, 0);
		}
		return new TreeBuilder(constructor).document(loaded);
	}

	/**
	 * Reads every document of a YAML stream, as {@code kubectl apply -f} takes one:
	 * documents separated by {@code ---}. An empty document in between is a null node, so
	 * that the caller can name it; empty ones at the end (a closing {@code ---}) are left
	 * out. The limits hold for the stream as a whole: aliases in many documents cannot
	 * add up to more values than in one.
	 * @throws ManifestParseException when a document is malformed or breaks a limit, or
	 * when the text holds no document at all
	 */
	public static List<JsonNode> readYamlDocuments(String text) {
		List<JsonNode> plain = PlainYamlReader.readDocuments(text, loaderOptions());
		return withoutTrailingEmpty((plain != null) ? plain : readAnyYamlDocuments(text));
	}

	/** The general reader for a stream; every document, an empty one as a null node. */
	static List<JsonNode> readAnyYamlDocuments(String text) {
		checkExpandedSize(text);
		List<JsonNode> documents = new ArrayList<>();
		KeepingLastOfRepeatedKeys constructor = new KeepingLastOfRepeatedKeys();
		TreeBuilder builder = new TreeBuilder(constructor);
		parsed(() -> {
			for (Object loaded : newYaml(constructor).loadAll(text)) {
				documents.add((loaded == null) ? NODES.nullNode() : documentNode(loaded, documents.size(), builder));
			}
			return null;
		});
		return documents;
	}

	static List<JsonNode> withoutTrailingEmpty(List<JsonNode> documents) {
		while (!documents.isEmpty() && documents.get(documents.size() - 1).isNull()) {
			documents.remove(documents.size() - 1);
		}
		if (documents.isEmpty()) {
			throw new ManifestParseException("the document is empty", 0, 0);
		}
		return documents;
	}

	/**
	 * A document of a stream; a problem found in the tree names the document, as it has
	 * no line.
	 */
	private static JsonNode documentNode(Object loaded, int index, TreeBuilder builder) {
		try {
			return builder.document(loaded);
		}
		catch (ManifestParseException ex) {
			throw new ManifestParseException("documents[" + index + "]: " + ex.getMessage(), 0, 0);
		}
	}

	/**
	 * Refuses a text whose aliases expand past the limit before SnakeYAML builds anything
	 * from it: an alias to a long scalar costs nothing to build, but its copies would in
	 * every answer.
	 */
	private static void checkExpandedSize(String text) {
		parsed(() -> {
			ExpandedSize.checkYaml(text, loaderOptions());
			return null;
		});
	}

	/**
	 * What SnakeYAML reads, its errors told with their place and in the reader's words.
	 */
	private static Object parsed(Supplier<Object> read) {
		try {
			return read.get();
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			// some problems read only with their context: "expected a single document in
			// the stream, but
			// found another document"
			String problem = (ex.getProblem() == null) ? firstLine(ex.getMessage())
					: (ex.getContext() == null) ? ex.getProblem() : ex.getContext() + ", " + ex.getProblem();
			if (mark == null) {
				throw new ManifestParseException(problem, 0, 0);
			}
			throw new ManifestParseException(problem, mark.getLine() + 1, mark.getColumn() + 1);
		}
		catch (YAMLException ex) {
			throw new ManifestParseException(explainGuard(firstLine(ex.getMessage())), 0, 0);
		}
		catch (IllegalArgumentException | ClassCastException ex) {
			// SnakeYAML's constructors for the standard tags parse or cast what they are
			// given unchecked
			throw new ManifestParseException(MISFIT_TAG, 0, 0);
		}
	}

	/**
	 * Reads one JSON document; null reads as an empty one. A key given twice in one
	 * object is read as the YAML reader reads it: the last value wins, and the document
	 * names the field.
	 */
	public static JsonNode readJson(String text) {
		if (text == null) {
			throw new ManifestParseException("the document is empty", 0, 0);
		}
		return readJson(text, false);
	}

	/**
	 * @param keepingLastOfRepeatedKeys false for the usual way, which stops at a repeated
	 * key; true for the slower one, which takes it, once the usual way has met one
	 */
	private static JsonNode readJson(String text, boolean keepingLastOfRepeatedKeys) {
		JsonMapper mapper = keepingLastOfRepeatedKeys ? JSON_REPEATING : JSON;
		try (JsonParser parser = mapper.createParser(text)) {
			JsonNode node;
			if (keepingLastOfRepeatedKeys) {
				RepeatedKeys repeated = new RepeatedKeys();
				node = (parser.nextToken() == null) ? null : repeated.markedOn(jsonValue(parser, repeated));
			}
			else {
				node = mapper.readTree(parser);
			}
			if (node == null || node.isMissingNode()) {
				throw new ManifestParseException("the document is empty", 0, 0);
			}
			// checked here: Jackson's own check names the Java type it reads into
			if (parser.nextToken() != null) {
				TokenStreamLocation at = parser.currentTokenLocation();
				throw new ManifestParseException("the text holds more than one JSON document; send one",
						Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
			}
			LoneSurrogates.refuseIn(node, text);
			return node;
		}
		catch (StreamConstraintsException ex) {
			throw new ManifestParseException(TOO_DEEP, 0, 0);
		}
		catch (JacksonException ex) {
			String problem = firstLine(ex.getOriginalMessage());
			if (!keepingLastOfRepeatedKeys && problem.startsWith(REPEATED_JSON_KEY)) {
				return readJson(text, true);
			}
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			int column = (ex.getLocation() != null) ? ex.getLocation().getColumnNr() : 0;
			throw new ManifestParseException(problem, Math.max(line, 0), Math.max(column, 0));
		}
	}

	/**
	 * The value at the parser's token, a repeated key's last value in the last one's
	 * place.
	 */
	private static JsonNode jsonValue(JsonParser parser, RepeatedKeys repeated) {
		if (parser.currentToken() == JsonToken.START_OBJECT) {
			ObjectNode object = NODES.objectNode();
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				parser.nextToken();
				JsonNode value = jsonValue(parser, repeated);
				if (object.remove(name) != null) {
					repeated.add(object, name);
				}
				object.set(name, value);
			}
			return object;
		}
		if (parser.currentToken() == JsonToken.START_ARRAY) {
			ArrayNode array = NODES.arrayNode();
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				array.add(jsonValue(parser, repeated));
			}
			return array;
		}
		// a scalar, read as the usual way reads it
		return JSON_REPEATING.readTree(parser);
	}

	private static JsonMapper jsonMapper(boolean refusingRepeatedKeys) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
			.configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, refusingRepeatedKeys)
			.build();
		// readJson looks for a second document itself
		return JsonMapper.builder(factory).disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
	}

	static LoaderOptions loaderOptions() {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setNestingDepthLimit(MAX_NESTING_DEPTH);
		options.setCodePointLimit(MAX_CODE_POINTS);
		options.setAllowDuplicateKeys(false);
		options.setAllowRecursiveKeys(false);
		return options;
	}

	private static Yaml newYaml(KeepingLastOfRepeatedKeys constructor) {
		DumperOptions dumperOptions = new DumperOptions();
		return new Yaml(constructor, new Representer(dumperOptions), dumperOptions, constructor.getLoadingConfig(),
				RESOLVER);
	}

	/**
	 * Builds the trees of a stream's documents, the limit on values counting them all
	 * together. The depth is checked here, not only by SnakeYAML: aliases can nest a list
	 * inside itself or stack shallow pieces into a deep tree.
	 */
	private static final class TreeBuilder {

		private final KeepingLastOfRepeatedKeys constructor;

		private int count;

		private RepeatedKeys repeated;

		TreeBuilder(KeepingLastOfRepeatedKeys constructor) {
			this.constructor = constructor;
		}

		JsonNode document(Object loaded) {
			this.repeated = new RepeatedKeys();
			return this.repeated.markedOn(toNode(loaded, 0));
		}

		private JsonNode toNode(Object value, int depth) {
			if (++this.count > MAX_NODES) {
				throw new ManifestTooLargeException(
						"the document expands to more than " + MAX_NODES + " values through its aliases");
			}
			if ((value instanceof Map || value instanceof List) && depth >= MAX_NESTING_DEPTH) {
				throw new ManifestParseException(TOO_DEEP, 0, 0);
			}
			if (value instanceof Map<?, ?> map) {
				ObjectNode object = NODES.objectNode();
				map.forEach((key, item) -> {
					if (key == null || key instanceof Map || key instanceof List) {
						throw new ManifestParseException("mapping keys must be plain values, not " + key, 0, 0);
					}
					object.set(key.toString(), toNode(item, depth + 1));
				});
				for (Object key : this.constructor.repeatedKeys(map)) {
					this.repeated.add(object, key.toString());
				}
				return object;
			}
			if (value instanceof List<?> list) {
				ArrayNode array = NODES.arrayNode();
				list.forEach((item) -> array.add(toNode(item, depth + 1)));
				return array;
			}
			JsonNode scalar = scalarNode(value);
			if (scalar == null) {
				throw new ManifestParseException(tagOf(value) + " values are not allowed in a manifest", 0, 0);
			}
			return scalar;
		}

	}

	/**
	 * SnakeYAML's safe constructor, letting a key repeated within a mapping through as
	 * sigs.k8s.io/yaml does: the last value wins, in the last one's place. It drops the
	 * earlier entries itself, in one pass, and remembers the keys of each mapping for the
	 * tree: SnakeYAML's own way takes quadratic time and logs a warning for each repeat.
	 * What it does not drop (a key that is a list or a map) SnakeYAML still refuses.
	 */
	private static final class KeepingLastOfRepeatedKeys extends SafeConstructor {

		private final Map<Object, List<Object>> repeatedByMapping = new IdentityHashMap<>();

		KeepingLastOfRepeatedKeys() {
			super(loaderOptions());
			this.yamlConstructors.put(Tag.STR, new ConstructYamlStr() {
				@Override
				public Object construct(Node node) {
					Object text = super.construct(node);
					if (LoneSurrogates.in(text.toString())) {
						Mark at = node.getStartMark();
						throw new ManifestParseException(LoneSurrogates.PROBLEM, at.getLine() + 1, at.getColumn() + 1);
					}
					return text;
				}
			});
		}

		List<Object> repeatedKeys(Map<?, ?> mapping) {
			return this.repeatedByMapping.getOrDefault(mapping, List.of());
		}

		@Override
		protected void constructMapping2ndStep(MappingNode node, Map<Object, Object> mapping) {
			List<NodeTuple> tuples = node.getValue();
			Map<Object, Integer> lastIndex = new HashMap<>();
			List<Object> repeated = null;
			for (int i = 0; i < tuples.size(); i++) {
				Node keyNode = tuples.get(i).getKeyNode();
				if (keyNode instanceof ScalarNode && !Tag.MERGE.equals(keyNode.getTag())) {
					Object key = constructObject(keyNode);
					if (lastIndex.put(key, i) != null) {
						repeated = (repeated != null) ? repeated : new ArrayList<>();
						if (!repeated.contains(key)) {
							repeated.add(key);
						}
					}
				}
			}
			if (repeated != null) {
				List<NodeTuple> kept = new ArrayList<>(tuples.size());
				for (int i = 0; i < tuples.size(); i++) {
					Node keyNode = tuples.get(i).getKeyNode();
					boolean plainKey = keyNode instanceof ScalarNode && !Tag.MERGE.equals(keyNode.getTag());
					if (!plainKey || lastIndex.get(constructObject(keyNode)) == i) {
						kept.add(tuples.get(i));
					}
				}
				node.setValue(kept);
				this.repeatedByMapping.put(mapping, repeated);
			}
			super.constructMapping2ndStep(node, mapping);
		}

	}

	/** The node for a scalar SnakeYAML built, or null for one a manifest cannot hold. */
	static JsonNode scalarNode(Object value) {
		if (value == null) {
			return NODES.nullNode();
		}
		if (value instanceof String text) {
			return NODES.stringNode(text);
		}
		if (value instanceof Boolean bool) {
			return NODES.booleanNode(bool);
		}
		if (value instanceof Integer number) {
			return NODES.numberNode(number);
		}
		if (value instanceof Long number) {
			return NODES.numberNode(number);
		}
		if (value instanceof BigInteger number) {
			return NODES.numberNode(number);
		}
		if (value instanceof Double number) {
			return NODES.numberNode(number);
		}
		return null;
	}

	/**
	 * The standard tag that SnakeYAML builds {@code value} from, for telling a user what
	 * to remove.
	 */
	private static String tagOf(Object value) {
		if (value instanceof byte[]) {
			return "!!binary";
		}
		if (value instanceof Set) {
			return "!!set";
		}
		if (value instanceof Date) {
			return "!!timestamp";
		}
		return "!!pairs";
	}

	/**
	 * SnakeYAML names its guards in its own terms; a user needs to know which limit the
	 * text broke.
	 */
	private static String explainGuard(String message) {
		if (message.startsWith("Number of aliases")) {
			return "the document uses more than " + MAX_ALIASES + " aliases to lists or maps";
		}
		if (message.startsWith("Nesting Depth")) {
			return TOO_DEEP;
		}
		return message;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "malformed document";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	/**
	 * YAML 1.1 resolution as Kubernetes uses it, less timestamps: a date-like value stays
	 * a string.
	 */
	static final class KubernetesResolver extends PlainScalarResolver {

		private static final Pattern NEVER = Pattern.compile("$^");

		@Override
		public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
			super.addImplicitResolver(tag, Tag.TIMESTAMP.equals(tag) ? NEVER : regexp, first, limit);
		}

	}

}
