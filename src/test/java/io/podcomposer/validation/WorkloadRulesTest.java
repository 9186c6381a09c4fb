package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.cronJob;
import static io.podcomposer.validation.RuleTesting.deployment;
import static io.podcomposer.validation.RuleTesting.finding;
import static org.assertj.core.api.Assertions.assertThat;

class WorkloadRulesTest {

	private static final String JOB = """
			apiVersion: batch/v1
			kind: Job
			metadata:
			  name: migrate
			spec:
			  %s
			  template:
			    metadata:
			      labels:
			        app: migrate
			    spec:
			      restartPolicy: %s
			      containers:
			      - name: migrate
			        image: busybox:1.36
			""";

	private final WorkloadSelectorRule selector = new WorkloadSelectorRule();

	@Test
	void aSelectorWithExpressionsSelectsTheTemplate() {
		assertFindings(this.selector, deployment(RuleTesting.ONE_CONTAINER).replace("""
				    matchLabels:
				      app: web
				""", """
				    matchLabels:
				      app: web
				    matchExpressions:
				    - {key: app, operator: In, values: [web, api]}
				    - {key: tier, operator: NotIn, values: [db]}
				    - {key: app, operator: Exists}
				    - {key: canary, operator: DoesNotExist}
				"""));
		assertFindings(this.selector,
				JOB.formatted("manualSelector: true\n  selector: {matchLabels: {app: migrate}}", "Never"));
		assertFindings(this.selector, JOB.formatted("parallelism: 1", "Never"));
	}

	@Test
	void aSelectorThatMissesTheTemplateIsRefused() {
		assertFindings(this.selector,
				deployment(RuleTesting.ONE_CONTAINER).replace("      app: web\n  template",
						"      app: api\n  template"),
				finding("spec.template.metadata.labels",
						"Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`"));
		assertFindings(this.selector, deployment(RuleTesting.ONE_CONTAINER).replace("""
				    matchLabels:
				      app: web
				""", """
				    matchExpressions:
				    - {key: app, operator: In}
				    - {key: tier, operator: Exists, values: [web]}
				    - {key: app, operator: Like, values: [web]}
				"""),
				finding("spec.selector.matchExpressions[0].values",
						"Required value: must be specified when `operator` is 'In' or 'NotIn'"),
				finding("spec.selector.matchExpressions[1].values",
						"Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
				finding("spec.selector.matchExpressions[2].operator",
						"Invalid value: \"Like\": not a valid selector operator"));
	}

	@Test
	void controllersNeedANonEmptySelector() {
		assertFindings(this.selector, deployment(RuleTesting.ONE_CONTAINER).replace("""
				  selector:
				    matchLabels:
				      app: web
				""", ""), finding("spec.selector", "Required value"));
		assertFindings(this.selector, deployment(RuleTesting.ONE_CONTAINER).replace("""
				    matchLabels:
				      app: web
				""", "    matchLabels: {}\n"), finding("spec.selector",
				"Invalid value: {\"matchLabels\":{}}: empty selector is invalid for deployment"));
	}

	@Test
	void jobsAndCronJobsLeaveTheSelectorToTheApiServer() {
		assertFindings(this.selector, JOB.formatted("selector: {matchLabels: {app: migrate}}", "Never"),
				finding("spec.selector",
						"Invalid value: {\"matchLabels\":{\"app\":\"migrate\"}}: " + "`selector` not auto-generated"));
		assertFindings(this.selector, cronJob(RuleTesting.ONE_CONTAINER).replace("    spec:\n      template:",
				"    spec:\n      manualSelector: true\n      selector: {matchLabels: {app: web}}\n      template:"),
				finding("spec.jobTemplate.spec.selector",
						"Invalid value: {\"matchLabels\":{\"app\":\"web\"}}: `selector` will be auto-generated"),
				finding("spec.jobTemplate.spec.manualSelector",
						"Unsupported value: true: supported values: \"nil\", \"false\""));
	}

	@Test
	void restartPolicySuitsTheKind() {
		WorkloadRestartPolicyRule rule = new WorkloadRestartPolicyRule();
		assertFindings(rule, deployment(RuleTesting.ONE_CONTAINER));
		assertFindings(rule, deployment("restartPolicy: Always\n" + RuleTesting.ONE_CONTAINER));
		assertFindings(rule, JOB.formatted("parallelism: 1", "OnFailure"));
		assertFindings(rule, deployment("restartPolicy: Never\n" + RuleTesting.ONE_CONTAINER), finding(
				"spec.template.spec.restartPolicy", "Unsupported value: \"Never\": supported values: \"Always\""));
		assertFindings(rule, JOB.formatted("parallelism: 1", "Always"),
				finding("spec.template.spec.restartPolicy", "Required value: valid values: \"OnFailure\", \"Never\""));
		assertFindings(rule, cronJob(RuleTesting.ONE_CONTAINER),
				finding("spec.jobTemplate.spec.template.spec.restartPolicy",
						"Required value: valid values: \"OnFailure\", \"Never\""));
		assertFindings(rule, JOB.formatted("parallelism: 1", "Sometimes"));
	}

	@Test
	void cronScheduleAndTimeZone() {
		CronScheduleRule rule = new CronScheduleRule();
		String cronJob = cronJob("restartPolicy: Never\n" + RuleTesting.ONE_CONTAINER);
		assertFindings(rule,
				cronJob.replace("\"0 * * * *\"", "\"*/15 9-17 * JAN-mar mon-FRI\"\n  timeZone: Europe/Paris"));
		assertFindings(rule, cronJob.replace("\"0 * * * *\"", "\"@weekly\"\n  timeZone: Etc/UTC"));
		assertFindings(rule, cronJob.replace("\"0 * * * *\"", "\"0 0 31 2 *\"\n  concurrencyPolicy: Forbid"));
		assertFindings(rule, cronJob.replace("\"0 * * * *\"", "\"61 * * * *\""),
				finding("spec.schedule", "Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"));
		assertFindings(rule, cronJob.replace("\"0 * * * *\"", "\"TZ=UTC 0 * * * *\""), finding("spec.schedule",
				"Invalid value: \"TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
		assertFindings(rule, cronJob.replace("\"0 * * * *\"", "\"0 * * * *\"\n  timeZone: Europe/Pariss"),
				finding("spec.timeZone", "Invalid value: \"Europe/Pariss\": unknown time zone Europe/Pariss"));
		assertFindings(rule, cronJob.replace("  schedule: \"0 * * * *\"\n", ""),
				finding("spec.schedule", "Required value"));
	}

	@Test
	void cronFieldsAsRobfigCronReadsThem() {
		assertThat(CronFields.problem("0 0 * * 0")).isNull();
		assertThat(CronFields.problem("5,10-20/5,*/7 ? 1/2 * sun")).isNull();
		assertThat(CronFields.problem("@every 1h30m")).isNull();
		assertThat(CronFields.problem("0 0 * *")).isEqualTo("expected exactly 5 fields, found 4: [0 0 * *]");
		assertThat(CronFields.problem("@fortnightly")).isEqualTo("unrecognized descriptor: @fortnightly");
		assertThat(CronFields.problem("@every 2 days"))
			.isEqualTo("failed to parse duration @every 2 days: time: invalid duration \"2 days\"");
		assertThat(CronFields.problem("0 24 * * *")).isEqualTo("end of range (24) above maximum (23): 24");
		assertThat(CronFields.problem("0 0 0 * *")).isEqualTo("beginning of range (0) below minimum (1): 0");
		assertThat(CronFields.problem("0 10-5 * * *"))
			.isEqualTo("beginning of range (10) beyond end of range (5): 10-5");
		assertThat(CronFields.problem("*/0 * * * *")).isEqualTo("step of range should be a positive number: */0");
		assertThat(CronFields.problem("1-2-3 * * * *")).isEqualTo("too many hyphens: 1-2-3");
		assertThat(CronFields.problem("*/2/3 * * * *")).isEqualTo("too many slashes: */2/3");
		assertThat(CronFields.problem("0 0 * * MONDAY"))
			.isEqualTo("failed to parse int from MONDAY: strconv.Atoi: parsing \"MONDAY\": invalid syntax");
	}

}
