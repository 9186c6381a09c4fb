package io.podcomposer.manifest;

import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * The escapes of double-quoted scalars that go-yaml (which kubectl and the API server
 * read YAML with) takes and SnakeYAML does not: {@code \'} for an apostrophe and a
 * backslash before a tab for the tab. The other escapes are the same in both:
 * {@code \0 \a \b \t \n \v \f \r \e \  \" \\
 * \N \_ \L \P \xXX \\uXXXX \UXXXXXXXX}; both refuse {@code \/}, which YAML 1.2 has.
 * <p>
 * SnakeYAML's scanner looks escapes up in a public table and has no other way in; the
 * entries are added once, before any text is read, and only widen what reads.
 */
final class GoYamlEscapes {

	private GoYamlEscapes() {
	}

	static synchronized void accept() {
		ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('\'', "'");
		ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('\t', "\t");
	}

}
