package io.podcomposer.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.validation.FileReport;
import io.podcomposer.validation.FileValidator;

/**
 * What {@code POST /api/v1/validate} does with a whole file of 100 documents (issue 19: under 50 ms):
 * read the text, then check each object. A third are the typical pod, a third Services and a third
 * ConfigMaps, so both the Pod rules and the schema of other kinds are in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class FileValidateBenchmark {

	private static final String SERVICE = """
			apiVersion: v1
			kind: Service
			metadata: {name: web-%d, labels: {app: web}}
			spec:
			  selector: {app: web}
			  ports: [{name: http, port: 80, targetPort: http, protocol: TCP}]
			""";

	private static final String CONFIG_MAP = """
			apiVersion: v1
			kind: ConfigMap
			metadata: {name: web-%d}
			data: {mode: fast, level: info}
			""";

	private String file;

	@Setup
	public void writeFile() {
		StringBuilder file = new StringBuilder();
		String pod = CoreWorkBenchmark.typical();
		for (int i = 0; i < 100; i++) {
			file.append("---\n").append(switch (i % 3) {
				case 0 -> pod;
				case 1 -> SERVICE.formatted(i);
				default -> CONFIG_MAP.formatted(i);
			});
			if (file.charAt(file.length() - 1) != '\n') {
				file.append('\n');
			}
		}
		this.file = file.toString();
	}

	@Benchmark
	public FileReport validateHundredDocuments() {
		return FileValidator.validateAll(ManifestReader.readYamlDocuments(this.file));
	}

}
