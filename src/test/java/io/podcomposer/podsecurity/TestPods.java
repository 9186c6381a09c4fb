package io.podcomposer.podsecurity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.PodView;
import io.podcomposer.manifest.WorkloadKind;

/**
 * Pods for the check tests, written as YAML and judged as a Pod or wrapped into another
 * kind.
 */
final class TestPods {

	private TestPods() {
	}

	/** Runs a test once for a Pod, a Deployment and a CronJob, whose pod sits deepest. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@ParameterizedTest(name = "{0}")
	@EnumSource(value = WorkloadKind.class, names = { "POD", "DEPLOYMENT", "CRON_JOB" })
	@interface InEachKind {

	}

	/** A pod named "test" with {@code spec} (YAML as under {@code spec:}). */
	static String pod(String spec) {
		return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: test\nspec:\n" + spec.indent(2);
	}

	/** The same with {@code annotations} (YAML as under {@code annotations:}). */
	static String pod(String annotations, String spec) {
		return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: test\n  annotations:\n" + annotations.indent(4)
				+ "spec:\n" + spec.indent(2);
	}

	static PodView view(String podYaml) {
		return view(WorkloadKind.POD, podYaml);
	}

	/** The pod as {@code kind}, converted the way the composer does. */
	static PodView view(WorkloadKind kind, String podYaml) {
		Manifest pod = Manifest.of(ManifestReader.readYaml(podYaml));
		return new PodView((kind == WorkloadKind.POD) ? pod : pod.convertTo(kind).manifest());
	}

	/**
	 * Paths written for a Pod ({@code spec.…}, {@code metadata.…}) as they read in
	 * {@code kind}.
	 */
	static List<String> paths(WorkloadKind kind, String... podPaths) {
		String template = String.join(".", kind.templatePath());
		return Arrays.stream(podPaths).map((path) -> template.isEmpty() ? path : template + "." + path).toList();
	}

}
