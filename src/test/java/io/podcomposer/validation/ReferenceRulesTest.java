package io.podcomposer.validation;

import org.junit.jupiter.api.Test;

import static io.podcomposer.validation.RuleTesting.assertFindings;
import static io.podcomposer.validation.RuleTesting.finding;
import static io.podcomposer.validation.RuleTesting.pod;
import static io.podcomposer.validation.RuleTesting.web;

class ReferenceRulesTest {

	@Test
	void aMountNamesAVolume() {
		assertFindings(new VolumeMountsRule(), RuleTesting.deployment("""
				containers:
				- name: web
				  image: nginx:1.27
				  volumeMounts:
				  - name: data
				    mountPath: /data
				volumes:
				- name: data
				  emptyDir: {}
				"""));
		assertFindings(new VolumeMountsRule(), pod("""
				containers:
				- name: web
				  image: nginx:1.27
				  volumeMounts:
				  - name: data
				    mountPath: /data
				volumes:
				- name: cache
				  emptyDir: {}
				"""), finding("spec.containers[0].volumeMounts[0].name", "Not found: \"data\""));
	}

	@Test
	void aStatefulSetMountMayNameAClaimTemplate() {
		String statefulSet = """
				apiVersion: apps/v1
				kind: StatefulSet
				metadata:
				  name: db
				spec:
				  selector:
				    matchLabels:
				      app: db
				  template:
				    metadata:
				      labels:
				        app: db
				    spec:
				      containers:
				      - name: db
				        image: postgres:17
				        volumeMounts:
				        - name: %s
				          mountPath: /var/lib/postgresql
				  volumeClaimTemplates:
				  - metadata:
				      name: pgdata
				    spec:
				      accessModes: [ReadWriteOnce]
				      resources:
				        requests:
				          storage: 1Gi
				""";
		assertFindings(new VolumeMountsRule(), statefulSet.formatted("pgdata"));
		assertFindings(new VolumeMountsRule(), statefulSet.formatted("pg-data"),
				finding("spec.template.spec.containers[0].volumeMounts[0].name", "Not found: \"pg-data\""));
	}

	@Test
	void anEnvVarHasAValueOrOneSource() {
		assertFindings(new EnvRule(), pod(web("""
				env:
				- name: MODE
				  value: production
				- name: NODE
				  valueFrom:
				    fieldRef:
				      fieldPath: spec.nodeName
				- name: EMPTY
				""")));
		assertFindings(new EnvRule(), pod(web("""
				env:
				- name: BOTH
				  value: production
				  valueFrom:
				    secretKeyRef: {name: app, key: mode}
				- name: TWO_SOURCES
				  valueFrom:
				    secretKeyRef: {name: app, key: mode}
				    configMapKeyRef: {name: app, key: mode}
				- name: NO_SOURCE
				  valueFrom: {}
				- value: nameless
				""")),
				finding("spec.containers[0].env[0].valueFrom",
						"Invalid value: \"\": may not be specified when `value` is not empty"),
				finding("spec.containers[0].env[1].valueFrom",
						"Invalid value: \"\": may not have more than one field specified at a time"),
				finding("spec.containers[0].env[2].valueFrom",
						"Invalid value: \"\": must specify one of: `fieldRef`, "
								+ "`resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"),
				finding("spec.containers[0].env[3].name", "Required value"));
	}

	@Test
	void anEnvFileKeyIsASourceToo() {
		// EnvFiles (KEP-3721, 1.34): a key of an env file written to an emptyDir volume
		String fileKey = """
				env:
				- name: DB_HOST
				  valueFrom:
				    fileKeyRef: {volumeName: env-files, path: db.env, key: DB_HOST}
				""";
		assertFindings(new EnvRule(), pod(web(fileKey)));
		assertFindings(new EnvRule(), pod(web(fileKey + "    secretKeyRef: {name: app, key: host}\n")),
				finding("spec.containers[0].env[0].valueFrom",
						"Invalid value: \"\": may not have more than one field specified at a time"));
	}

	@Test
	void aNamedProbePortIsDeclaredByTheContainer() {
		String probes = """
				- name: web
				  image: nginx:1.27
				  ports:
				  - name: http
				    containerPort: 80
				  livenessProbe:
				    httpGet: {path: /healthz, port: %s}
				  readinessProbe:
				    tcpSocket: {port: %s}
				  startupProbe:
				    grpc: {port: 9090}
				""";
		assertFindings(new ProbePortsRule(), pod("containers:\n" + probes.formatted("http", "80")));
		assertFindings(new ProbePortsRule(), pod("containers:\n" + probes.formatted("metrics", "0") + """
				- name: helper
				  image: busybox:1.36
				  livenessProbe:
				    tcpSocket: {port: http}
				"""),
				finding("spec.containers[0].livenessProbe.httpGet.port",
						"Not found: \"metrics\": must be the name of one of this container's ports"),
				finding("spec.containers[0].readinessProbe.tcpSocket.port",
						"Invalid value: 0: must be between 1 and 65535, inclusive"),
				finding("spec.containers[1].livenessProbe.tcpSocket.port",
						"Not found: \"http\": must be the name of one of this container's ports"));
	}

}
