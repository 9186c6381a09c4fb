package io.podcomposer.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CronJob schedule as the API server parses it (robfig/cron v3, standard parser), with
 * its error texts. Five fields: minute (0-59), hour (0-23), day of month (1-31), month
 * (1-12 or JAN-DEC) and day of week (0-6 or SUN-SAT). A field is a comma-separated list
 * of {@code *} or {@code ?}, a number or name, or a range {@code a-b}, each with an
 * optional step {@code /n}; {@code a/n} runs from a to the end. Or one macro:
 * {@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @midnight}, {@code @hourly}, {@code @every <duration>}.
 */
final class CronFields {

	private record Bounds(int min, int max, Map<String, Integer> names) {
	}

	private record Number(long value, String problem) {
	}

	/** Steps are plain numbers. */
	private static final Bounds NO_NAMES = new Bounds(0, 0, Map.of());

	private static final List<Bounds> FIELDS = List.of(new Bounds(0, 59, Map.of()), new Bounds(0, 23, Map.of()),
			new Bounds(1, 31, Map.of()),
			new Bounds(1, 12,
					Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
							Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
							Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12))),
			new Bounds(0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6)));

	private static final List<String> MACROS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
			"@midnight", "@hourly");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	/**
	 * Go's time.ParseDuration syntax: signed, then one or more number-unit pairs, or a
	 * bare 0.
	 */
	private static final Pattern DURATION = Pattern
		.compile("[-+]?((\\d+(\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+|[-+]?0");

	private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

	private CronFields() {
	}

	/** Null when the schedule parses, else why not, in the API server's words. */
	static String problem(String schedule) {
		if (schedule.startsWith("@")) {
			return macroProblem(schedule);
		}
		String trimmed = schedule.strip();
		String[] fields = trimmed.isEmpty() ? new String[0] : WHITESPACE.split(trimmed);
		if (fields.length != FIELDS.size()) {
			return "expected exactly " + FIELDS.size() + " fields, found " + fields.length + ": ["
					+ String.join(" ", fields) + "]";
		}
		for (int i = 0; i < fields.length; i++) {
			for (String range : fields[i].split(",")) {
				String problem = range.isEmpty() ? null : rangeProblem(range, FIELDS.get(i));
				if (problem != null) {
					return problem;
				}
			}
		}
		return null;
	}

	private static String macroProblem(String schedule) {
		if (MACROS.contains(schedule)) {
			return null;
		}
		if (schedule.startsWith("@every ")) {
			String duration = schedule.substring("@every ".length());
			return DURATION.matcher(duration).matches() ? null
					: "failed to parse duration " + schedule + ": time: invalid duration " + Messages.quote(duration);
		}
		return "unrecognized descriptor: " + schedule;
	}

	/**
	 * One item of a field: {@code *}, {@code 5}, {@code MON-FRI}, {@code 1-30/5},
	 * {@code *}{@code /15}.
	 */
	private static String rangeProblem(String expression, Bounds bounds) {
		String[] rangeAndStep = expression.split("/", -1);
		String[] lowAndHigh = rangeAndStep[0].split("-", -1);
		long start = bounds.min();
		long end = bounds.max();
		if (!lowAndHigh[0].equals("*") && !lowAndHigh[0].equals("?")) {
			Number low = number(lowAndHigh[0], bounds);
			if (low.problem() != null) {
				return low.problem();
			}
			start = low.value();
			end = start;
			if (lowAndHigh.length == 2) {
				Number high = number(lowAndHigh[1], bounds);
				if (high.problem() != null) {
					return high.problem();
				}
				end = high.value();
			}
			else if (lowAndHigh.length > 2) {
				return "too many hyphens: " + expression;
			}
		}
		long step = 1;
		if (rangeAndStep.length > 2) {
			return "too many slashes: " + expression;
		}
		if (rangeAndStep.length == 2) {
			Number parsed = number(rangeAndStep[1], NO_NAMES);
			if (parsed.problem() != null) {
				return parsed.problem();
			}
			step = parsed.value();
			if (lowAndHigh.length == 1) {
				end = bounds.max();
			}
		}
		if (start < bounds.min()) {
			return "beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expression;
		}
		if (end > bounds.max()) {
			return "end of range (" + end + ") above maximum (" + bounds.max() + "): " + expression;
		}
		if (start > end) {
			return "beginning of range (" + start + ") beyond end of range (" + end + "): " + expression;
		}
		return (step == 0) ? "step of range should be a positive number: " + expression : null;
	}

	/** A number or a name of the field: its value, or the problem with it. */
	private static Number number(String text, Bounds bounds) {
		Integer named = bounds.names().get(text.toLowerCase(Locale.ROOT));
		if (named != null) {
			return new Number(named, null);
		}
		String atoi = "failed to parse int from " + text + ": strconv.Atoi: parsing " + Messages.quote(text) + ": ";
		if (!INTEGER.matcher(text).matches()) {
			return new Number(0, atoi + "invalid syntax");
		}
		try {
			long value = Long.parseLong(text);
			return new Number(value, (value < 0) ? "negative number (" + value + ") not allowed: " + text : null);
		}
		catch (NumberFormatException ex) {
			return new Number(0, atoi + "value out of range");
		}
	}

}
