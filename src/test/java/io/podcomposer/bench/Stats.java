package io.podcomposer.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Mean and percentiles (nearest rank) of times measured in nanoseconds, in milliseconds.
 */
record Stats(double mean, double p50, double p95, double p99) {

	static Stats of(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Stats(Arrays.stream(sorted).average().orElse(0) / 1e6, rank(sorted, 50), rank(sorted, 95),
				rank(sorted, 99));
	}

	private static double rank(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	/** The name, then mean, p50, p95 and p99. */
	String line(String name) {
		return String.format(Locale.ROOT, "%-8s %7.2f %7.2f %7.2f %7.2f", name, this.mean, this.p50, this.p95,
				this.p99);
	}

}
