package io.podcomposer.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import io.podcomposer.clusters.ClusterService;
import io.podcomposer.clusters.ClusterView;
import io.podcomposer.kube.FakeKubeconfig;
import io.podcomposer.kube.FakeKubernetes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The deploy form and the deployment pages against the fake Kubernetes API server:
 * defaults, deploying, a refusal in the cluster's words, confirming changes to a live
 * object, the history, where a template runs, and deleting.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AlsoOnPostgres
class DeploymentPagesTest {

	private static final String TOKEN = "pages-cluster-token";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ClusterService clusters;

	@Autowired
	private Deployer deployer;

	private FakeKubernetes cluster;

	private long clusterId;

	private String clusterName;

	@BeforeAll
	void connectTheFakeCluster() {
		this.cluster = FakeKubernetes.start(TOKEN);
		this.cluster.createNamespace("team-a", Map.of());
		this.cluster.createNamespace("locked", Map.of("pod-security.kubernetes.io/enforce", "baseline"));
		this.clusterName = unique("pages");
		this.clusterId = this.clusters.add(this.clusterName, FakeKubeconfig.of(this.cluster, TOKEN), null).id();
	}

	@AfterAll
	void stopTheFakeCluster() {
		this.cluster.close();
	}

	@Test
	void theFormOffersTheClustersTheParametersWithTheirDefaultsAndStartsWhereTheUserLastDeployed() throws Exception {
		RequestPostProcessor deployer = deployer();
		long template = template(unique("form"), "nginx");

		Document form = page("/templates/" + template + "/deploy", deployer);
		assertThat(form.select("select[name=clusterId] option").eachText())
			.anyMatch((text) -> text.startsWith(this.clusterName));
		assertThat(form.select("select[name=clusterId]").attr("hx-get")).isEqualTo("/deployments/namespaces");
		assertThat(form.select("input[name=values.TAG]").val()).isEqualTo("1.27");
		assertThat(form.select("select[name=kind] option[selected]").val()).isEqualTo("Pod");
		assertThat(form.select("select[name=revision] option[selected]").text()).isEqualTo("latest (1)");
		assertThat(form.select("button[name=action]").eachAttr("value")).containsExactly("deploy", "dryRun");

		Document namespaces = page("/deployments/namespaces?clusterId=" + this.clusterId, deployer);
		assertThat(namespaces.select("datalist#namespace-list option").eachAttr("value")).contains("default", "team-a",
				"locked");

		assertThat(deploy(template, "team-a", Map.of(), deployer)).hasStatus(HttpStatus.FOUND);
		Document again = page("/templates/" + template + "/deploy", deployer);
		assertThat(again.select("select[name=clusterId] option[selected]").val())
			.isEqualTo(String.valueOf(this.clusterId));
		assertThat(again.select("input[name=namespace]").val()).isEqualTo("team-a");
	}

	@Test
	void aFailedRecordOffersToChangeTheDeployNotToSendItAgainAsItWas() throws Exception {
		RequestPostProcessor deployer = deployer();
		String name = unique("ipc");
		long template = template(name, "ipc");
		// over REST nothing is judged before the cluster: it refuses, and the record is
		// kept
		MvcTestResult refused = this.mvc.post()
			.uri("/api/v1/deployments")
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"templateId": %d, "clusterId": %d, "namespace": "locked", "values": {"TAG": "1.28"}}"""
				.formatted(template, this.clusterId))
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		String record = "/deployments/" + JsonMapper.shared()
			.readTree(refused.getResponse().getContentAsString())
			.at("/deployment/id")
			.asLong();

		Document page = page(record, deployer);
		assertThat(page.select(".deploy-failure").text()).contains("violates PodSecurity \"baseline:latest\"");
		assertThat(page.text().split("violates PodSecurity", -1)).as("the refusal shows once").hasSize(2);
		assertThat(page.select(".deployment-actions .primary").text()).isEqualTo("Change and deploy…");
		assertThat(page.select(".deployment-actions .primary").attr("href"))
			.isEqualTo("/templates/" + template + "/deploy?from=" + record.substring("/deployments/".length()));

		Document form = page(page.select(".deployment-actions .primary").attr("href"), deployer);
		assertThat(form.select("input[name=namespace]").val()).isEqualTo("locked");
		assertThat(form.select("input[name=values.TAG]").val()).isEqualTo("1.28");
		assertThat(form.select("select[name=clusterId] option[selected]").val())
			.isEqualTo(String.valueOf(this.clusterId));
	}

	@Test
	void aNewcomersFirstFormStartsInTheNamespaceTheClustersKubeconfigContextNames() throws Exception {
		String kubeconfig = FakeKubeconfig.of(this.cluster, TOKEN)
			.replace("context: {cluster: fake, user: deployer}",
					"context: {cluster: fake, user: deployer, namespace: team-a}");
		ClusterView named = this.clusters.add(unique("ctx"), kubeconfig, null);
		assertThat(named.namespace()).isEqualTo("team-a");

		assertThat(this.deployer.startingTarget(unique("newcomer"), List.of(named)).namespace()).isEqualTo("team-a");
		ClusterView unnamed = this.clusters.get(this.clusterId);
		assertThat(this.deployer.startingTarget(unique("newcomer"), List.of(unnamed)).namespace()).isEqualTo("default");
	}

	@Test
	void aDeployLeadsToItsRecordWhichAViewerReadsWithoutTheActions() throws Exception {
		RequestPostProcessor deployer = deployer();
		String name = unique("web");
		long template = template(name, "nginx");

		MvcTestResult deployed = deploy(template, "default", Map.of("values.TAG", "1.28"), deployer);

		assertThat(deployed).hasStatus(HttpStatus.FOUND);
		String record = deployed.getResponse().getRedirectedUrl();
		assertThat(record).matches("/deployments/\\d+");
		assertThat(this.cluster.pod("default", name)).isPresent();
		Document page = page(record, deployer);
		assertThat(page.select(".page-head .badge.status").text()).isEqualTo("Applied");
		assertThat(page.select(".facts").first().text()).contains(name, "revision 1", this.clusterName + " / default",
				"TAG = 1.28", "Pod " + name + " created.");
		assertThat(page.select("#live").attr("hx-get")).isEqualTo(record);
		assertThat(page.select("#live").attr("hx-trigger")).isEqualTo("every 2s");
		assertThat(page.select(".deployment-actions button").eachText()).contains("Redeploy revision 1",
				"Deploy the latest revision");
		assertThat(page.select(".deployment-actions a").eachText()).contains("Drift", "Delete…");

		Document live = eventually(() -> fragment(record, deployer),
				(fragment) -> fragment.select(".pod .phase").text().equals("Running"));
		assertThat(live.select("section#live")).hasSize(1);
		assertThat(live.select("h1")).isEmpty();
		assertThat(live.select(".pod-ip").text()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
		assertThat(live.select("tr[data-container=web] .container-state").text()).startsWith("running since");
		assertThat(live.select(".events-table td[data-label=Reason]").eachText()).isNotEmpty();
		assertThat(page.select("#logs select[name=source] option").eachAttr("value")).containsExactly(name + "/web");
		Document logs = fragment(record + "/logs?source=" + name + "/web&tailLines=50", deployer);
		assertThat(logs.select("pre#log-output").text())
			.contains("starting container \"web\" from image \"nginx:1.28\"");

		Document asViewer = page(record, user(unique("viewer")).roles("VIEWER"));
		assertThat(asViewer.select(".deployment-actions button")).isEmpty();
		assertThat(asViewer.select(".deployment-actions a").eachText()).containsExactly("Drift");
		assertThat(asViewer.select("#logs")).isEmpty();
	}

	@Test
	void aContainerWhoseImageCannotBePulledShowsWhyItWaits() throws Exception {
		RequestPostProcessor deployer = deployer();
		String name = unique("unpullable");
		String record = deploy(template(name, "unpullable"), "default", Map.of(), deployer).getResponse()
			.getRedirectedUrl();

		Document live = eventually(() -> fragment(record, deployer),
				(fragment) -> fragment.select("tr[data-container=web] .container-state")
					.text()
					.contains("ImagePullBackOff"));
		assertThat(live.select("tr[data-container=web] .container-state").text())
			.startsWith("waiting ImagePullBackOff");
		assertThat(live.select("tr[data-container=web] .container-state .badge").hasClass("danger")).isTrue();
		assertThat(live.select("tr[data-container=web] td[data-label=Ready]").text()).isEqualTo("no");
		assertThat(live.select(".events-table tr.warning td[data-label=Message]").text())
			.contains(FakeKubernetes.MISSING_IMAGE_HOST);
		assertThat(live.select(".live-health").text())
			.startsWith("Degraded ImagePullBackOff Container web of pod " + name);
		assertThat(live.select("#page-health[hx-swap-oob=true]").text()).as("the page head's health, refreshed")
			.isEqualTo("Degraded ImagePullBackOff");
		Document logs = fragment(record + "/logs?source=" + name + "/web", deployer);
		assertThat(logs.select("pre.log-problem").text()).contains("is waiting to start");
	}

	@Test
	void aWorkloadShowsItsReplicasAndEachOfItsPods() throws Exception {
		RequestPostProcessor deployer = deployer();
		String name = unique("replicated");
		long template = template(name, "nginx");

		MvcTestResult deployed = this.mvc.post()
			.uri("/templates/" + template + "/deploy")
			.param("clusterId", String.valueOf(this.clusterId))
			.param("namespace", "default")
			.param("kind", "Deployment")
			.with(deployer)
			.with(csrf())
			.exchange();

		String record = deployed.getResponse().getRedirectedUrl();
		Document live = eventually(() -> fragment(record, deployer),
				(fragment) -> fragment.select(".replicas dd").text().contains("1 ready"));
		assertThat(live.select(".replicas dd").text()).startsWith("1 desired · 1 ready · 1 available");
		assertThat(live.select(".pod .mono").first().text()).startsWith(name + "-");
		assertThat(page(record, deployer).select("#logs select[name=source] option").eachAttr("value")).singleElement()
			.satisfies((source) -> assertThat(source).startsWith(name + "-").endsWith("/web"));
	}

	@Test
	void theFormSaysEachNamespacesPodSecurityLevelAndTurnsDeployOffWhereThePodWouldBeRefused() throws Exception {
		RequestPostProcessor deployer = deployer();
		String name = unique("ipc");
		long template = template(name, "ipc");

		Document namespaces = page("/deployments/namespaces?clusterId=" + this.clusterId, deployer);
		assertThat(namespaces.select("option[value=locked]").attr("label"))
			.isEqualTo("Pod Security: enforces baseline");
		assertThat(namespaces.select("option[value=team-a]").attr("label")).isEqualTo("Pod Security: no enforce label");

		Document locked = fit(template, "locked", deployer);
		assertThat(locked.select(".namespace-level").text()).contains("enforces baseline", "this pod is privileged");
		assertThat(locked.select(".fit-warning[role=alert]").text()).contains(
				"Namespace locked enforces Pod Security baseline and this pod is privileged: the cluster will refuse it.",
				"capabilities_baseline: non-default capabilities (container \"consumer\" must not include \"IPC_LOCK\" in "
						+ "securityContext.capabilities.add)");
		assertThat(locked.select("#deploy-buttons").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(locked.select("button[value=deploy]").hasAttr("disabled")).isTrue();
		assertThat(locked.select("button[value=dryRun]").hasAttr("disabled")).isFalse();
		assertThat(locked.select("#deploy-blocked").text()).startsWith("Deploy is off: Namespace locked enforces");

		Document open = fit(template, "team-a", deployer);
		assertThat(open.select(".namespace-level").text()).contains("no enforce label",
				"the cluster's default level applies");
		assertThat(open.select(".fit-warning")).isEmpty();
		assertThat(open.select("button[value=deploy]").hasAttr("disabled")).isFalse();
		assertThat(fit(template, "no-such-namespace", deployer).select(".fit-warning").text())
			.isEqualTo("The cluster has no namespace no-such-namespace.");

		// sent anyway (no JavaScript), it is not sent to the cluster
		int requests = this.cluster.requests().size();
		MvcTestResult refused = deploy(template, "locked", Map.of(), deployer);
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select(".form-problem").text())
			.isEqualTo("Not deployed: Namespace locked enforces Pod Security baseline and this pod is privileged: the "
					+ "cluster will refuse it.");
		assertThat(this.cluster.requests().subList(requests, this.cluster.requests().size()))
			.noneMatch((request) -> request.method().equals("PATCH"));
		assertThat(this.cluster.pod("locked", name)).isEmpty();
	}

	@Test
	void aDeployFromTheFormReadsItsNamespaceOnceAndAppliesNothingWhereTheNamespaceRefusesIt() throws Exception {
		RequestPostProcessor deployer = deployer();
		String refusedName = unique("ipc");
		long refusedTemplate = template(refusedName, "ipc");

		int before = this.cluster.requests().size();
		MvcTestResult refused = deploy(refusedTemplate, "locked", Map.of(), deployer);

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select(".form-problem").text())
			.isEqualTo("Not deployed: Namespace locked enforces Pod Security baseline and this pod is privileged: the "
					+ "cluster will refuse it.");
		List<FakeKubernetes.RecordedRequest> asked = requestsSince(before);
		assertThat(asked).filteredOn(namespaceRead("locked")).hasSize(1);
		assertThat(asked).noneMatch((request) -> request.method().equals("PATCH"));
		assertThat(this.cluster.pod("locked", refusedName)).isEmpty();

		before = this.cluster.requests().size();
		assertThat(deploy(refusedTemplate, "no-such-namespace", Map.of(), deployer))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyText()
			.contains("Not deployed: The cluster has no namespace no-such-namespace.");
		assertThat(requestsSince(before)).filteredOn(namespaceRead("no-such-namespace")).hasSize(1);
		assertThat(requestsSince(before)).noneMatch((request) -> request.method().equals("PATCH"));

		String passingName = unique("web");
		long passing = template(passingName, "nginx");
		before = this.cluster.requests().size();
		assertThat(deploy(passing, "team-a", Map.of(), deployer)).hasStatus(HttpStatus.FOUND);
		assertThat(requestsSince(before)).filteredOn(namespaceRead("team-a")).hasSize(1);
		assertThat(requestsSince(before)).filteredOn((request) -> request.method().equals("PATCH"))
			.as("the dry run and the apply")
			.hasSize(2);
		assertThat(this.cluster.pod("team-a", passingName)).isPresent();
	}

	private List<FakeKubernetes.RecordedRequest> requestsSince(int before) {
		List<FakeKubernetes.RecordedRequest> all = this.cluster.requests();
		return all.subList(before, all.size());
	}

	private static Predicate<FakeKubernetes.RecordedRequest> namespaceRead(String namespace) {
		return (request) -> request.method().equals("GET") && request.path().equals("/api/v1/namespaces/" + namespace);
	}

	@Test
	void aRefusedDryRunShowsOnceOnTheFormWithWhatWouldPassAndDeployIsNotOfferedAgainAsItWas() throws Exception {
		RequestPostProcessor deployer = deployer();
		long template = template(unique("ipc"), "ipc");

		MvcTestResult refused = dryRun(template, "locked", deployer);

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document form = Jsoup.parse(refused.getResponse().getContentAsString());
		assertThat(form.select("#deploy-result")).hasSize(1);
		assertThat(form.select("#deploy-result h2").text()).isEqualTo("Dry run: refused by the cluster");
		assertThat(form.select("#deploy-result .cluster-words").text())
			.contains("violates PodSecurity \"baseline:latest\"");
		assertThat(form.select("#deploy-result .fixes li").eachText())
			.containsExactly("capabilities_baseline: non-default "
					+ "capabilities (container \"consumer\" must not include \"IPC_LOCK\" in securityContext.capabilities.add)");
		assertThat(form.text().split("violates PodSecurity", -1)).as("the refusal shows once").hasSize(2);
		assertThat(form.select("button[value=deploy]").hasAttr("disabled")).isTrue();
		String refusedForm = form.select("input[name=refused]").val();
		assertThat(refusedForm).isNotBlank();

		// the fit, asked with the refused form, does not list the checks a second time
		Document fit = Jsoup.parse(this.mvc.get()
			.uri("/templates/" + template + "/deploy/fit")
			.param("clusterId", String.valueOf(this.clusterId))
			.param("namespace", "locked")
			.param("kind", "")
			.param("revision", "")
			.param("values.TAG", "1.27")
			.param("values.TIER", "front")
			.param("refused", refusedForm)
			.with(deployer)
			.exchange()
			.getResponse()
			.getContentAsString());
		assertThat(fit.select(".fit-warning")).isEmpty();
		assertThat(fit.select("button[value=deploy]").hasAttr("disabled")).isTrue();
	}

	@Test
	void badInputComesBackToTheFormWithTheReasonAndWhatWasTyped() throws Exception {
		RequestPostProcessor deployer = deployer();
		long template = template(unique("typo"), "nginx");

		MvcTestResult refused = deploy(template, "Not_A_Namespace", Map.of("values.TAG", "1.29"), deployer);

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document form = Jsoup.parse(refused.getResponse().getContentAsString());
		assertThat(form.select(".form-problem").text()).contains("namespace must be a DNS label");
		assertThat(form.select("input[name=namespace]").val()).isEqualTo("Not_A_Namespace");
		assertThat(form.select("input[name=values.TAG]").val()).isEqualTo("1.29");
	}

	@Test
	void changingALiveObjectIsShownAsADiffToConfirmFirst() throws Exception {
		RequestPostProcessor deployer = deployer();
		String name = unique("tiered");
		long template = template(name, "nginx");
		assertThat(deploy(template, "default", Map.of(), deployer)).hasStatus(HttpStatus.FOUND);

		MvcTestResult paused = deploy(template, "default", Map.of("values.TIER", "back"), deployer);

		assertThat(paused).hasStatusOk();
		Document confirm = Jsoup.parse(paused.getResponse().getContentAsString());
		assertThat(confirm.select("h1").text()).isEqualTo("Apply these changes?");
		assertThat(confirm.select(".confirm-subject").text())
			.isEqualTo(name + ", the latest revision, to " + this.clusterName + "/default");
		assertThat(confirm.select("table.diff tr.removed").text()).contains("tier: front");
		assertThat(confirm.select("table.diff tr.added").text()).contains("tier: back");
		assertThat(this.cluster.pod("default", name).orElseThrow().at("/metadata/labels/tier").asString())
			.isEqualTo("front");

		MvcTestResult applied = repost(confirm, deployer);
		assertThat(applied).hasStatus(HttpStatus.FOUND);
		assertThat(this.cluster.pod("default", name).orElseThrow().at("/metadata/labels/tier").asString())
			.isEqualTo("back");
		Document record = page(applied.getResponse().getRedirectedUrl(), deployer);
		assertThat(record.select(".deploy-message").text()).isEqualTo("Pod " + name + " configured.");
		assertThat(record.select(".deploy-diff table.diff tr.added").text()).contains("tier: back");
	}

	@Test
	void aDeployPausedToConfirmChangesIsWhereTheFormStartsNextTime() throws Exception {
		RequestPostProcessor deployer = deployer();
		long template = template(unique("paused"), "nginx");
		assertThat(deploy(template, "default", Map.of(), deployer)).hasStatus(HttpStatus.FOUND);
		assertThat(deploy(template(unique("elsewhere"), "nginx"), "team-a", Map.of(), deployer))
			.hasStatus(HttpStatus.FOUND);

		MvcTestResult paused = deploy(template, "default", Map.of("values.TIER", "back"), deployer);

		assertThat(Jsoup.parse(paused.getResponse().getContentAsString()).select("h1").text())
			.isEqualTo("Apply these changes?");
		assertThat(page("/templates/" + template + "/deploy", deployer).select("input[name=namespace]").val())
			.isEqualTo("default");
	}

	@Test
	void aDryRunShowsOnTheFormNotAsARecordAndARecordCanBeDeployedAgainAndComparedWithTheLiveObject() throws Exception {
		RequestPostProcessor deployer = deployer();
		String name = unique("again");
		long template = template(name, "nginx");

		MvcTestResult dryRun = dryRun(template, "default", deployer);
		assertThat(dryRun).hasStatusOk();
		Document form = Jsoup.parse(dryRun.getResponse().getContentAsString());
		assertThat(form.select("#deploy-result.passed h2").text()).isEqualTo("Dry run passed");
		assertThat(form.select("#deploy-result .cluster-words").text())
			.isEqualTo("The server-side dry run passed: Pod " + name + " would be created.");
		assertThat(form.select("input[name=namespace]").val()).isEqualTo("default");
		assertThat(form.select("button[value=deploy]").hasAttr("disabled")).isFalse();
		assertThat(this.cluster.pod("default", name)).isEmpty();
		assertThat(this.mvc.get()
			.uri("/api/v1/deployments?templateId=" + template)
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)).bodyJson()
			.extractingPath("$.items")
			.asArray()
			.as("no dry run in the history")
			.isEmpty();

		String first = deploy(template, "default", Map.of(), deployer).getResponse().getRedirectedUrl();
		MvcTestResult again = this.mvc.post().uri(first + "/redeploy").with(deployer).with(csrf()).exchange();
		assertThat(again).hasStatus(HttpStatus.FOUND);
		String second = again.getResponse().getRedirectedUrl();
		assertThat(second).isNotEqualTo(first).matches("/deployments/\\d+");
		assertThat(page(second, deployer).select(".deploy-message").text()).isEqualTo("Pod " + name + " unchanged.");

		Document drift = page(second + "/drift", deployer);
		assertThat(drift.select(".no-drift").text()).startsWith("No drift");
	}

	@Test
	void fieldsAnotherManagerOwnsAreNamedAndCanBeTakenOver() throws Exception {
		RequestPostProcessor deployer = deployer();
		String name = unique("owned");
		long template = template(name, "nginx");
		String first = deploy(template, "default", Map.of(), deployer).getResponse().getRedirectedUrl();
		this.cluster.applyAs("kubectl-edit", "default", """
				apiVersion: v1
				kind: Pod
				metadata:
				  name: %s
				  labels:
				    tier: edited
				""".formatted(name), true);

		Document drift = page(first + "/drift", deployer);
		assertThat(drift.select("table.diff tr.removed").text()).contains("tier: front");
		assertThat(drift.select("table.diff tr.added").text()).contains("tier: edited");
		assertThat(drift.select(".drift-card li").text()).startsWith("kubectl-edit (Apply");

		MvcTestResult refused = deploy(template, "default", Map.of(), deployer);

		assertThat(refused).hasStatus(HttpStatus.CONFLICT);
		Document conflict = Jsoup.parse(refused.getResponse().getContentAsString());
		assertThat(conflict.select("h1").text()).isEqualTo("Other field managers own these fields");
		assertThat(conflict.select(".conflicts-table td[data-label=Manager]").eachText()).contains("kubectl-edit");
		assertThat(conflict.select(".conflicts-table td[data-label=Field]").text()).contains("tier");
		assertThat(conflict.select("a[href^=/deployments/]").attr("href")).matches("/deployments/\\d+");
		assertThat(conflict.select("form.buttons input[name=force]").val()).isEqualTo("true");

		MvcTestResult takenOver = repost(conflict, deployer);
		assertThat(takenOver).hasStatus(HttpStatus.FOUND);
		assertThat(this.cluster.pod("default", name).orElseThrow().at("/metadata/labels/tier").asString())
			.isEqualTo("front");
		assertThat(page(takenOver.getResponse().getRedirectedUrl(), deployer).select(".deploy-message").text())
			.contains("taking over fields of other managers");
	}

	@Test
	void theHistoryIsFilteredByTemplateAndClusterAndTheTemplatePageShowsWhereItRunsUntilDeleted() throws Exception {
		RequestPostProcessor deployer = deployer();
		String first = unique("first");
		String second = unique("second");
		long firstTemplate = template(first, "nginx");
		long secondTemplate = template(second, "nginx");
		String record = deploy(firstTemplate, "default", Map.of(), deployer).getResponse().getRedirectedUrl();
		deploy(secondTemplate, "team-a", Map.of(), deployer);

		Document all = page("/deployments?clusterId=" + this.clusterId, deployer);
		assertThat(all.select("td[data-label=Template] a").eachText()).contains(first, second);
		Document filtered = page("/deployments?templateId=" + firstTemplate, deployer);
		assertThat(filtered.select("td[data-label=Template] a").eachText()).containsOnly(first);
		assertThat(filtered.select("select[name=templateId] option[selected]").text()).isEqualTo(first);
		assertThat(filtered.select("td[data-label=Object] a").attr("href")).isEqualTo(record);
		assertThat(page("/deployments?clusterId=9223372036854775806", deployer).select(".empty").text())
			.contains("Nothing deployed that matches yet.");

		Document templatePage = page("/templates/" + firstTemplate, deployer);
		assertThat(templatePage.select("#runs [hx-get]").attr("hx-get"))
			.isEqualTo("/templates/" + firstTemplate + "/runs");
		assertThat(templatePage.select(".template-actions a").eachText()).contains("Deploy…");
		assertThat(page("/templates/" + firstTemplate, user(unique("viewer")).roles("VIEWER"))
			.select(".template-actions a")
			.eachText()).doesNotContain("Deploy…");
		Document runs = page("/templates/" + firstTemplate + "/runs", deployer);
		assertThat(runs.select(".runs-list a").attr("href")).isEqualTo(record);
		assertThat(runs.select(".runs-list li").text()).contains("Pod " + first, this.clusterName + " / default");

		Document confirmDelete = page(record + "/delete", deployer);
		assertThat(confirmDelete.select("h1").text()).isEqualTo("Delete Pod " + first + " from the cluster?");
		assertThat(this.mvc.post().uri(record + "/delete").with(deployer).with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl(record)
			.flash()
			.containsEntry("notice", "Pod " + first + " deleted from " + this.clusterName + "/default.");
		assertThat(this.cluster.pod("default", first)).isEmpty();
		Document deleted = page(record, deployer);
		assertThat(deleted.select(".page-head .badge.status").text()).isEqualTo("Deleted");
		assertThat(deleted.select("#live").hasAttr("hx-trigger")).isFalse();
		assertThat(deleted.select(".deployment-actions a").eachText()).doesNotContain("Delete…");
		Document gone = page("/templates/" + firstTemplate + "/runs", deployer);
		assertThat(gone.text()).contains("Not deployed anywhere now.");
		assertThat(gone.select(".runs-list li .health-status").text()).isEqualTo("Deleted");
	}

	@Test
	void whereATemplateRunsShowsEachObjectsHealthAndUnknownAtOnceForAClusterThatDoesNotAnswer() throws Exception {
		RequestPostProcessor deployer = deployer();
		String name = unique("pull");
		long template = template(name, "unpullable");
		assertThat(deploy(template, "team-a", Map.of(), deployer)).hasStatus(HttpStatus.FOUND);
		try (FakeKubernetes away = FakeKubernetes.start(TOKEN)) {
			away.createNamespace("team-a", Map.of());
			String awayName = unique("away");
			long awayId = this.clusters.add(awayName, FakeKubeconfig.of(away, TOKEN), null).id();
			assertThat(sendDeployForm(template, awayId, "team-a", "deploy", Map.of(), deployer))
				.hasStatus(HttpStatus.FOUND);
			away.goDown();

			Document runs = eventually(() -> page("/templates/" + template + "/runs", deployer),
					(found) -> found.select(".runs-list li:contains(" + this.clusterName + ") .health-status")
						.text()
						.equals("Degraded"));
			Element stuck = runs.select(".runs-list li:contains(" + this.clusterName + ")").first();
			assertThat(stuck.select(".health-reason").text()).isEqualTo("ImagePullBackOff");
			assertThat(stuck.select(".health").attr("title")).contains("Back-off pulling image");

			long started = System.nanoTime();
			Element unreachable = page("/templates/" + template + "/runs", deployer)
				.select(".runs-list li:contains(" + awayName + ")")
				.first();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			assertThat(unreachable.select(".health-status").text()).isEqualTo("Unknown");
			assertThat(unreachable.select(".health-reason").text()).isEqualTo("ClusterUnreachable");
		}
	}

	private MvcTestResult dryRun(long template, String namespace, RequestPostProcessor who) {
		return sendDeployForm(template, this.clusterId, namespace, "dryRun",
				Map.of("values.TAG", "1.27", "values.TIER", "front"), who);
	}

	/** How the template fits the namespace, as the form asks while it is filled in. */
	private Document fit(long template, String namespace, RequestPostProcessor who) throws Exception {
		return fragment("/templates/" + template + "/deploy/fit?clusterId=" + this.clusterId + "&namespace=" + namespace
				+ "&kind=&revision=", who);
	}

	private MvcTestResult deploy(long template, String namespace, Map<String, String> values,
			RequestPostProcessor who) {
		return sendDeployForm(template, this.clusterId, namespace, "deploy", values, who);
	}

	/**
	 * The deploy page's form sent with its button for {@code action}, the kind and
	 * revision left as they are.
	 */
	private MvcTestResult sendDeployForm(long template, long clusterId, String namespace, String action,
			Map<String, String> values, RequestPostProcessor who) {
		var request = this.mvc.post()
			.uri("/templates/" + template + "/deploy")
			.param("clusterId", String.valueOf(clusterId))
			.param("namespace", namespace)
			.param("kind", "")
			.param("revision", "")
			.param("action", action);
		values.forEach(request::param);
		return request.with(who).with(csrf()).exchange();
	}

	/** Sends the confirmation page's form as its button would. */
	private MvcTestResult repost(Document confirm, RequestPostProcessor who) {
		var form = confirm.select("form.buttons").first();
		var request = this.mvc.post().uri(form.attr("action"));
		form.select("input[type=hidden]").forEach((input) -> request.param(input.attr("name"), input.val()));
		return request.with(who).with(csrf()).exchange();
	}

	private Document page(String uri, RequestPostProcessor who) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).with(who).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/**
	 * What {@code read} answers once it satisfies {@code done}; the simulated cluster
	 * takes a moment.
	 */
	private static Document eventually(Callable<Document> read, Predicate<Document> done) {
		return await().alias("what the page shows").atMost(Duration.ofSeconds(10)).until(read, done);
	}

	private Document fragment(String uri, RequestPostProcessor who) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).header("HX-Request", "true").with(who).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/**
	 * A template named as its pod: an nginx with a tag and a tier label, the same from a
	 * registry that cannot be pulled from, or a pod with IPC_LOCK.
	 */
	private long template(String name, String shape) {
		String manifest = switch (shape) {
			case "nginx" -> """
					{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "%s", "labels": {"tier": "${TIER}"}},
					 "spec": {"containers": [{"name": "web", "image": "nginx:${TAG}"}]}}""".formatted(name);
			case "unpullable" -> """
					{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "%s", "labels": {"tier": "${TIER}"}},
					 "spec": {"containers": [{"name": "web", "image": "%s/web:${TAG}"}]}}""".formatted(name,
					FakeKubernetes.MISSING_IMAGE_HOST);
			default -> """
					{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "%s"},
					 "spec": {"containers": [{"name": "consumer", "image": "busybox:1.36",
					   "securityContext": {"capabilities": {"add": ["IPC_LOCK"]}}}]}}""".formatted(name);
		};
		String body = """
				{"name": "%s", "parameters": [{"name": "TAG", "default": "1.27"}, {"name": "TIER", "default": "front"}],
				 "manifest": %s}""".formatted(name, manifest);
		MvcTestResult created = this.mvc.post()
			.uri("/api/v1/templates")
			.header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		try {
			return JsonMapper.shared().readTree(created.getResponse().getContentAsString()).get("id").asLong();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RequestPostProcessor deployer() {
		return user(unique("deployer")).roles("DEPLOYER");
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
