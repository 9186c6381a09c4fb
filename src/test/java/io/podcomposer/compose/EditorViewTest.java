package io.podcomposer.compose;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditorViewTest {

	@Test
	void aVolumeCardSaysWhereEachContainerMountsIt() {
		EditorView editor = editor("""
				apiVersion: v1
				kind: Pod
				metadata: {name: web}
				spec:
				  initContainers:
				  - name: sidecar
				    image: busybox
				    restartPolicy: Always
				    volumeMounts: [{name: html, mountPath: /data, readOnly: true}]
				  containers:
				  - name: web
				    image: nginx
				    volumeMounts:
				    - {name: html, mountPath: /usr/share/nginx/html}
				    - {name: conf, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf, readOnly: true}
				  volumes:
				  - {name: html, emptyDir: {}}
				  - {name: conf, configMap: {name: nginx}}
				  - {name: spare, emptyDir: {}}
				""");

		assertThat(editor.mountedText("html"))
			.isEqualTo("Mounted in web at /usr/share/nginx/html (rw), in sidecar at /data (ro)");
		assertThat(editor.mountedText("conf"))
			.isEqualTo("Mounted in web at /etc/nginx/nginx.conf (ro, subPath nginx.conf)");
		assertThat(editor.mountedText("spare")).isEqualTo("Not mounted in any container");
	}

	@Test
	void aMountWithoutAPathOrAContainerWithoutANameIsStillTold() {
		EditorView editor = editor("""
				apiVersion: v1
				kind: Pod
				metadata: {name: p}
				spec:
				  containers:
				  - image: busybox
				    volumeMounts: [{name: data}]
				  volumes: [{name: data, emptyDir: {}}]
				""");

		assertThat(editor.mountedText("data")).isEqualTo("Mounted in (unnamed) (no path yet, rw)");
	}

	private static EditorView editor(String yaml) {
		ComposeForm form = FormReader.read(TestManifests.yaml(yaml));
		return new EditorView(form, "{}", null, false, "", null, 0, FormOptions.INSTANCE, List.of());
	}

}
