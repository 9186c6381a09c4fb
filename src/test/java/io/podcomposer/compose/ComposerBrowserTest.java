package io.podcomposer.compose;

import io.podcomposer.BrowserSupport;
import io.podcomposer.BrowserTest;
import io.podcomposer.manifest.ManifestReader;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;

import static io.podcomposer.BrowserSupport.click;
import static io.podcomposer.BrowserSupport.field;
import static io.podcomposer.BrowserSupport.paste;
import static io.podcomposer.BrowserSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer in a real browser: what a person does with the form, and the YAML it
 * gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComposerBrowserTest extends BrowserTest {

	@Test
	void buildsTheSharedVolumePodWithIpcLockThroughTheForm() {
		open("/compose?start=new");
		type("name", "shared-data");
		type("containers[0].name", "writer");
		type("containers[0].image", "busybox:1.36");
		waitForPreview("- name: writer");

		clickOp("addContainer");
		waitFor(browser, (driver) -> !driver.findElements(By.name("containers[1].name")).isEmpty());
		type("containers[1].name", "reader");
		type("containers[1].image", "busybox:1.36");
		waitForPreview("- name: reader");

		type("newVolume.name", "data");
		type("newVolume.mounts[0].mountPath", "/data");
		assertThat(browser.findElements(By.cssSelector(".add-volume input[type='checkbox']:checked"))).hasSize(2);
		assertThat(field(browser, "newVolume.mounts[1].mountPath").getDomProperty("value")).isEqualTo("/data");
		clickOp("addVolume");
		waitForPreview("emptyDir: {}");

		WebElement reader = browser.findElement(By.cssSelector("[data-container='containers[1]']"));
		click(browser, reader.findElement(By.xpath(".//summary[contains(., 'Security context')]")));
		new Select(reader.findElement(By.cssSelector("[data-capability-picker]"))).selectByValue("IPC_LOCK");
		assertThat(field(browser, "containers[1].capabilitiesAdd").getDomProperty("value")).isEqualTo("IPC_LOCK");

		waitForPreview("- IPC_LOCK");
		assertThat(previewYaml()).isEqualTo("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: shared-data
				spec:
				  containers:
				  - name: writer
				    image: busybox:1.36
				    volumeMounts:
				    - name: data
				      mountPath: /data
				  - name: reader
				    image: busybox:1.36
				    volumeMounts:
				    - name: data
				      mountPath: /data
				    securityContext:
				      capabilities:
				        add:
				        - IPC_LOCK
				  volumes:
				  - name: data
				    emptyDir: {}
				""");
		assertThat(browser.findElement(By.cssSelector(".picture svg")).getText()).contains("writer", "reader", "/data");
	}

	@Test
	void keepsEveryFieldTheFormDoesNotKnowWhenTheImageIsEdited() {
		String yaml = """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				  labels:
				    app: web
				  annotations:
				    team: platform
				spec:
				  containers:
				  - name: app
				    image: nginx:1.26
				    ports:
				    - containerPort: 80
				    lifecycle:
				      preStop:
				        exec:
				          command: ["sh", "-c", "sleep 5"]
				    resizePolicy:
				    - resourceName: cpu
				      restartPolicy: NotRequired
				  affinity:
				    nodeAffinity:
				      requiredDuringSchedulingIgnoredDuringExecution:
				        nodeSelectorTerms:
				        - matchExpressions:
				          - key: kubernetes.io/arch
				            operator: In
				            values: [amd64]
				  topologySpreadConstraints:
				  - maxSkew: 1
				    topologyKey: topology.kubernetes.io/zone
				    whenUnsatisfiable: ScheduleAnyway
				    labelSelector:
				      matchLabels:
				        app: web
				  hostname: web-0
				  schedulingGates:
				  - name: example.com/gate
				""";
		open("/compose?start=new");
		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		paste(browser, browser.findElement(By.id("yaml-text")), yaml);
		browser.findElement(By.cssSelector("[data-tab='form']")).click();
		waitFor(browser, (driver) -> "nginx:1.26".equals(field(driver, "containers[0].image").getDomProperty("value")));
		assertThat(browser.findElement(By.cssSelector(".kept")).getText()).contains("affinity",
				"topologySpreadConstraints", "hostname", "schedulingGates", "containers[0].lifecycle",
				"containers[0].resizePolicy");

		type("containers[0].image", "nginx:1.27");
		waitForPreview("image: nginx:1.27");

		ObjectNode expected = (ObjectNode) ManifestReader.readYaml(yaml);
		((ObjectNode) expected.get("spec").get("containers").get(0)).put("image", "nginx:1.27");
		assertThat(ManifestReader.readYaml(previewYaml())).isEqualTo(expected);
	}

	@Test
	void anEnvVarFromAnEnvFileShowsItsVolumePathAndKeyAndKeepsThemWhenEdited() {
		String yaml = TestManifests.resourceText("env-file-pod.yaml");
		open("/compose?start=new");
		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		paste(browser, browser.findElement(By.id("yaml-text")), yaml);
		browser.findElement(By.cssSelector("[data-tab='form']")).click();
		waitFor(browser,
				(driver) -> "DB_HOST".equals(field(driver, "containers[0].env[0].name").getDomProperty("value")));

		assertThat(new Select(field(browser, "containers[0].env[0].source")).getFirstSelectedOption().getText())
			.isEqualTo("env file key");
		assertThat(field(browser, "containers[0].env[0].refName").isDisplayed()).isTrue();
		assertThat(field(browser, "containers[0].env[0].filePath").getDomProperty("value")).isEqualTo("db.env");
		assertThat(field(browser, "containers[0].env[0].value").isDisplayed()).isFalse();

		type("containers[0].env[0].refKey", "DB_PORT");
		waitForPreview("key: DB_PORT");

		ObjectNode expected = (ObjectNode) ManifestReader.readYaml(yaml);
		((ObjectNode) expected.at("/spec/containers/0/env/0/valueFrom/fileKeyRef")).put("key", "DB_PORT");
		assertThat(ManifestReader.readYaml(previewYaml())).isEqualTo(expected);
	}

	@Test
	void theTerminationMessagePolicyShowsFileUntilChosenAndAnUnsupportedOneIsFlaggedBesideIt() {
		open("/compose?start=new");
		Select policy = new Select(field(browser, "containers[0].terminationMessagePolicy"));
		assertThat(policy.getFirstSelectedOption().getText()).isEqualTo("File (default)");
		assertThat(previewYaml()).doesNotContain("terminationMessagePolicy");

		// typed, as a person picks with the keyboard: a driver's option click fires
		// change but not input
		field(browser, "containers[0].terminationMessagePolicy").sendKeys("Fa");
		waitForPreview("terminationMessagePolicy: FallbackToLogsOnError");

		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		paste(browser, browser.findElement(By.id("yaml-text")), """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				spec:
				  containers:
				  - name: web
				    image: nginx:1.27
				    terminationMessagePolicy: Logs
				""");
		browser.findElement(By.cssSelector("[data-tab='form']")).click();
		WebElement note = waitFor(browser, (driver) -> driver.findElements(By.xpath(
				"//select[@name='containers[0].terminationMessagePolicy']/ancestor::label/small[@data-server-problem]"))
			.stream()
			.findFirst()
			.orElse(null));
		assertThat(note.getText())
			.isEqualTo("Unsupported value: \"Logs\": supported values: \"File\", \"FallbackToLogsOnError\"");
		WebElement select = field(browser, "containers[0].terminationMessagePolicy");
		assertThat(select.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(new Select(select).getFirstSelectedOption().getText()).isEqualTo("Logs");
		assertThat(browser.findElements(By.cssSelector(".kept"))).as("nothing kept from YAML").isEmpty();
	}

	@Test
	void keptFieldsTheApiServerWouldRefuseAreMarkedAndStillKept() {
		String yaml = """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				spec:
				  containers:
				  - name: web
				    image: nginx:1.26
				    imagePullPolicyy: Always
				    lifecycle:
				      preStop:
				        exec:
				          command: ["sh", "-c", "sleep 5"]
				  affinity:
				    nodeAffinity:
				      requiredDuringSchedulingIgnoredDuringExecution:
				      - nodeSelectorTerms: []
				""";
		open("/compose?start=new");
		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		paste(browser, browser.findElement(By.id("yaml-text")), yaml);
		browser.findElement(By.cssSelector("[data-tab='form']")).click();
		waitFor(browser, (driver) -> "nginx:1.26".equals(field(driver, "containers[0].image").getDomProperty("value")));

		WebElement kept = browser.findElement(By.cssSelector(".kept"));
		assertThat(kept.findElements(By.cssSelector(".kept-refused"))).extracting(WebElement::getText)
			.containsExactly("affinity", "containers[0].imagePullPolicyy");
		assertThat(kept.findElement(By.cssSelector(".kept-refused")).getDomAttribute("title"))
			.startsWith("json: cannot unmarshal array into Go struct field NodeAffinity");
		assertThat(kept.getText()).contains("containers[0].lifecycle",
				"the API server refuses it: strict decoding error: unknown field "
						+ "\"spec.containers[0].imagePullPolicyy\"; did you mean \"imagePullPolicy\"?");

		type("containers[0].image", "nginx:1.27");
		waitForPreview("image: nginx:1.27");
		assertThat(previewYaml()).contains("imagePullPolicyy: Always", "- nodeSelectorTerms: []");
	}

	@Test
	void reportsYamlThatDoesNotParseWithLineAndColumnAndKeepsTheText() {
		open("/compose?start=new");
		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		String broken = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n";
		paste(browser, browser.findElement(By.id("yaml-text")), broken);
		browser.findElement(By.cssSelector("[data-tab='form']")).click();

		WebElement error = waitFor(browser,
				(driver) -> driver.findElements(By.cssSelector("#yaml-form .error"))
					.stream()
					.filter(WebElement::isDisplayed)
					.findFirst()
					.orElse(null));
		assertThat(error.getText()).containsPattern("line \\d+, column \\d+");
		assertThat(browser.findElement(By.id("yaml-text")).getDomProperty("value")).isEqualTo(broken);
		assertThat(browser.findElement(By.id("compose-form")).isDisplayed()).isFalse();
	}

	@Test
	void theYamlTabChecksAndPreviewsAsYouTypeAndShowsAParseErrorAtItsLineWithoutLosingTheText() {
		open("/compose?start=new");
		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();
		WebElement area = browser.findElement(By.id("yaml-text"));
		// a comment first, so the text's lines are not the preview's
		String typed = """
				# typed in the tab
				apiVersion: v1
				kind: Pod
				metadata:
				  name: typed-pod
				spec:
				  hostNetwork: true
				  containers:
				  - name: app
				    image: nginx:latest
				""";
		paste(browser, area, typed);

		waitForPreview("name: typed-pod");
		assertThat(browser.findElement(By.cssSelector("#preview .pss-badge")).getText()).contains("Privileged");
		WebElement latest = waitFor(browser,
				(driver) -> driver.findElements(By.cssSelector("#yaml-markers li"))
					.stream()
					.filter((marker) -> marker.getText().contains(":latest"))
					.findFirst()
					.orElse(null));
		assertThat(latest.getText()).startsWith("line 10");
		assertThat(browser.findElement(By.id("yaml-markers")).isDisplayed()).isTrue();

		String broken = typed.replace("  name: typed-pod", "  name: [oops");
		paste(browser, area, broken);
		WebElement error = waitFor(browser, (driver) -> driver.findElement(By.id("yaml-error")).isDisplayed()
				? driver.findElement(By.id("yaml-error")) : null);
		assertThat(error.getText()).containsPattern("line 6, column \\d+");
		assertThat(browser.findElement(By.cssSelector("#preview .yaml-unreadable")).getText())
			.contains("The YAML does not read");
		assertThat(area.getDomProperty("value")).isEqualTo(broken);
		assertThat(browser.findElement(By.id("yaml-form")).isDisplayed()).isTrue();

		paste(browser, area, typed.replace("typed-pod", "fixed-pod"));
		waitForPreview("name: fixed-pod");
		assertThat(browser.findElement(By.id("yaml-error")).isDisplayed()).isFalse();
		// the form behind the tab holds the text too: saving and downloading take what
		// the tab shows
		assertThat(field(browser, "name").getDomProperty("value")).isEqualTo("fixed-pod");
	}

	@Test
	void switchingToDeploymentAndBackGivesTheSamePod() {
		open("/compose?example=two-containers");
		String pod = previewYaml();

		new Select(field(browser, "kind")).selectByValue("Deployment");
		waitForPreview("kind: Deployment");
		JsonNode deployment = ManifestReader.readYaml(previewYaml());
		assertThat(deployment.at("/spec/selector/matchLabels/app").asString()).isEqualTo("web");
		assertThat(deployment.at("/spec/template/spec/containers")).hasSize(2);
		assertThat(field(browser, "workload.replicas").getDomProperty("value")).isEqualTo("1");

		new Select(field(browser, "kind")).selectByValue("Pod");
		waitForPreview("kind: Pod");
		assertThat(previewYaml()).isEqualTo(pod);
	}

	@Test
	void aPodThatRunsOnceComesBackFromADeploymentAsItWas() {
		// a new pod, not the draft the test before left
		open("/compose?start=new");
		paste(browser, field(browser, "pod.restartPolicy"), "Never");
		waitForPreview("restartPolicy: Never");
		String pod = previewYaml();

		new Select(field(browser, "kind")).selectByValue("Deployment");
		waitFor(browser, (driver) -> !driver.findElements(By.name("workload.replicas")).isEmpty());
		assertThat(previewYaml()).contains("app: my-pod").doesNotContain("restartPolicy");

		new Select(field(browser, "kind")).selectByValue("Pod");
		waitForPreview("kind: Pod");
		assertThat(previewYaml()).isEqualTo(pod).doesNotContain("labels");
		assertThat(field(browser, "pod.restartPolicy").getDomProperty("value")).isEqualTo("Never");
	}

	@Test
	void aRemovedPortRowLeavesTheOtherPortsAsTheyWere() {
		open("/compose?example=two-containers");
		WebElement web = browser.findElement(By.cssSelector("[data-container='containers[0]']"));
		web.findElement(By.xpath(".//button[normalize-space()='+ Port']")).click();
		type("containers[0].ports[1].containerPort", "9090");
		type("containers[0].ports[1].name", "metrics");
		waitForPreview("containerPort: 9090");

		browser.findElement(By.name("containers[0].ports[0].name"))
			.findElement(By.xpath("./.."))
			.findElement(By.cssSelector("[data-remove-row]"))
			.click();
		waitFor(browser, (driver) -> !previewYaml().contains("containerPort: 80\n"));
		JsonNode ports = ManifestReader.readYaml(previewYaml()).at("/spec/containers/0/ports");
		assertThat(ports).hasSize(1);
		assertThat(ports.get(0).get("name").asString()).isEqualTo("metrics");
		assertThat(ports.get(0).get("containerPort").asInt()).isEqualTo(9090);
	}

	@Test
	void aNewVolumeIsMountedAtItsOwnPathInEachContainerAndItsCardSaysWhere() {
		open("/compose?start=new");
		type("name", "web");
		type("containers[0].name", "web");
		clickOp("addContainer");
		waitFor(browser, (driver) -> !driver.findElements(By.name("containers[1].name")).isEmpty());
		type("containers[1].name", "sidecar");
		type("containers[1].image", "busybox:1.36");
		waitForPreview("- name: sidecar");

		type("newVolume.name", "html");
		type("newVolume.mounts[0].mountPath", "/usr/share/nginx/html");
		// the other container's path follows the first one typed, until it is typed in
		// itself
		assertThat(field(browser, "newVolume.mounts[1].mountPath").getDomProperty("value"))
			.isEqualTo("/usr/share/nginx/html");
		type("newVolume.mounts[1].mountPath", "/data");
		assertThat(field(browser, "newVolume.mounts[0].mountPath").getDomProperty("value"))
			.isEqualTo("/usr/share/nginx/html");
		clickOp("addVolume");
		waitForPreview("emptyDir: {}");

		assertThat(previewYaml()).isEqualTo("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				spec:
				  containers:
				  - name: web
				    image: nginx:1.27
				    volumeMounts:
				    - name: html
				      mountPath: /usr/share/nginx/html
				  - name: sidecar
				    image: busybox:1.36
				    volumeMounts:
				    - name: html
				      mountPath: /data
				  volumes:
				  - name: html
				    emptyDir: {}
				""");
		assertThat(browser.findElement(By.cssSelector(".volume-card [data-volume-mounts]")).getText())
			.isEqualTo("Mounted in web at /usr/share/nginx/html (rw), in sidecar at /data (rw)");
		assertThat(browser.findElement(By.cssSelector(".picture svg")).getText()).contains("/usr/…/nginx/html rw",
				"/data rw");
	}

	@Test
	void aVolumeCardAndThePictureFollowAMountPathAsItIsTyped() {
		open("/compose?example=shared-volume");
		WebElement mounts = browser.findElement(By.cssSelector(".volume-card [data-volume-mounts]"));
		assertThat(mounts.getText()).isEqualTo("Mounted in producer at /data (rw), in consumer at /data (ro)");

		type("containers[0].volumeMounts[0].mountPath", "/srv/out");
		waitFor(browser,
				(driver) -> driver.findElement(By.cssSelector(".volume-card [data-volume-mounts]"))
					.getText()
					.equals("Mounted in producer at /srv/out (rw), in consumer at /data (ro)"));
		assertThat(browser.findElement(By.cssSelector(".picture svg")).getText()).contains("/srv/out rw");

		// the card's header follows the volume's name as it is typed
		type("volumes[0].name", "shared");
		assertThat(browser.findElement(By.cssSelector("[data-volume='volumes[0]'] .volume-title")).getText())
			.isEqualTo("shared");
		type("volumes[0].name", "data");

		// read-only ticked in the other container's mount row
		click(browser, field(browser, "containers[1].volumeMounts[0].readOnly"));
		waitFor(browser,
				(driver) -> driver.findElement(By.cssSelector(".volume-card [data-volume-mounts]"))
					.getText()
					.equals("Mounted in producer at /srv/out (rw), in consumer at /data (rw)"));
		assertThat(browser.findElement(By.cssSelector(".picture svg")).getText()).contains("/data rw");
	}

	@Test
	void theSecuritySectionsSummaryNamesAPickedCapabilityBeforeTheFormIsRedrawn() {
		open("/compose?example=shared-volume");
		WebElement section = browser.findElement(By.xpath(
				"//*[@data-container='containers[0]']//details[summary[starts-with(normalize-space(), 'Security context')]]"));
		WebElement badge = section.findElement(By.cssSelector("summary [data-added-capabilities]"));
		assertThat(badge.isDisplayed()).isFalse();
		click(browser, section.findElement(By.tagName("summary")));

		new Select(section.findElement(By.cssSelector("[data-capability-picker]"))).selectByValue("IPC_LOCK");

		assertThat(badge.getText()).isEqualTo("+IPC_LOCK");
		waitForPreview("- IPC_LOCK");
	}

	@Test
	void theYamlTabScrollsLongLinesRatherThanWrapThemAsIfTheyWereLinesOfTheirOwn() {
		open("/compose?example=shared-volume");
		browser.findElement(By.cssSelector("[data-tab='yaml']")).click();

		WebElement text = browser.findElement(By.id("yaml-text"));
		waitFor(browser, (driver) -> text.isDisplayed());
		assertThat(text.getCssValue("white-space")).isEqualTo("pre");
		assertThat(text.getCssValue("overflow-x")).isEqualTo("auto");
	}

	@Test
	void aContainerCardsHeaderFollowsItsNameAsItIsTyped() {
		open("/compose?start=new");
		WebElement title = browser.findElement(By.cssSelector("[data-container='containers[0]'] .container-title"));

		type("containers[0].name", "api");
		assertThat(title.getText()).isEqualTo("api");
		BrowserSupport.field(browser, "containers[0].name").sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
		assertThat(title.getText()).isEqualTo("(unnamed)");
	}

	private void open(String path) {
		openSignedIn(path);
		waitFor(browser, (driver) -> !previewYaml().isEmpty());
	}

	private static void type(String name, String text) {
		BrowserSupport.type(browser, name, text);
	}

	private void clickOp(String op) {
		browser.findElement(By.cssSelector("[data-op='" + op + "']")).click();
	}

	private void waitForPreview(String text) {
		waitFor(browser, (driver) -> previewYaml().contains(text));
	}

	private static String previewYaml() {
		return BrowserSupport.previewYaml(browser);
	}

}
