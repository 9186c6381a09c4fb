package io.podcomposer.validation;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.podcomposer.manifest.Nodes;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * {@code cron-schedule}: a CronJob's {@code schedule}, {@code timeZone} and
 * {@code concurrencyPolicy}.
 * <ul>
 * <li>{@code schedule} is required: five fields (see {@link CronFields}) or a macro
 * ({@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @midnight}, {@code @hourly}, {@code @every <duration>}), and no {@code TZ=} or
 * {@code CRON_TZ=}: the time zone goes in {@code timeZone};</li>
 * <li>{@code timeZone}, when set, is an IANA time zone name (one {@link ZoneId#of} knows
 * as a region, such as {@code Europe/Paris} or {@code Etc/UTC}), not {@code Local};</li>
 * <li>{@code concurrencyPolicy} is {@code Allow} (the default), {@code Forbid} or
 * {@code Replace}.</li>
 * </ul>
 */
final class CronScheduleRule extends ApiServerRule {

	/** Upstream's check of each part of a zone name before it looks the zone up. */
	private static final Pattern ZONE_PART = Pattern.compile("[A-Za-z.\\-_0-9+]{1,14}");

	/**
	 * The region ids of the time zone database: what ZoneId.of accepts, less fixed
	 * offsets.
	 */
	private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

	private static final AllowedValues CONCURRENCY = new AllowedValues("Allow", "Forbid", "Replace");

	CronScheduleRule() {
		super("cron-schedule");
	}

	@Override
	public void check(PodView pod, Findings findings) {
		if (pod.kind() != WorkloadKind.CRON_JOB) {
			return;
		}
		JsonNode spec = Workloads.spec(pod);
		if (!Nodes.objectOrAbsent(spec)) {
			return;
		}
		checkSchedule(spec.path("schedule"), findings);
		JsonNode timeZone = spec.path("timeZone");
		if (timeZone.isString()) {
			String problem = zoneProblem(timeZone.stringValue());
			if (problem != null) {
				findings.add("spec.timeZone", Messages.invalid(timeZone.stringValue(), problem));
			}
		}
		CONCURRENCY.check(spec.path("concurrencyPolicy"), "spec.concurrencyPolicy", findings);
	}

	private static void checkSchedule(JsonNode node, Findings findings) {
		if (Nodes.unsetText(node)) {
			findings.add("spec.schedule", Messages.REQUIRED);
			return;
		}
		String schedule = Nodes.text(node);
		if (schedule == null) {
			return;
		}
		String problem = schedule.contains("TZ") ? "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"
				: CronFields.problem(schedule);
		if (problem != null) {
			findings.add("spec.schedule", Messages.invalid(schedule, problem));
		}
	}

	private static String zoneProblem(String zone) {
		if (zone.isEmpty()) {
			return "timeZone must be nil or non-empty string";
		}
		for (String part : zone.split("/", -1)) {
			if (part.equals(".") || part.equals("..") || part.startsWith("-") || !ZONE_PART.matcher(part).matches()) {
				return "unknown time zone " + zone;
			}
		}
		if (zone.toLowerCase(Locale.ROOT).equals("local")) {
			return "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";
		}
		return ZONES.contains(zone) ? null : "unknown time zone " + zone;
	}

}
