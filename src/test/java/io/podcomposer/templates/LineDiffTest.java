package io.podcomposer.templates;

import org.junit.jupiter.api.Test;

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

}
