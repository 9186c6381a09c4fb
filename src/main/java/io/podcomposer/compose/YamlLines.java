package io.podcomposer.compose;

import java.io.StringReader;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.podcomposer.compose.FieldPath.Step;

/**
 * Finds the line of a field path in YAML text, as the YAML tab shows it. A field that is
 * not written (a missing readinessProbe) gives the line of the nearest field around it
 * that is (its container), as long as that is more than the document itself.
 */
final class YamlLines {

	private final Node root;

	/**
	 * Reads the text's structure once: the composer's own output, or the YAML tab's text
	 * once the manifest reader has taken it. Should SnakeYAML's composer still refuse it,
	 * no field has a line.
	 */
	YamlLines(String yaml) {
		Node read;
		try {
			read = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
		}
		catch (YAMLException ex) {
			read = null;
		}
		this.root = read;
	}

	/** The 1-based line, or 0 when not even the path's first field is in the text. */
	int lineOf(String path) {
		Node node = this.root;
		int line = 0;
		for (Step step : FieldPath.parse(path).steps()) {
			Node next = null;
			int nextLine = 0;
			if (node instanceof MappingNode mapping && step.index() < 0) {
				for (NodeTuple entry : mapping.getValue()) {
					if (entry.getKeyNode() instanceof ScalarNode key && key.getValue().equals(step.text())) {
						next = entry.getValueNode();
						nextLine = key.getStartMark().getLine() + 1;
					}
				}
			}
			else if (node instanceof SequenceNode sequence && step.index() >= 0
					&& step.index() < sequence.getValue().size()) {
				next = sequence.getValue().get(step.index());
				nextLine = next.getStartMark().getLine() + 1;
			}
			if (next == null) {
				break;
			}
			node = next;
			line = nextLine;
		}
		return line;
	}

}
