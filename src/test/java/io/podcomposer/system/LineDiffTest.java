package io.podcomposer.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.podcomposer.system.LineDiff.Change;
import io.podcomposer.system.LineDiff.Hunk;
import io.podcomposer.system.LineDiff.Line;
import io.podcomposer.system.LineDiff.Row;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

	@Test
	void sameLinesMakeNoDiff() {
		assertThat(LineDiff.unified("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
	}

	@Test
	void aChangedLineWithItsContext() {
		String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
		String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

		assertThat(LineDiff.unified("a", before, "b", after)).isEqualTo("""
				--- a
				+++ b
				@@ -2,7 +2,7 @@
				 2
				 3
				 4
				-5
				+five
				 6
				 7
				 8
				""");
	}

	@Test
	void changesFarApartMakeTwoHunks() {
		String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
		String after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";

		assertThat(LineDiff.unified("x", before, "y", after)).isEqualTo("""
				--- x
				+++ y
				@@ -1,4 +1,4 @@
				-a
				+A
				 b
				 c
				 d
				@@ -10,3 +10,4 @@
				 j
				 k
				 l
				+m
				""");
	}

	@Test
	void fromAndToNothing() {
		assertThat(LineDiff.unified("x", "", "y", "one\n")).isEqualTo("--- x\n+++ y\n@@ -0,0 +1 @@\n+one\n");
		assertThat(LineDiff.unified("x", "one\n", "y", "")).isEqualTo("--- x\n+++ y\n@@ -1 +0,0 @@\n-one\n");
	}

	@Test
	void aHunkNumbersEachLineInTheTextsItIsIn() {
		List<Hunk> hunks = LineDiff.hunks("1\n2\n3\n4\n5\n", "1\n2\nthree\n4\n5\nsix\n");

		assertThat(hunks).hasSize(1);
		Hunk hunk = hunks.get(0);
		assertThat(hunk.header()).isEqualTo("@@ -1,5 +1,6 @@");
		assertThat(hunk.lines()).containsExactly(new Line(Change.KEPT, "1", 1, 1), new Line(Change.KEPT, "2", 2, 2),
				new Line(Change.REMOVED, "3", 3, 0), new Line(Change.ADDED, "three", 0, 3),
				new Line(Change.KEPT, "4", 4, 4), new Line(Change.KEPT, "5", 5, 5),
				new Line(Change.ADDED, "six", 0, 6));
	}

	@Test
	void sideBySideRowsPairRemovedLinesWithTheAddedOnesAfterThem() {
		Hunk hunk = LineDiff.hunks("a\nb\nc\nd\n", "a\nB\nC\nX\nd\n").get(0);

		assertThat(hunk.rows()).extracting((row) -> text(row.left()) + " | " + text(row.right()))
			.containsExactly("a | a", "b | B", "c | C", "- | X", "d | d");
	}

	@Test
	void sideBySideRowsLeaveTheOtherSideEmptyForALoneRemoval() {
		Hunk hunk = LineDiff.hunks("a\nb\nc\n", "a\nc\n").get(0);

		assertThat(hunk.rows()).extracting((row) -> text(row.left()) + " | " + text(row.right()))
			.containsExactly("a | a", "b | -", "c | c");
		Row removed = hunk.rows().get(1);
		assertThat(removed.left()).isEqualTo(new Line(Change.REMOVED, "b", 2, 0));
		assertThat(removed.right()).isNull();
	}

	@Test
	void theUnifiedTextIsWrittenFromTheHunks() {
		String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
		String after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
		List<Hunk> hunks = LineDiff.hunks(before, after);

		StringBuilder text = new StringBuilder("--- x\n+++ y\n");
		for (Hunk hunk : hunks) {
			text.append(hunk.header()).append('\n');
			hunk.lines().forEach((line) -> text.append(line.change().symbol()).append(line.text()).append('\n'));
		}
		assertThat(hunks).extracting(Hunk::header).containsExactly("@@ -1,4 +1,4 @@", "@@ -10,3 +10,4 @@");
		assertThat(LineDiff.unified("x", before, "y", after)).isEqualTo(text.toString());
		assertThat(LineDiff.hunks("same\n", "same\n")).isEmpty();
	}

	private static String text(Line line) {
		return (line != null) ? line.text() : "-";
	}

	@Test
	void aStoredUnifiedDiffReadsBackAsTheHunksItWasWrittenFrom() {
		String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n--- x\n";
		String after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n+++ y\n@@ z\n";

		assertThat(LineDiff.read(LineDiff.unified("old", before, "new", after)))
			.isEqualTo(LineDiff.hunks(before, after))
			.hasSize(2);
		assertThat(LineDiff.read(LineDiff.unified("old", "", "new", "only\n"))).isEqualTo(LineDiff.hunks("", "only\n"));
		assertThat(LineDiff.read("")).isEmpty();
	}

}
