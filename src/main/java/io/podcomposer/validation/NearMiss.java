package io.podcomposer.validation;

import java.util.List;
import java.util.Locale;

/**
 * The known name a misspelt one most likely meant: the same but for case, or one or two
 * letters added, dropped, changed or swapped. Too short a name has too many neighbours to
 * guess from.
 */
final class NearMiss {

	private static final int MAX_EDITS = 2;

	private static final int MIN_LENGTH = 3;

	private NearMiss() {
	}

	/**
	 * The closest of {@code known} to {@code name}, or null when none is near; the first
	 * of equals wins.
	 */
	static String of(String name, List<String> known) {
		String best = null;
		int bestDistance = MAX_EDITS + 1;
		String lower = name.toLowerCase(Locale.ROOT);
		for (String candidate : known) {
			if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
				return candidate;
			}
			if (name.length() < MIN_LENGTH || Math.abs(candidate.length() - name.length()) > MAX_EDITS) {
				continue;
			}
			int distance = distance(name, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/**
	 * Edits between two names, a swap of neighbours counting one (optimal string
	 * alignment).
	 */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
