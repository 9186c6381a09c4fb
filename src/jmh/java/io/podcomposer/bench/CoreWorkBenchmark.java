package io.podcomposer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.podcomposer.manifest.KindConversion;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.manifest.ManifestWriter;
import io.podcomposer.manifest.Placeholders;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.validation.ValidationReport;
import io.podcomposer.validation.Validator;
import tools.jackson.databind.JsonNode;

/**
 * The core work on a typical pod (three containers, {@code typical-pod.yaml}) and on a large one (20 containers, 50
 * volumes): import (read the YAML text into a manifest), validate (the API server's rules, the
 * hints and Pod Security, as the composer does on every preview) and render (fill the
 * placeholders, convert to a Deployment, write the YAML), as the render API does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class CoreWorkBenchmark {

	private static final List<Placeholders.Parameter> PARAMETERS = List.of(
			new Placeholders.Parameter("MODE", "how the containers run", "production", false));

	private static final Map<String, String> VALUES = Map.of("MODE", "canary");

	@Param({ "typical", "large" })
	public String pod;

	private String yaml;

	private Manifest manifest;

	@Setup
	public void readPod() {
		this.yaml = this.pod.equals("typical") ? typical() : large();
		this.manifest = Manifest.of(ManifestReader.readYaml(this.yaml));
	}

	@Benchmark
	public Manifest importYaml() {
		return Manifest.of(ManifestReader.readYaml(this.yaml));
	}

	@Benchmark
	public ValidationReport validate() {
		return Validator.validate(this.manifest);
	}

	@Benchmark
	public String render() {
		JsonNode filled = Placeholders.substitute(this.manifest.root(), PARAMETERS, VALUES);
		KindConversion.Result converted = Manifest.of(filled).convertTo(WorkloadKind.DEPLOYMENT);
		return ManifestWriter.toYaml(converted.manifest().root());
	}

	static String typical() {
		try (InputStream pod = CoreWorkBenchmark.class.getResourceAsStream("/typical-pod.yaml")) {
			return new String(pod.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** 20 containers, each with ports, env, probes, resources and mounts of 50 volumes shared among them. */
	static String large() {
		StringBuilder yaml = new StringBuilder("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: large
				  labels: {app: large}
				spec:
				  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
				  containers:
				""");
		for (int c = 0; c < 20; c++) {
			yaml.append("  - name: c").append(c).append("\n    image: registry.example.com/large/c").append(c).append(":1.").append(c)
				.append("\n    ports: [{name: p").append(c).append(", containerPort: ").append(8000 + c).append("}]")
				.append("\n    env: [{name: INDEX, value: \"").append(c).append("\"}, {name: MODE, value: \"${MODE}\"}]")
				.append("\n    resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}")
				.append("\n    readinessProbe: {httpGet: {path: /ready, port: p").append(c).append("}}")
				.append("\n    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}")
				.append("\n    volumeMounts:\n");
			for (int v = c; v < c + 5; v++) {
				yaml.append("    - {name: v").append(v % 50).append(", mountPath: /v").append(v % 50).append("}\n");
			}
		}
		yaml.append("  volumes:\n");
		for (int v = 0; v < 50; v++) {
			yaml.append("  - {name: v").append(v).append(", emptyDir: {}}\n");
		}
		return yaml.toString();
	}

}
