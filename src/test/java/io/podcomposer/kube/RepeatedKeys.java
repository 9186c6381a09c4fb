package io.podcomposer.kube;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What the API server's strict YAML decoding (go-yaml v2's {@code UnmarshalStrict},
 * behind {@code fieldValidation=Strict} or {@code Warn} on an apply) says of a key given
 * twice in one mapping: {@code line 7: key "image" already set in map}, the line being
 * that of the repeated key's value, in document order with what lies inside a value
 * before its key.
 */
final class RepeatedKeys {

	/**
	 * How the API server begins the 400 for a strict apply with repeated keys; the errors
	 * follow, one a line.
	 */
	static final String STRICT_PREFIX = "error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal errors:";

	private RepeatedKeys() {
	}

	/**
	 * The errors for every repeated key of the document; empty when there is none or the
	 * text is not YAML.
	 */
	static List<String> errors(String yaml) {
		List<String> errors = new ArrayList<>();
		try {
			Node document = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
			if (document != null) {
				collect(document, errors);
			}
		}
		catch (RuntimeException ex) {
			// not readable as YAML: the apply's own decoding says so first
		}
		return errors;
	}

	private static void collect(Node node, List<String> errors) {
		if (node instanceof MappingNode mapping) {
			Set<String> seen = new HashSet<>();
			for (NodeTuple tuple : mapping.getValue()) {
				collect(tuple.getValueNode(), errors);
				if (tuple.getKeyNode() instanceof ScalarNode key && !seen.add(key.getValue())) {
					errors.add("line " + (tuple.getValueNode().getStartMark().getLine() + 1) + ": key \""
							+ key.getValue() + "\" already set in map");
				}
			}
		}
		else if (node instanceof SequenceNode sequence) {
			sequence.getValue().forEach(element -> collect(element, errors));
		}
	}

}
