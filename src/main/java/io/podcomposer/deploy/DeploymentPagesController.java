package io.podcomposer.deploy;

import java.util.ArrayList;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.podcomposer.security.PageProblem;
import io.podcomposer.system.HtmxFragments;
import io.podcomposer.system.LineDiff;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deployments: the history, a page per deploy with its live state (the same URL
 * answers the live panel alone to the page's polling), its logs, its drift, delete and
 * deploy again; and where a template runs now, for the template page.
 */
@Controller
class DeploymentPagesController {

	static final int PAGE_SIZE = 25;

	static final List<Integer> TAIL_LINES = List.of(50, 100, 500, 1000);

	private final Deployments deployments;

	private final PodLogs podLogs;

	private final DriftReader driftReader;

	private final Undeployer undeployer;

	private final Redeployer redeployer;

	DeploymentPagesController(Deployments deployments, PodLogs podLogs, DriftReader driftReader, Undeployer undeployer,
			Redeployer redeployer) {
		this.deployments = deployments;
		this.podLogs = podLogs;
		this.driftReader = driftReader;
		this.undeployer = undeployer;
		this.redeployer = redeployer;
	}

	/** One page of the deployed objects, with what they can be filtered by. */
	record HistoryPage(Deployments.ObjectsPage found, Long templateId, Long clusterId,
			List<DeploymentRecordRepository.Named> templates, List<DeploymentRecordRepository.Named> clusters) {

		public int pages() {
			return (int) Math.max(1, (this.found.total() + this.found.size() - 1) / this.found.size());
		}

	}

	/** A container whose log can be read: {@code pod/container}. */
	record LogSource(String pod, String container) {

		public String value() {
			return this.pod + "/" + this.container;
		}

	}

	/** The last lines of a container's log, or why there are none. */
	record Logs(String source, int tailLines, String text, String problem) {
	}

	@GetMapping("/deployments")
	String history(@RequestParam(required = false) Long templateId, @RequestParam(required = false) Long clusterId,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("history", new HistoryPage(this.deployments.objects(templateId, clusterId, page, PAGE_SIZE),
				templateId, clusterId, this.deployments.deployedTemplates(), this.deployments.deployedToClusters()));
		return "deployments/list";
	}

	@GetMapping("/deployments/{id}")
	String deployment(@PathVariable long id, HtmxRequest htmx, Model model) {
		Deployments.Detail detail = this.deployments.detail(id);
		DeploymentView deployment = detail.deployment();
		LiveState live = detail.live();
		model.addAttribute("deployment", deployment);
		model.addAttribute("live", live);
		model.addAttribute("health", detail.health());
		model.addAttribute("replacedBy", detail.replacedBy());
		model.addAttribute("currentId", detail.currentId());
		model.addAttribute("deploys", detail.deploys());
		if (HtmxFragments.wanted(htmx)) {
			model.addAttribute("refresh", true);
			return "deployments/deployment :: live";
		}
		model.addAttribute("diffHunks", (deployment.diff() == null) ? List.of() : LineDiff.read(deployment.diff()));
		model.addAttribute("logSources", logSources(live));
		model.addAttribute("tailLines", TAIL_LINES);
		return "deployments/deployment";
	}

	/**
	 * A container's last lines: the logs panel's content for htmx, else the page with it
	 * filled in.
	 */
	@GetMapping("/deployments/{id}/logs")
	String logs(@PathVariable long id, @RequestParam(defaultValue = "") String source,
			@RequestParam(defaultValue = "100") int tailLines, HtmxRequest htmx, Model model) {
		int slash = source.indexOf('/');
		String pod = (slash < 0) ? source : source.substring(0, slash);
		String container = (slash < 0) ? "" : source.substring(slash + 1);
		Logs logs;
		try {
			String text = this.podLogs.logs(id, pod, container, tailLines);
			logs = new Logs(source, tailLines, text, null);
		}
		catch (DeployProblem ex) {
			logs = new Logs(source, tailLines, null, ex.getMessage());
		}
		model.addAttribute("logs", logs);
		if (HtmxFragments.wanted(htmx)) {
			return "deployments/deployment :: logOutput";
		}
		return deployment(id, HtmxRequest.empty(), model);
	}

	@GetMapping("/deployments/{id}/drift")
	String drift(@PathVariable long id, Model model) {
		DriftReader.Drift drift = this.driftReader.drift(id);
		model.addAttribute("deployment", this.deployments.get(id));
		model.addAttribute("drift", drift);
		model.addAttribute("diffHunks", LineDiff.read(drift.diff()));
		return "deployments/drift";
	}

	/** Asks before deleting; a page of its own, so that it works without JavaScript. */
	@GetMapping("/deployments/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("deployment", this.deployments.get(id));
		return "deployments/delete";
	}

	@PostMapping("/deployments/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes flash) {
		try {
			DeploymentView deleted = this.undeployer.undeploy(id);
			flash.addFlashAttribute("notice", deleted.kind() + " " + deleted.name() + " deleted from "
					+ deleted.clusterName() + "/" + deleted.namespace() + ".");
		}
		catch (DeployProblem ex) {
			flash.addFlashAttribute("problem", new PageProblem("actions", ex.getMessage()));
		}
		return "redirect:/deployments/" + id;
	}

	/**
	 * Deploys the same template, place and values again: this revision, or with
	 * {@code latest} the template's latest.
	 */
	@PostMapping("/deployments/{id}/redeploy")
	String redeploy(@PathVariable long id, @RequestParam(defaultValue = "false") boolean latest,
			@RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(defaultValue = "false") boolean force, @RequestParam(defaultValue = "false") boolean replace,
			Model model, HttpServletResponse response, RedirectAttributes flash) {
		return DeployAnswers.show(() -> this.redeployer.redeploy(id, latest, force, replace, !confirmed && !force),
				() -> subject(this.deployments.get(id), latest), "/deployments/" + id + "/redeploy",
				List.of(new DeployForm.Field("latest", String.valueOf(latest))), "/deployments/" + id, model, response,
				DeployAnswers.Back.toRecord(id, flash));
	}

	/** Where the template runs now, for its page. */
	@GetMapping("/templates/{id}/runs")
	String runningNow(@PathVariable long id, Model model) {
		model.addAttribute("templateId", id);
		model.addAttribute("running", this.deployments.runningNow(id));
		return "deployments/runs :: runs";
	}

	private static String subject(DeploymentView deployment, boolean latest) {
		return deployment.templateName() + ", " + (latest ? "the latest revision" : "revision " + deployment.revision())
				+ ", to " + deployment.clusterName() + "/" + deployment.namespace() + " again";
	}

	private static List<LogSource> logSources(LiveState live) {
		List<LogSource> sources = new ArrayList<>();
		for (LiveState.PodState pod : live.pods()) {
			pod.containerNames().forEach((container) -> sources.add(new LogSource(pod.name(), container)));
		}
		return sources;
	}

}
