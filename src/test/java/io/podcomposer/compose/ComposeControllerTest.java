package io.podcomposer.compose;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podcomposer.manifest.Manifest;
import io.podcomposer.manifest.ManifestReader;
import io.podcomposer.system.WorkMeters;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(ComposeController.class)
@Import({ ComposerService.class, ComposerDrafts.class, WorkMeters.class, SimpleMeterRegistry.class })
@MockitoBean(types = TemplateEditing.class)
class ComposeControllerTest {

	private static final String UNREADABLE = "The page&#39;s copy of the manifest was unreadable";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theHomePageIsTheWholeComposerWithTheExamplesAndTheManifest() {
		String html = body(this.mvc.get().uri("/").exchange());

		Document page = Jsoup.parse(html);
		assertThat(page.select("header.topbar")).as("the whole page").hasSize(1);
		assertThat(page.select("[data-example]").eachAttr("data-example")).contains("two-containers", "shared-volume",
				"ipc-lock");
		assertThat(page.select("input[type=hidden][name=manifest]")).hasSize(1);
		assertThat(page.select("#preview-yaml").text()).contains("name: my-pod");
	}

	@Test
	void goingBackToTheComposerAfterHtmxForgotItGivesTheWholePage() {
		Document page = Jsoup.parse(body(this.mvc.get()
			.uri("/compose")
			.header("HX-Request", "true")
			.header("HX-History-Restore-Request", "true")
			.exchange()));

		assertThat(page.select("header.topbar")).hasSize(1);
		assertThat(page.select("#editor #compose-form")).hasSize(1);
		assertThat(page.select("#preview")).hasSize(1);
	}

	@Test
	void anExampleReplacesTheDraftAndThePageOpensWithIt() {
		MockHttpSession session = new MockHttpSession();
		assertThat(this.mvc.get().uri("/compose").param("example", "ipc-lock").session(session).exchange())
			.hasRedirectedUrl("/compose");

		String html = body(this.mvc.get().uri("/compose").session(session).exchange());

		Document page = Jsoup.parse(html);
		assertThat(page.select("#preview-yaml").text()).contains("name: locked-memory", "- IPC_LOCK");
		assertThat(page.text()).doesNotContain("Restored your draft");
		assertThat(page.select("[data-changed=true]")).isEmpty();
	}

	@Test
	void everyChangeIsKeptAndThePageOpensWithItAsARestoredDraft() {
		MockHttpSession session = new MockHttpSession();
		body(this.mvc.post()
			.uri("/compose/preview")
			.session(session)
			.param("manifest", json(TestManifests.example("two-containers")))
			.param("name", "kept-pod")
			.param("containers[0].name", "app")
			.param("containers[0].image", "nginx:1.27")
			.exchange());

		Document page = Jsoup.parse(body(this.mvc.get().uri("/compose").session(session).exchange()));

		assertThat(page.select(".draft-note").text()).contains("Restored your draft");
		assertThat(page.select(".draft-note a").attr("href")).isEqualTo("/compose?start=new");
		assertThat(page.select("#editor").attr("data-changed")).isEqualTo("true");
		assertThat(page.select("#preview-yaml").text()).contains("name: kept-pod", "image: nginx:1.27");

		assertThat(this.mvc.get().uri("/compose").param("start", "new").session(session).exchange())
			.hasRedirectedUrl("/compose");
		assertThat(body(this.mvc.get().uri("/compose").session(session).exchange())).contains("name: my-pod")
			.doesNotContain("Restored your draft");
	}

	@Test
	void theYamlTabsTextIsPreviewedWithItsOwnLinesAndTheFormDrawnFromItOutOfBand() {
		MockHttpSession session = new MockHttpSession();
		// a comment line first: the findings' lines are the text's, not the preview's
		String yaml = "# mine\napiVersion: v1\nkind: Pod\nmetadata:\n  name: typed\nspec:\n  containers:\n"
				+ "  - name: app\n    image: nginx:latest\n";

		Document answer = Jsoup.parse(body(this.mvc.post()
			.uri("/compose/preview")
			.session(session)
			.param("manifest", json(Manifest.newPod("my-pod", "app", "nginx:1.27")))
			.param("yaml", yaml)
			.exchange()));

		assertThat(answer.select("#preview-yaml").text()).contains("name: typed").doesNotContain("# mine");
		assertThat(answer.select(".finding[data-field='containers[0].image']").attr("data-line")).isEqualTo("9");
		assertThat(answer.select("form#compose-form").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(answer.select("form#compose-form input[name=name]").val()).isEqualTo("typed");
		assertThat(answer.select("#yaml-error").hasAttr("hidden")).isTrue();

		Document restored = Jsoup.parse(body(this.mvc.get().uri("/compose").session(session).exchange()));
		assertThat(restored.select("#yaml-text").text()).startsWith("# mine");
		assertThat(restored.select("#yaml-form").hasAttr("hidden")).isFalse();
	}

	@Test
	void yamlThatDoesNotReadGivesItsErrorAtItsLineInPlaceOfThePreviewAndLeavesTheForm() {
		Document answer = Jsoup.parse(body(this.mvc.post()
			.uri("/compose/preview")
			.param("manifest", json(Manifest.newPod("my-pod", "app", "nginx:1.27")))
			.param("yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n")
			.exchange()));

		assertThat(answer.select(".yaml-unreadable").text()).contains("The YAML does not read", "line 5");
		assertThat(answer.select("#preview-yaml, .report")).isEmpty();
		assertThat(answer.select("#yaml-error").hasAttr("hidden")).isFalse();
		assertThat(answer.select("#yaml-error").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(answer.select("#yaml-error [data-yaml-line]").attr("data-yaml-line")).isEqualTo("5");
		assertThat(answer.select("form#compose-form")).isEmpty();
		assertThat(answer.select("button[formaction^='/compose/download']").hasAttr("disabled")).isTrue();
	}

	@Test
	void everyRowTemplateNamesItsInputsWithThePlaceholderThePageScriptReplaces() {
		MockHttpSession session = new MockHttpSession();
		this.mvc.get().uri("/compose").param("example", "shared-volume").session(session).exchange();
		String html = body(this.mvc.get().uri("/compose").session(session).exchange());

		assertThat(html).doesNotContain("[i]")
			.contains("name=\"labels[ROW_INDEX].key\"", "name=\"annotations[ROW_INDEX].key\"",
					"name=\"pod.nodeSelector[ROW_INDEX].key\"", "name=\"pod.tolerations[ROW_INDEX].key\"",
					"name=\"containers[0].ports[ROW_INDEX].name\"", "name=\"containers[0].env[ROW_INDEX].name\"",
					"name=\"containers[0].envFrom[ROW_INDEX].name\"",
					"name=\"containers[0].volumeMounts[ROW_INDEX].mountPath\"");
	}

	@Test
	void previewAppliesTheFormOntoTheManifestItWasDrawnFrom() {
		String html = body(this.mvc.post()
			.uri("/compose/preview")
			.param("manifest", json(TestManifests.example("two-containers")))
			.param("kind", "Pod")
			.param("name", "shop")
			.param("labels[0].key", "app")
			.param("labels[0].value", "web")
			.param("containers[0].name", "web")
			.param("containers[0].image", "nginx:1.28")
			.exchange());

		assertThat(html).doesNotContain("id=\"editor\"")
			.contains("id=\"preview\"", "name: shop", "image: nginx:1.28", "app: web");
	}

	@Test
	void aRowRemovedInTheBrowserRemovesThatItemOnly() {
		Manifest base = TestManifests.resource("web-pod.yaml");

		// The browser sends what is left of the rows, with the indexes they were drawn
		// with.
		String html = body(this.mvc.post()
			.uri("/compose/preview")
			.param("manifest", json(base))
			.param("name", "web")
			.param("containers[0].name", "app")
			.param("containers[0].image", "nginx:1.27")
			.param("containers[0].ports[0].name", "http")
			.param("containers[0].ports[0].containerPort", "80")
			.param("containers[0].ports[2].name", "admin")
			.param("containers[0].ports[2].containerPort", "8081")
			.exchange());

		Document page = Jsoup.parse(html);
		assertThat(page.select("#preview-yaml").text()).contains("name: http", "name: admin", "appProtocol: https")
			.doesNotContain("metrics", "9090");
		assertThat(page.select("input[value=metrics], input[value=9090]")).as("no input keeps the removed port")
			.isEmpty();
	}

	@Test
	void addContainerRedrawsTheEditorWithASecondContainerCard() {
		String html = editNewPod("addContainer");

		assertThat(html).doesNotContain("<html").contains("id=\"editor\"");
		assertThat(count(html, "data-container=\"containers[")).isEqualTo(2);
	}

	@Test
	void addSidecarRedrawsTheEditorWithASidecarCard() {
		String html = editNewPod("addSidecar");

		Document page = Jsoup.parse(html);
		assertThat(page.select("[data-container]").eachAttr("data-container")).contains("initContainers[0]");
		assertThat(page.select("#preview-yaml").text()).contains("restartPolicy: Always");
	}

	@Test
	void malformedYamlStaysInTheYamlTabWithItsPlace() {
		String yaml = "apiVersion: v1\nkind: Pod: x\n";

		String html = body(this.mvc.post()
			.uri("/compose/yaml")
			.param("yaml", yaml)
			.param("manifest", json(TestManifests.example("two-containers")))
			.exchange());

		Document page = Jsoup.parse(html);
		assertThat(page.text()).contains("line 2, column ");
		assertThat(page.select("textarea[data-error-line=2]").text()).isEqualTo(yaml.strip());
	}

	@Test
	void anEmptyFirstArgIsNotWrittenAsALeadingLineBreakWhichTheBrowserWouldDrop() {
		String html = body(this.mvc.post().uri("/compose/yaml").param("yaml", """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: args
				spec:
				  containers:
				  - name: app
				    image: busybox:1.36
				    args:
				    - ""
				    - --verbose
				""").exchange());

		// HTML drops a line break right after <textarea>, so the first item would be
		// lost.
		Matcher args = Pattern.compile("name=\"containers\\[0]\\.args\"[^>]*>([^<]*)</textarea>").matcher(html);
		assertThat(args.find()).isTrue();
		assertThat(args.group(1)).doesNotStartWith("\n");
	}

	@Test
	void yamlOfAnotherKindIsRefusedWithTheKindsThatAreSupported() {
		String html = body(this.mvc.post().uri("/compose/yaml").param("yaml", """
				apiVersion: v1
				kind: Service
				metadata:
				  name: web
				""").exchange());

		assertThat(Jsoup.parse(html).text())
			.contains("kind \"Service\" is not supported; supported kinds are Pod, Deployment");
	}

	@Test
	void downloadGivesTheManifestAsAJsonAttachmentNamedAfterIt() {
		MvcTestResult result = this.mvc.post()
			.uri("/compose/download")
			.param("format", "json")
			.param("manifest", json(TestManifests.example("two-containers")))
			.param("name", "shop")
			.exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
			.contains("filename=\"shop-pod.json\"");
		JsonNode downloaded = ManifestReader.readJson(body(result));
		assertThat(downloaded.path("metadata").path("name").asString()).isEqualTo("shop");
		assertThat(downloaded.path("kind").asString()).isEqualTo("Pod");
	}

	@Test
	void aGarbageManifestGivesAProblemNotAnError() {
		for (String uri : new String[] { "/compose/preview", "/compose/edit" }) {
			assertThat(body(this.mvc.post().uri(uri).param("manifest", "{not json").param("name", "x").exchange()))
				.contains(UNREADABLE);
		}
		assertThat(body(this.mvc.post().uri("/compose/edit").param("manifest", "[]").param("op", ":").exchange()))
			.contains(UNREADABLE);
		assertThat(
				body(this.mvc.post().uri("/compose/yaml").param("manifest", "{not json").param("yaml", "[").exchange()))
			.contains("Could not read the YAML");
		assertThat(this.mvc.post().uri("/compose/download").param("manifest", "\"text\"").exchange()).hasStatusOk();
	}

	@Test
	void fieldsOfTheWrongShapeStillGiveTheEditor() {
		// A mapping where a list belongs is an easy slip in the YAML tab.
		String slip = """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: slip
				spec:
				  containers:
				    name: app
				    image: nginx:1.27
				  volumes: data
				""";
		String shapes = """
				{"apiVersion": "v1", "kind": "Pod", "metadata": "x",
				 "spec": {"initContainers": ["x", {"ports": "y", "env": [1], "livenessProbe": 3,
				   "securityContext": {"capabilities": {"add": "IPC_LOCK"}}}],
				   "volumes": [1, {"name": 2}], "tolerations": {"a": 1}, "securityContext": []}}
				""";

		assertThat(body(this.mvc.post().uri("/compose/yaml").param("yaml", slip).exchange())).contains("id=\"editor\"",
				"name: slip");
		assertThat(
				body(this.mvc.post().uri("/compose/edit").param("manifest", shapes).param("op", "refresh").exchange()))
			.contains("id=\"editor\"");
	}

	@Test
	void addVolumeMountsAtThePathOfEachTickedContainerAndItsCardSaysWhere() {
		String html = body(this.mvc.post()
			.uri("/compose/edit")
			.param("manifest", json(TestManifests.example("two-containers")))
			.param("name", "two-containers")
			.param("containers[0].name", "web")
			.param("containers[0].image", "nginx:1.27")
			.param("containers[1].name", "log-shipper")
			.param("containers[1].image", "busybox:1.36")
			.param("newVolume.name", "html")
			.param("newVolume.mounts[0].into", "containers:0")
			.param("newVolume.mounts[0].mountPath", "/usr/share/nginx/html")
			.param("newVolume.mounts[1].into", "containers:1")
			.param("newVolume.mounts[1].mountPath", "/srv")
			.param("op", "addVolume")
			.exchange());

		Document page = Jsoup.parse(html);
		assertThat(page.select(".volume-card [data-volume-mounts]").text())
			.isEqualTo("Mounted in web at /usr/share/nginx/html (rw), in log-shipper at /srv (rw)");
		assertThat(page.select("#preview-yaml code").text()).contains("mountPath: /usr/share/nginx/html",
				"mountPath: /srv");
		// the next volume starts again with a path per container, none typed
		assertThat(page.select("input[data-new-mount-path]")).hasSize(2)
			.allSatisfy((input) -> assertThat(input.val()).isEmpty());
	}

	@Test
	void aPreviewThatEndsAfterALaterOneOfTheSamePageLeavesTheLaterDraft() {
		MockHttpSession session = new MockHttpSession();
		preview(session, "page-1", 2, "newer");
		// the request the page sent first, handled last
		preview(session, "page-1", 1, "older");

		Document page = Jsoup.parse(body(this.mvc.get().uri("/compose").session(session).exchange()));
		assertThat(page.select("input[name=name]").val()).isEqualTo("newer");
		assertThat(page.select("#preview-yaml").text()).contains("name: newer").doesNotContain("older");

		// another load of the page counts afresh, and a later change of the same number
		// is kept
		preview(session, "page-2", 1, "reloaded");
		preview(session, "page-2", 2, "typed-on");
		assertThat(body(this.mvc.get().uri("/compose").session(session).exchange())).contains("name: typed-on");
	}

	@Test
	void aTooLongPageIdIsABadRequestNotAnError() {
		assertThat(this.mvc.post()
			.uri("/compose/preview")
			.param("manifest", json(TestManifests.example("two-containers")))
			.param("draftPage", "p".repeat(65))
			.param("draftSequence", "1")
			.exchange()).hasStatus(400);
	}

	@Test
	void thePreviewRedrawsWhereEachVolumeIsMountedOutOfBand() {
		Document answer = Jsoup.parse(body(this.mvc.post()
			.uri("/compose/preview")
			.param("manifest", json(TestManifests.example("shared-volume")))
			.param("name", "shared-data")
			.param("containers[0].name", "producer")
			.param("containers[0].image", "busybox:1.36")
			.param("containers[0].volumeMounts[0].name", "data")
			.param("containers[0].volumeMounts[0].mountPath", "/srv/out")
			.param("containers[1].name", "consumer")
			.param("containers[1].image", "busybox:1.36")
			.param("containers[1].volumeMounts[0].name", "data")
			.param("containers[1].volumeMounts[0].mountPath", "/data")
			.param("containers[1].volumeMounts[0].readOnly", "true")
			.param("volumes[0].name", "data")
			.param("volumes[0].type", "emptyDir")
			.exchange()));

		assertThat(answer.select("#volume-mounts-0").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(answer.select("#volume-mounts-0").text())
			.isEqualTo("Mounted in producer at /srv/out (rw), in consumer at /data (ro)");
		assertThat(answer.select("#preview-yaml").text()).contains("mountPath: /srv/out");
	}

	private void preview(MockHttpSession session, String page, int sequence, String name) {
		assertThat(this.mvc.post()
			.uri("/compose/preview")
			.session(session)
			.param("manifest", json(TestManifests.example("two-containers")))
			.param("draftPage", page)
			.param("draftSequence", String.valueOf(sequence))
			.param("name", name)
			.param("containers[0].name", "app")
			.param("containers[0].image", "nginx:1.27")
			.exchange()).hasStatusOk();
	}

	@Test
	void aNewVolumesPathThatAContainerAlreadyUsesIsAnErrorAtThatContainersMount() {
		String html = body(this.mvc.post()
			.uri("/compose/edit")
			.param("manifest", json(TestManifests.example("shared-volume")))
			.param("name", "shared-data")
			.param("containers[0].name", "producer")
			.param("containers[0].image", "busybox:1.36")
			.param("containers[0].volumeMounts[0].name", "data")
			.param("containers[0].volumeMounts[0].mountPath", "/data")
			.param("containers[1].name", "consumer")
			.param("containers[1].image", "busybox:1.36")
			.param("volumes[0].name", "data")
			.param("volumes[0].type", "emptyDir")
			.param("newVolume.name", "logs")
			.param("newVolume.mounts[0].into", "containers:0")
			.param("newVolume.mounts[0].mountPath", "/data")
			.param("newVolume.mounts[1].into", "containers:1")
			.param("newVolume.mounts[1].mountPath", "/logs")
			.param("op", "addVolume")
			.exchange());

		Document page = Jsoup.parse(html);
		assertThat(page.select(".finding.error[data-field='containers[0].volumeMounts[1].mountPath'] [data-message]")
			.text()).contains("must be unique");
		assertThat(page.select(".finding.error[data-field^='containers[1]']")).isEmpty();
	}

	@Test
	void userTextIsEscaped() {
		String script = "<script>alert(1)</script>";

		String html = body(this.mvc.post()
			.uri("/compose/edit")
			.param("manifest", json(TestManifests.example("two-containers")))
			.param("name", script)
			.param("labels[0].key", "app")
			.param("labels[0].value", script)
			.param("containers[0].name", script)
			.exchange());

		assertThat(html).doesNotContain(script).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	/** An op's button on the editor of a new pod: it sends the op with the form. */
	private String editNewPod(String op) {
		return body(this.mvc.post()
			.uri("/compose/edit")
			.param("manifest", json(Manifest.newPod("my-pod", "app", "nginx:1.27")))
			.param("name", "my-pod")
			.param("containers[0].name", "app")
			.param("containers[0].image", "nginx:1.27")
			.param("op", op)
			.exchange());
	}

	private static String body(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static String json(Manifest manifest) {
		return JsonMapper.shared().writeValueAsString(manifest.root());
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

}
