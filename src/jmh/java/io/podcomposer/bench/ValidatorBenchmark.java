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

import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.validation.ValidationReport;
import io.podcomposer.validation.Validator;

/**
 * What one validation costs, the rules and the Pod Security checks together, on a pod of the
 * usual size: an app, a metrics exporter and a log-shipping sidecar, with probes, resources,
 * ports and shared volumes. The composer runs it on every keystroke's preview.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValidatorBenchmark {

	static final String POD = """
			apiVersion: v1
			kind: Pod
			metadata:
			  name: shop-web
			  labels: {app.kubernetes.io/name: shop, app.kubernetes.io/component: web}
			  annotations: {team: platform}
			spec:
			  serviceAccountName: shop
			  securityContext:
			    runAsNonRoot: true
			    seccompProfile: {type: RuntimeDefault}
			  initContainers:
			  - name: log-shipper
			    image: fluent-bit:3.0
			    restartPolicy: Always
			    volumeMounts: [{name: logs, mountPath: /logs, readOnly: true}]
			    resources:
			      requests: {cpu: 50m, memory: 32Mi}
			      limits: {memory: 64Mi}
			  containers:
			  - name: web
			    image: registry.example.com/shop/web:2.4.1
			    ports: [{name: http, containerPort: 8080}]
			    env:
			    - {name: LOG_DIR, value: /logs}
			    - name: DB_PASSWORD
			      valueFrom: {secretKeyRef: {name: shop-db, key: password}}
			    resources:
			      requests: {cpu: 250m, memory: 256Mi}
			      limits: {memory: 512Mi}
			    readinessProbe:
			      httpGet: {path: /ready, port: http}
			    livenessProbe:
			      httpGet: {path: /healthz, port: http}
			    volumeMounts:
			    - {name: logs, mountPath: /logs}
			    - {name: tmp, mountPath: /tmp}
			    securityContext:
			      allowPrivilegeEscalation: false
			      readOnlyRootFilesystem: true
			      capabilities: {drop: [ALL]}
			  - name: metrics
			    image: prom/statsd-exporter:v0.26.0
			    ports: [{name: metrics, containerPort: 9102}]
			    resources:
			      requests: {cpu: 20m, memory: 32Mi}
			      limits: {memory: 64Mi}
			    readinessProbe:
			      tcpSocket: {port: metrics}
			    securityContext:
			      allowPrivilegeEscalation: false
			      readOnlyRootFilesystem: true
			      capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
			  volumes:
			  - {name: logs, emptyDir: {}}
			  - {name: tmp, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
			""";

	private Manifest pod;

	@Setup
	public void readPod() {
		this.pod = Manifest.of(ManifestReader.readYaml(POD));
	}

	@Benchmark
	public ValidationReport validate() {
		return Validator.validate(this.pod);
	}

}
