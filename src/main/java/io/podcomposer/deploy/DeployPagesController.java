package io.podcomposer.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.podcomposer.clusters.ClusterService;
import io.podcomposer.clusters.ClusterView;
import io.podcomposer.manifest.WorkloadKind;
import io.podcomposer.security.AuditLog;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.LineDiff;
import io.podcomposer.templates.TemplateService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deploy form of a template: a connected cluster, a namespace listed from it with the
 * Pod Security level it enforces, or typed, the parameter values, the kind and the
 * revision. It starts at the user's last cluster and namespace, so that deploying again
 * is one click, and says before sending whether the namespace will refuse the pod. A dry
 * run's result and a refusal come back to the form, once, with what would make the deploy
 * pass.
 */
@Controller
class DeployPagesController {

	private static final List<String> KINDS = Arrays.stream(WorkloadKind.values()).map(WorkloadKind::kindName).toList();

	private final Deployer deployer;

	private final Deployments deployments;

	private final NamespaceLevels namespaceLevels;

	private final TemplateService templates;

	private final ClusterService clusters;

	DeployPagesController(Deployer deployer, Deployments deployments, NamespaceLevels namespaceLevels,
			TemplateService templates, ClusterService clusters) {
		this.deployer = deployer;
		this.deployments = deployments;
		this.namespaceLevels = namespaceLevels;
		this.templates = templates;
		this.clusters = clusters;
	}

	/**
	 * The form, its template and the clusters to choose from; {@code problem} says why it
	 * came back, {@code result} what the last try came to.
	 */
	record DeployPage(TemplateService.Deployable template, List<ClusterView> clusters, DeployForm form,
			List<String> kinds, String problem, Result result) {
	}

	/**
	 * What the last try from the form came to, shown once: a dry run that passed (with
	 * the changes it would make), or a deploy or dry run the cluster refused or could not
	 * take.
	 *
	 * @param podSecurity when the namespace's Pod Security level refused the pod: the
	 * checks to change
	 * @param failedId the record of a failed deploy; null for a dry run, which records
	 * nothing
	 * @param refused whether the same deploy would fail the same way, so that it is not
	 * offered again
	 */
	record Result(boolean passed, String title, String message, List<String> warnings, List<LineDiff.Hunk> hunks,
			NamespaceFit podSecurity, Long failedId, boolean refused) {
	}

	/** How the pod fits the chosen namespace, and whether Deploy is offered. */
	record Fit(NamespaceFit fit, String blocked, boolean shownAbove) {
	}

	/**
	 * The form; {@code from} a deployment starts it as that deploy was made, to change
	 * it.
	 */
	@GetMapping("/templates/{id}/deploy")
	String form(@PathVariable long id, @RequestParam(required = false) Long from, Model model) {
		TemplateService.Deployable template = this.templates.deployable(id);
		DeployForm form;
		if (from != null) {
			DeploymentView made = this.deployments.get(from);
			form = new DeployForm(String.valueOf(made.clusterId()), made.namespace(), made.kind(),
					String.valueOf(made.revision()), made.values());
		}
		else {
			Deployer.StartingTarget start = this.deployer.startingTarget(AuditLog.currentActor(), this.clusters.list());
			form = new DeployForm((start.cluster() == null) ? "" : String.valueOf(start.cluster().id()),
					start.namespace(), template.kind(), "", Map.of());
		}
		return page(template, form, null, null, model);
	}

	@PostMapping("/templates/{id}/deploy")
	String deploy(@PathVariable long id, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "deploy") String action,
			@RequestParam(defaultValue = "false") boolean confirmed,
			@RequestParam(defaultValue = "false") boolean force, @RequestParam(defaultValue = "false") boolean replace,
			Model model, HttpServletResponse response) {
		DeployForm form = DeployForm.read(params);
		boolean dryRun = "dryRun".equals(action);
		TemplateService.Deployable template = this.templates.deployable(id);
		if (!dryRun && refusedAgain(form, params)) {
			// the form sent again unchanged, by a browser without JavaScript: the cluster
			// would refuse it again
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(template, form, "Not deployed: the cluster refused this deploy as it is; change the namespace, "
					+ "the values or the template first.", null, model);
		}
		return DeployAnswers.show(
				() -> this.deployer.deploy(form.request(id, dryRun, force, replace), !confirmed && !force, !dryRun),
				() -> subject(id, form), "/templates/" + id + "/deploy", form.fields(), "/templates/" + id + "/deploy",
				model, response, new DeployAnswers.Back() {

					@Override
					public String badInput(String problem) {
						return page(template, form, problem, null, model);
					}

					@Override
					public String failed(DeployProblem problem) {
						DeploymentView failed = problem.deployment();
						return page(template, form, null, new Result(false, problem.title(), problem.getMessage(),
								(failed == null) ? List.of() : failed.warnings(), List.of(), problem.podSecurity(),
								(failed == null) ? null : failed.id(), problem.kind() == Kind.INVALID), model);
					}

					@Override
					public String dryRun(DryRun result) {
						return page(template, form, null,
								new Result(true, "Dry run passed", result.message(), result.warnings(),
										(result.diff() == null) ? List.of() : LineDiff.read(result.diff()), null, null,
										false),
								model);
					}
				});
	}

	/**
	 * How the pod of the form fits its namespace, beside the namespace; and the buttons,
	 * with Deploy off when it is bound to fail (swapped out of band).
	 */
	@GetMapping("/templates/{id}/deploy/fit")
	String fit(@PathVariable long id, @RequestParam Map<String, String> params, Model model) {
		DeployForm form = DeployForm.read(params);
		NamespaceFit fit = this.deployer.fit(form.request(id, false, false, false)).orElse(null);
		boolean refusedAgain = refusedAgain(form, params);
		String blocked = refusedAgain
				? "The cluster refused this deploy as it is, as shown above: change the namespace, "
						+ "the values or the template first."
				: (fit != null && fit.blocks()) ? fit.reason() : null;
		model.addAttribute("fit", new Fit(fit, blocked, refusedAgain && fit != null && fit.refused()));
		model.addAttribute("templateId", id);
		return "deployments/deploy :: fit";
	}

	/**
	 * The namespaces of a cluster with their Pod Security levels, for the form's list; a
	 * cluster that cannot be asked says why.
	 */
	@GetMapping("/deployments/namespaces")
	String namespaces(@RequestParam(defaultValue = "0") long clusterId, Model model) {
		model.addAttribute("listed", this.namespaceLevels.list(clusterId));
		return "deployments/deploy :: namespaceOptions";
	}

	/** Whether the form is the one the cluster just refused, sent again unchanged. */
	private static boolean refusedAgain(DeployForm form, Map<String, String> params) {
		return form.fingerprint().equals(params.get("refused"));
	}

	/**
	 * What the form deploys where, in words; the deploy has read the template and the
	 * cluster already.
	 */
	private String subject(long id, DeployForm form) {
		String revision = form.revision().isBlank() ? "the latest revision" : "revision " + form.revision();
		return this.templates.deployable(id).name() + ", " + revision + ", to "
				+ this.clusters.get(Long.parseLong(form.clusterId())).name() + "/" + form.namespace();
	}

	private String page(TemplateService.Deployable template, DeployForm form, String problem, Result result,
			Model model) {
		model.addAttribute("deploy", new DeployPage(template, this.clusters.list(), form, KINDS, problem, result));
		return "deployments/deploy";
	}

}
