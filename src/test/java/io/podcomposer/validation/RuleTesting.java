package io.podcomposer.validation;

import java.util.List;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.PodView;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Runs one rule, or all of them, over YAML written in a test. */
final class RuleTesting {

	private RuleTesting() {
	}

	/** The findings of one rule. */
	static List<Finding> run(ValidationRule rule, String yaml) {
		Findings findings = new Findings();
		findings.runAs(rule);
		rule.check(new PodView(Manifest.of(ManifestReader.readYaml(yaml))), findings);
		return (rule.severity() == Severity.ERROR) ? findings.errors() : findings.warnings();
	}

	/** The errors of every rule, as the validator reports them. */
	static List<Finding> errors(String yaml) {
		return Validator.validate(Manifest.of(ManifestReader.readYaml(yaml))).errors();
	}

	/** Asserts the rule reports exactly these path and message pairs, in this order. */
	static void assertFindings(ValidationRule rule, String yaml, Tuple... pathsAndMessages) {
		ListAssert<Finding> findings = assertThat(run(rule, yaml));
		if (pathsAndMessages.length == 0) {
			findings.isEmpty();
		}
		else {
			findings.extracting(Finding::path, Finding::message).containsExactly(pathsAndMessages);
		}
	}

	static Tuple finding(String path, String message) {
		return tuple(path, message);
	}

	/** A Pod named web with this spec. */
	static String pod(String spec) {
		return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n" + spec.indent(2);
	}

	/** A Deployment named web whose pod template, labelled app: web, has this spec. */
	static String deployment(String podSpec) {
		return """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: web
				spec:
				  replicas: 2
				  selector:
				    matchLabels:
				      app: web
				  template:
				    metadata:
				      labels:
				        app: web
				    spec:
				""" + podSpec.indent(6);
	}

	/** A CronJob named nightly, scheduled hourly, whose pod template has this spec. */
	static String cronJob(String podSpec) {
		return """
				apiVersion: batch/v1
				kind: CronJob
				metadata:
				  name: nightly
				spec:
				  schedule: "0 * * * *"
				  jobTemplate:
				    spec:
				      template:
				        spec:
				""" + podSpec.indent(10);
	}

	/** A pod spec of one container named web, running nginx, with these more fields. */
	static String web(String containerFields) {
		return "containers:\n- name: web\n  image: nginx:1.27\n" + containerFields.indent(2);
	}

	/** One container named web running nginx, for specs that need nothing more. */
	static final String ONE_CONTAINER = web("");

}
