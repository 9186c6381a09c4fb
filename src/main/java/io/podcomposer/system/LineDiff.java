package io.podcomposer.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diff of two texts, line by line, as {@code diff -u} finds it: the longest common
 * subsequence of lines, in hunks with three lines of context. The hunks are the model;
 * the unified text and the diff pages are both drawn from them.
 */
public final class LineDiff {

	private static final int CONTEXT = 3;

	/** The most cells of the comparison table: 4 million ints, 16 MB. */
	private static final long MAX_TABLE = 4_000_000;

	private static final Pattern HEADER = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

	private LineDiff() {
	}

	/**
	 * Where a line of the diff is: in both texts, only in the old one, or only in the new
	 * one.
	 */
	public enum Change {

		KEPT(' '), REMOVED('-'), ADDED('+');

		private final char symbol;

		Change(char symbol) {
			this.symbol = symbol;
		}

		/** The mark in front of the line in a unified diff. */
		public char symbol() {
			return this.symbol;
		}

	}

	/**
	 * One line of a hunk, with its 1-based numbers in the old and the new text; a number
	 * is 0 where the line is not in that text.
	 */
	public record Line(Change change, String text, int oldNumber, int newNumber) {
	}

	/**
	 * A side-by-side row: the old line on the left, the new one on the right; either may
	 * be null.
	 */
	public record Row(Line left, Line right) {
	}

	/**
	 * A run of changes with its context. The starts and counts are those of the
	 * {@code @@} header: an empty range starts at the line before it.
	 */
	public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines) {

		/** As in {@code @@ -2,7 +2,7 @@}; a count of 1 is left out. */
		public String header() {
			return "@@ -" + range(this.oldStart, this.oldCount) + " +" + range(this.newStart, this.newCount) + " @@";
		}

		/**
		 * The lines side by side: a kept line on both sides, and each run of removed
		 * lines beside the added lines that follow it, pair by pair.
		 */
		public List<Row> rows() {
			List<Row> rows = new ArrayList<>();
			int i = 0;
			while (i < this.lines.size()) {
				Line line = this.lines.get(i);
				if (line.change() == Change.KEPT) {
					rows.add(new Row(line, line));
					i++;
					continue;
				}
				List<Line> removed = run(i, Change.REMOVED);
				List<Line> added = run(i + removed.size(), Change.ADDED);
				for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
					rows.add(new Row((k < removed.size()) ? removed.get(k) : null,
							(k < added.size()) ? added.get(k) : null));
				}
				i += removed.size() + added.size();
			}
			return rows;
		}

		private List<Line> run(int from, Change change) {
			int to = from;
			while (to < this.lines.size() && this.lines.get(to).change() == change) {
				to++;
			}
			return this.lines.subList(from, to);
		}

		private static String range(int start, int count) {
			return (count == 1) ? String.valueOf(start) : start + "," + count;
		}

	}

	/**
	 * One step of the edit script, with 0-based positions in the old and the new lines.
	 */
	private record Edit(Change change, String line, int oldIndex, int newIndex) {
	}

	/**
	 * The diff, with {@code ---}/{@code +++} headers; empty when the texts have the same
	 * lines.
	 */
	public static String unified(String oldName, String oldText, String newName, String newText) {
		List<Hunk> hunks = hunks(oldText, newText);
		if (hunks.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
		for (Hunk hunk : hunks) {
			out.append(hunk.header()).append('\n');
			hunk.lines().forEach((line) -> out.append(line.change().symbol()).append(line.text()).append('\n'));
		}
		return out.toString();
	}

	/**
	 * The hunks of a diff that {@link #unified} wrote, read back: a diff that was stored
	 * as text is shown as the one it was made from.
	 */
	public static List<Hunk> read(String unified) {
		List<Hunk> hunks = new ArrayList<>();
		int oldStart = 0;
		int newStart = 0;
		int oldNumber = 0;
		int newNumber = 0;
		List<Line> lines = null;
		for (String text : lines(unified)) {
			if (text.startsWith("@@ ")) {
				finish(hunks, oldStart, newStart, lines);
				Matcher header = HEADER.matcher(text);
				if (!header.matches()) {
					throw new IllegalArgumentException("not a hunk header: " + text);
				}
				oldStart = Integer.parseInt(header.group(1));
				newStart = Integer.parseInt(header.group(3));
				oldNumber = (header.group(2) != null && header.group(2).equals("0")) ? oldStart : oldStart - 1;
				newNumber = (header.group(4) != null && header.group(4).equals("0")) ? newStart : newStart - 1;
				lines = new ArrayList<>();
			}
			else if (lines != null && !text.isEmpty()) {
				Change change = switch (text.charAt(0)) {
					case '-' -> Change.REMOVED;
					case '+' -> Change.ADDED;
					default -> Change.KEPT;
				};
				oldNumber += (change != Change.ADDED) ? 1 : 0;
				newNumber += (change != Change.REMOVED) ? 1 : 0;
				lines.add(new Line(change, text.substring(1), (change != Change.ADDED) ? oldNumber : 0,
						(change != Change.REMOVED) ? newNumber : 0));
			}
		}
		finish(hunks, oldStart, newStart, lines);
		return hunks;
	}

	private static void finish(List<Hunk> hunks, int oldStart, int newStart, List<Line> lines) {
		if (lines != null) {
			int oldCount = (int) lines.stream().filter((line) -> line.change() != Change.ADDED).count();
			int newCount = (int) lines.stream().filter((line) -> line.change() != Change.REMOVED).count();
			hunks.add(new Hunk(oldStart, oldCount, newStart, newCount, List.copyOf(lines)));
		}
	}

	/** The hunks of the diff; none when the texts have the same lines. */
	public static List<Hunk> hunks(String oldText, String newText) {
		List<Edit> edits = edits(lines(oldText), lines(newText));
		List<Hunk> hunks = new ArrayList<>();
		int i = 0;
		while (i < edits.size()) {
			if (edits.get(i).change() == Change.KEPT) {
				i++;
				continue;
			}
			int start = Math.max(0, i - CONTEXT);
			int end = i;
			// a hunk runs on while the next change is close enough for the contexts to
			// touch
			while (end < edits.size()) {
				if (edits.get(end).change() != Change.KEPT) {
					end++;
					continue;
				}
				int next = end;
				while (next < edits.size() && edits.get(next).change() == Change.KEPT) {
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
			hunks.add(hunk(edits.subList(start, end)));
			i = end;
		}
		return hunks;
	}

	private static Hunk hunk(List<Edit> edits) {
		int oldCount = 0;
		int newCount = 0;
		List<Line> lines = new ArrayList<>();
		for (Edit edit : edits) {
			boolean inOld = edit.change() != Change.ADDED;
			boolean inNew = edit.change() != Change.REMOVED;
			oldCount += inOld ? 1 : 0;
			newCount += inNew ? 1 : 0;
			lines.add(new Line(edit.change(), edit.line(), inOld ? edit.oldIndex() + 1 : 0,
					inNew ? edit.newIndex() + 1 : 0));
		}
		Edit first = edits.get(0);
		return new Hunk(start(first.oldIndex(), oldCount), oldCount, start(first.newIndex(), newCount), newCount,
				List.copyOf(lines));
	}

	/**
	 * A hunk's start counts from 1, except that an empty range names the line before it.
	 */
	private static int start(int index, int count) {
		return (count == 0) ? index : index + 1;
	}

	private static List<Edit> edits(List<String> a, List<String> b) {
		// the common head and tail need no table, which keeps it small for the usual
		// small change
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
			edits.add(new Edit(Change.KEPT, a.get(k), k, k));
		}
		middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, edits);
		for (int k = tail; k > 0; k--) {
			edits.add(new Edit(Change.KEPT, a.get(a.size() - k), a.size() - k, b.size() - k));
		}
		return edits;
	}

	private static void middle(List<String> a, List<String> b, int offset, List<Edit> edits) {
		if ((long) a.size() * b.size() > MAX_TABLE) {
			// too big to compare line by line: everything old goes, everything new comes
			for (int i = 0; i < a.size(); i++) {
				edits.add(new Edit(Change.REMOVED, a.get(i), offset + i, offset));
			}
			for (int j = 0; j < b.size(); j++) {
				edits.add(new Edit(Change.ADDED, b.get(j), offset + a.size(), offset + j));
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
				edits.add(new Edit(Change.KEPT, a.get(i), offset + i++, offset + j++));
			}
			else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
				// removals first, as diff -u writes them
				edits.add(new Edit(Change.REMOVED, a.get(i), offset + i++, offset + j));
			}
			else {
				edits.add(new Edit(Change.ADDED, b.get(j), offset + i, offset + j++));
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
