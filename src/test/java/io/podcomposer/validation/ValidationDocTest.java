package io.podcomposer.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/VALIDATION.md's rules table stays true to {@link ValidationRules}: every rule id
 * it names exists, every row names one or says why it is not covered, and every rule of
 * the API server's that we have has its row.
 */
class ValidationDocTest {

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final String NOT_COVERED = "not covered, because ";

	@Test
	void everyRuleIdInTheTableExistsAndEveryRowIsCoveredOrSaysWhyNot() throws IOException {
		Set<String> ids = ValidationRules.ALL.stream().map(ValidationRule::id).collect(Collectors.toSet());
		List<String> cells = oursColumn();

		assertThat(cells).hasSizeGreaterThan(50);
		for (String cell : cells) {
			List<String> named = named(cell);
			assertThat(ids).as("rule ids named in \"%s\"", cell).containsAll(named);
			if (named.isEmpty() || cell.startsWith(NOT_COVERED)) {
				assertThat(cell).as("a row without a rule of ours").startsWith(NOT_COVERED);
				assertThat(cell.substring(NOT_COVERED.length()).trim()).as("the reason").isNotEmpty();
			}
		}
	}

	@Test
	void everyApiServerRuleHasItsRow() throws IOException {
		Set<String> named = oursColumn().stream().flatMap((cell) -> named(cell).stream()).collect(Collectors.toSet());

		assertThat(ValidationRules.ALL).filteredOn((rule) -> rule instanceof ApiServerRule)
			.extracting(ValidationRule::id)
			.allSatisfy((id) -> assertThat(named).as("rule ids in docs/VALIDATION.md").contains(id));
	}

	/**
	 * The last cell of each table row under "## Rules", up to the next section of the
	 * same level.
	 */
	private static List<String> oursColumn() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("docs", "VALIDATION.md"));
		int start = lines.indexOf("## Rules");
		assertThat(start).as("a \"## Rules\" section").isGreaterThanOrEqualTo(0);
		List<String> cells = new ArrayList<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			if (line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| Upstream |")) {
				String[] row = line.substring(1, line.lastIndexOf('|')).split(" \\| ");
				cells.add(row[row.length - 1].trim());
			}
		}
		return cells;
	}

	/**
	 * The rule ids a cell names: its code spans, which in this column are used for
	 * nothing else.
	 */
	private static List<String> named(String cell) {
		List<String> named = new ArrayList<>();
		Matcher code = CODE.matcher(cell);
		while (code.find()) {
			named.add(code.group(1));
		}
		return named;
	}

}
