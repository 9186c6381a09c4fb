package io.podcomposer.compose;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YamlLinesTest {

	private static final String YAML = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: web
			  labels:
			    app.kubernetes.io/name: web
			spec:
			  template:
			    spec:
			      containers:
			      - name: web
			        image: nginx
			        ports:
			        - containerPort: 80
			      - name: helper
			        securityContext:
			          capabilities:
			            add:
			            - IPC_LOCK
			            - CAP_SYS_TIME
			""";

	private final YamlLines lines = new YamlLines(YAML);

	@Test
	void findsFieldsListItemsAndMapKeys() {
		assertThat(this.lines.lineOf("metadata.name")).isEqualTo(4);
		assertThat(this.lines.lineOf("metadata.labels[app.kubernetes.io/name]")).isEqualTo(6);
		assertThat(this.lines.lineOf("spec.template.spec.containers[0].image")).isEqualTo(12);
		assertThat(this.lines.lineOf("spec.template.spec.containers[0].ports[0].containerPort")).isEqualTo(14);
		assertThat(this.lines.lineOf("spec.template.spec.containers[1]")).isEqualTo(15);
		assertThat(this.lines.lineOf("spec.template.spec.containers[1].securityContext.capabilities.add[1]"))
			.isEqualTo(20);
	}

	@Test
	void aFieldNotWrittenGivesTheNearestFieldAroundIt() {
		assertThat(this.lines.lineOf("spec.template.spec.containers[1].readinessProbe")).isEqualTo(15);
		assertThat(this.lines.lineOf("spec.template.spec.containers[5].image")).isEqualTo(10);
		assertThat(this.lines.lineOf("status.phase")).isZero();
		assertThat(new YamlLines("").lineOf("metadata.name")).isZero();
	}

}
