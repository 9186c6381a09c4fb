package io.podcomposer.deploy;

import java.util.List;
import java.util.function.Supplier;

import io.podcomposer.deploy.updates.ImmutableChange;
import io.podcomposer.kube.ClusterCallException.FieldConflict;
import io.podcomposer.manifest.ManifestTooLargeException;
import io.podcomposer.manifest.MissingValuesException;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.security.PageProblem;
import io.podcomposer.system.ApiExceptionHandler;
import io.podcomposer.system.DomainException;
import io.podcomposer.system.LineDiff;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a deploy from the pages leads: to the record when it was applied, to a
 * confirmation with the diff when it would change a live object, to a choice to take over
 * the fields another manager owns, or back where it came from ({@link Back}) with a dry
 * run's result, a failure or the reason the input was refused.
 */
final class DeployAnswers {

	private DeployAnswers() {
	}

	/**
	 * A confirmation: the changes to a live object, or the fields other managers own.
	 * Sending {@code fields} to {@code action} again, with {@code confirmed},
	 * {@code force} or {@code replace}, goes on. {@code refused}: the changes the cluster
	 * does not make in place, which only a replacement makes.
	 */
	record Confirmation(String subject, String action, List<DeployForm.Field> fields, String cancel,
			List<LineDiff.Hunk> hunks, List<FieldConflict> conflicts, String message, DeploymentView failed,
			List<ImmutableChange> refused) {

		public boolean conflict() {
			return !this.conflicts.isEmpty();
		}

		/**
		 * Whether the cluster would refuse the change, so that only replacing the object
		 * makes it.
		 */
		public boolean needsReplacing() {
			return !this.refused.isEmpty();
		}

		/** The fields the cluster would refuse to change, each once. */
		public List<String> refusedFields() {
			return this.refused.stream().map(ImmutableChange::field).distinct().toList();
		}

		/** Why, in the API server's words, each reason once. */
		public List<String> refusedMessages() {
			return this.refused.stream().map(ImmutableChange::message).distinct().toList();
		}

		/**
		 * Whether what is replaced is a single Pod, rather than a workload whose pods are
		 * replaced with it.
		 */
		public boolean pod() {
			return this.refused.stream()
				.anyMatch((change) -> change.rule().equals("pod-spec")
						|| change.message().contains("pod updates may not"));
		}

	}

	/** The page a deploy goes back to when it did not end in an applied record. */
	interface Back {

		/** Input refused before anything was recorded, given the reason. */
		String badInput(String problem);

		/**
		 * The cluster refused or failed, or could not be asked: the failed record, if
		 * any, rides along.
		 */
		String failed(DeployProblem problem);

		/** A dry run that passed. */
		String dryRun(DryRun result);

		/**
		 * Back to the page of deployment {@code id}, deployed again from there: bad input
		 * is shown on it, a failure leads to its own record.
		 */
		static Back toRecord(long id, RedirectAttributes flash) {
			return new Back() {

				@Override
				public String badInput(String problem) {
					flash.addFlashAttribute("problem", new PageProblem("actions", problem));
					return "redirect:/deployments/" + id;
				}

				@Override
				public String failed(DeployProblem problem) {
					return (problem.deployment() == null) ? badInput(problem.getMessage())
							: "redirect:/deployments/" + problem.deployment().id();
				}

				@Override
				public String dryRun(DryRun result) {
					throw new IllegalStateException("a deploy again is never a dry run");
				}
			};
		}

	}

	/**
	 * @param subject what is deployed where, in words, for a confirmation
	 */
	static String show(Supplier<Deployer.DeployOutcome> deploy, Supplier<String> subject, String action,
			List<DeployForm.Field> fields, String cancel, Model model, HttpServletResponse response, Back back) {
		try {
			Deployer.DeployOutcome outcome = deploy.get();
			if (outcome.record() != null) {
				return "redirect:/deployments/" + outcome.record().id();
			}
			if (outcome.dryRun() != null) {
				return back.dryRun(outcome.dryRun());
			}
			// applying after the confirmation applies the revision whose diff was shown,
			// not a newer one
			List<DeployForm.Field> pinned = fields.stream()
				.map((field) -> field.name().equals("revision")
						? new DeployForm.Field("revision", Integer.toString(outcome.pendingRevision())) : field)
				.toList();
			model.addAttribute("confirmation", new Confirmation(subject.get(), action, pinned, cancel,
					LineDiff.read(outcome.pendingDiff()), List.of(), null, null, outcome.refusedChanges()));
			return "deployments/confirm";
		}
		catch (DeployProblem ex) {
			DeploymentView failed = ex.deployment();
			if (failed != null && !ex.conflicts().isEmpty()) {
				response.setStatus(ApiExceptionHandler.statusCode(ex));
				model.addAttribute("confirmation", new Confirmation(subject.get(), action, fields, cancel, List.of(),
						ex.conflicts(), ex.getMessage(), failed, List.of()));
				return "deployments/confirm";
			}
			response.setStatus(ApiExceptionHandler.statusCode(ex));
			if (failed != null || ex.dryRun()) {
				return back.failed(ex);
			}
			return back.badInput(ex.getMessage());
		}
		catch (MissingValuesException ex) {
			response.setStatus(422);
			return back.badInput("Enter " + ((ex.names().size() == 1) ? "a value for " : "values for ")
					+ String.join(", ", ex.names()) + ": required, without a default.");
		}
		catch (ManifestTooLargeException ex) {
			response.setStatus(413);
			return back.badInput("Not deployed: " + ex.getMessage() + ".");
		}
		catch (UnsupportedManifestException ex) {
			response.setStatus(422);
			return back.badInput(ex.getMessage());
		}
		catch (DomainException ex) {
			// the template service's refusals: a template gone, a revision it does not
			// have
			response.setStatus(ApiExceptionHandler.statusCode(ex));
			return back.badInput(ex.getMessage());
		}
	}

}
