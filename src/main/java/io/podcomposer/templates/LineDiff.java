package io.podcomposer.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, as {@code diff -u} writes it: the longest common
 * subsequence of lines, and hunks with three lines of context.
 */
final class LineDiff {

	private static final int CONTEXT = 3;

	/** The most cells of the comparison table: 4 million ints, 16 MB. */
	private static final long MAX_TABLE = 4_000_000;

	private LineDiff() {
	}

	/** One line of the edit script: ' ' kept, '-' only in the old text, '+' only in the new one. */
	private record Edit(char kind, String line, int oldIndex, int newIndex) {
	}

	/** The diff, with {@code ---}/{@code +++} headers; empty when the texts have the same lines. */
	static String unified(String oldName, String oldText, String newName, String newText) {
		List<Edit> edits = edits(lines(oldText), lines(newText));
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < edits.size()) {
			if (edits.get(i).kind() == ' ') {
				i++;
				continue;
			}
			int start = Math.max(0, i - CONTEXT);
			int end = i;
			// a hunk runs on while the next change is close enough for the contexts to touch
			while (end < edits.size()) {
				if (edits.get(end).kind() != ' ') {
					end++;
					continue;
				}
				int next = end;
				while (next < edits.size() && edits.get(next).kind() == ' ') {
					next++;
				}
				if (next < edits.size() && next - end <= 2 * CONTEXT) {
					end = next;
				}
				else {
					end = Math.min(edits.size(), end + CONTEXT);
					break;
				}
			}
			if (out.isEmpty()) {
				out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
			}
			hunk(edits.subList(start, end), out);
			i = end;
		}
		return out.toString();
	}

	private static void hunk(List<Edit> edits, StringBuilder out) {
		int oldCount = 0;
		int newCount = 0;
		for (Edit edit : edits) {
			oldCount += (edit.kind() != '+') ? 1 : 0;
			newCount += (edit.kind() != '-') ? 1 : 0;
		}
		Edit first = edits.get(0);
		out.append("@@ -").append(range(first.oldIndex(), oldCount)).append(" +")
			.append(range(first.newIndex(), newCount)).append(" @@\n");
		edits.forEach((edit) -> out.append(edit.kind()).append(edit.line()).append('\n'));
	}

	/** A hunk range: the start counts from 1, except that an empty range names the line before it. */
	private static String range(int index, int count) {
		int start = (count == 0) ? index : index + 1;
		return (count == 1) ? String.valueOf(start) : start + "," + count;
	}

	private static List<Edit> edits(List<String> a, List<String> b) {
		// the common head and tail need no table, which keeps it small for the usual small change
		int head = 0;
		while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
			head++;
		}
		int tail = 0;
		while (tail < a.size() - head && tail < b.size() - head
				&& a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
			tail++;
		}
		List<Edit> edits = new ArrayList<>();
		for (int k = 0; k < head; k++) {
			edits.add(new Edit(' ', a.get(k), k, k));
		}
		middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, edits);
		for (int k = tail; k > 0; k--) {
			edits.add(new Edit(' ', a.get(a.size() - k), a.size() - k, b.size() - k));
		}
		return edits;
	}

	private static void middle(List<String> a, List<String> b, int offset, List<Edit> edits) {
		if ((long) a.size() * b.size() > MAX_TABLE) {
			// too big to compare line by line: everything old goes, everything new comes
			for (int i = 0; i < a.size(); i++) {
				edits.add(new Edit('-', a.get(i), offset + i, offset));
			}
			for (int j = 0; j < b.size(); j++) {
				edits.add(new Edit('+', b.get(j), offset + a.size(), offset + j));
			}
			return;
		}
		// lcs[i][j]: the longest common subsequence of a[i..] and b[j..]
		int[][] lcs = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.size() || j < b.size()) {
			if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
				edits.add(new Edit(' ', a.get(i), offset + i++, offset + j++));
			}
			else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
				// removals first, as diff -u writes them
				edits.add(new Edit('-', a.get(i), offset + i++, offset + j));
			}
			else {
				edits.add(new Edit('+', b.get(j), offset + i, offset + j++));
			}
		}
	}

	private static List<String> lines(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		return List.of((text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1));
	}

}
