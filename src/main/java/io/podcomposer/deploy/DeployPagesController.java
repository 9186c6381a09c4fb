package io.podcomposer.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.podcomposer.clusters.ClusterService;
import io.podcomposer.clusters.ClusterView;
import io.podcomposer.kube.ClusterCheck;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.security.AuditLog;
import io.podcomposer.templates.TemplateService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deploy form of a template: a connected cluster, a namespace listed from it or typed, the
 * parameter values, the kind and the revision; it starts at the user's last cluster and namespace,
 * so that deploying again is one click.
 */
@Controller
class DeployPagesController {

	private static final List<String> KINDS = Arrays.stream(WorkloadKind.values()).map(WorkloadKind::kindName).toList();

	private final Deployer deployer;

	private final TemplateService templates;

	private final ClusterService clusters;

	DeployPagesController(Deployer deployer, TemplateService templates, ClusterService clusters) {
		this.deployer = deployer;
		this.templates = templates;
		this.clusters = clusters;
	}

	/** The form, its template and the clusters to choose from; {@code problem} says why it came back. */
	record DeployPage(TemplateService.Deployable template, List<ClusterView> clusters, DeployForm form,
			List<String> kinds, String problem) {
	}

	@GetMapping("/templates/{id}/deploy")
	String form(@PathVariable long id, Model model) {
		TemplateService.Deployable template = this.templates.deployable(id);
		Deployer.StartingTarget start = this.deployer.startingTarget(AuditLog.currentActor(), this.clusters.list());
		DeployForm form = new DeployForm((start.cluster() == null) ? "" : String.valueOf(start.cluster().id()),
				start.namespace(), template.kind(), "", Map.of());
		return page(template, form, null, model);
	}

	@PostMapping("/templates/{id}/deploy")
	String deploy(@PathVariable long id, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "deploy") String action, @RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(defaultValue = "false") boolean force, Model model, HttpServletResponse response) {
		DeployForm form = DeployForm.read(params);
		return DeployAnswers.show(
				() -> this.deployer.deploy(form.request(id, "dryRun".equals(action), force), !confirmed && !force),
				() -> subject(id, form), "/templates/" + id + "/deploy", form.fields(), "/templates/" + id + "/deploy",
				model, response, (problem) -> page(this.templates.deployable(id), form, problem, model));
	}

	/** The namespaces of a cluster, for the form's list; a cluster that cannot be asked says why, and any name may be typed. */
	@GetMapping("/deployments/namespaces")
	String namespaces(@RequestParam(defaultValue = "0") long clusterId, Model model) {
		ClusterCheck check;
		try {
			check = this.clusters.check(clusterId);
		}
		catch (ErrorResponseException ex) {
			check = new ClusterCheck(false, null, -1, List.of(), ex.getBody().getDetail());
		}
		model.addAttribute("check", check);
		return "deployments/deploy :: namespaceOptions";
	}

	/** What the form deploys where, in words; the deploy has read the template and the cluster already. */
	private String subject(long id, DeployForm form) {
		String revision = form.revision().isBlank() ? "the latest revision" : "revision " + form.revision();
		return this.templates.deployable(id).name() + ", " + revision + ", to "
				+ this.clusters.get(Long.parseLong(form.clusterId())).name() + "/" + form.namespace();
	}

	private String page(TemplateService.Deployable template, DeployForm form, String problem, Model model) {
		model.addAttribute("deploy", new DeployPage(template, this.clusters.list(), form, KINDS, problem));
		return "deployments/deploy";
	}

}
