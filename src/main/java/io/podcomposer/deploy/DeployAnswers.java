package io.podcomposer.deploy;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.podcomposer.kube.ClusterCallException.FieldConflict;
import io.podcomposer.manifest.ManifestTooLargeException;
import io.podcomposer.manifest.MissingValuesException;
import io.podcomposer.manifest.UnsupportedManifestException;
import io.podcomposer.templates.LineDiff;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where a deploy from the pages leads: to the record when it ended (applied, dry-run or failed),
 * to a confirmation with the diff when it would change a live object, to a choice to take over
 * the fields another manager owns, or back to the form when the input was refused.
 */
final class DeployAnswers {

	private DeployAnswers() {
	}

	/**
	 * A confirmation: the changes to a live object, or the fields other managers own. Sending
	 * {@code fields} to {@code action} again, with {@code confirmed} or {@code force}, goes on.
	 */
	record Confirmation(String subject, String action, List<DeployForm.Field> fields, String cancel,
			List<LineDiff.Hunk> hunks, List<FieldConflict> conflicts, String message, DeploymentView failed) {

		public boolean conflict() {
			return !this.conflicts.isEmpty();
		}

	}

	/**
	 * @param subject what is deployed where, in words, for a confirmation
	 * @param badInput the page for input refused before anything was recorded, given the reason
	 */
	static String show(Supplier<Deployer.DeployOutcome> deploy, Supplier<String> subject, String action,
			List<DeployForm.Field> fields, String cancel, Model model, HttpServletResponse response,
			Function<String, String> badInput) {
		try {
			Deployer.DeployOutcome outcome = deploy.get();
			if (outcome.record() != null) {
				return "redirect:/deployments/" + outcome.record().id();
			}
			// applying after the confirmation applies the revision whose diff was shown, not a newer one
			List<DeployForm.Field> pinned = fields.stream()
				.map((field) -> field.name().equals("revision")
						? new DeployForm.Field("revision", Integer.toString(outcome.pendingRevision())) : field)
				.toList();
			model.addAttribute("confirmation", new Confirmation(subject.get(), action, pinned, cancel,
					LineDiff.read(outcome.pendingDiff()), List.of(), null, null));
			return "deployments/confirm";
		}
		catch (DeployProblem ex) {
			DeploymentView failed = ex.deployment();
			if (failed != null && !ex.conflicts().isEmpty()) {
				response.setStatus(ex.getStatusCode().value());
				model.addAttribute("confirmation", new Confirmation(subject.get(), action, fields, cancel, List.of(),
						ex.conflicts(), ex.getBody().getDetail(), failed));
				return "deployments/confirm";
			}
			if (failed != null) {
				return "redirect:/deployments/" + failed.id();
			}
			response.setStatus(ex.getStatusCode().value());
			return badInput.apply(ex.getBody().getDetail());
		}
		catch (MissingValuesException ex) {
			response.setStatus(422);
			return badInput.apply("Enter " + ((ex.names().size() == 1) ? "a value for " : "values for ")
					+ String.join(", ", ex.names()) + ": required, without a default.");
		}
		catch (ManifestTooLargeException ex) {
			response.setStatus(413);
			return badInput.apply("Not deployed: " + ex.getMessage() + ".");
		}
		catch (UnsupportedManifestException ex) {
			response.setStatus(422);
			return badInput.apply(ex.getMessage());
		}
		catch (ResponseStatusException ex) {
			response.setStatus(ex.getStatusCode().value());
			return badInput.apply(ex.getReason());
		}
	}

}
