package io.podcomposer.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.podcomposer.kube.ClusterCallException.FieldConflict;
import io.podcomposer.manifest.MissingValuesException;
import io.podcomposer.system.DomainException.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each way a deploy from the pages can end leads. */
class DeployAnswersTest {

	private static final List<DeployForm.Field> FIELDS = List.of(new DeployForm.Field("namespace", "team-a"));

	private final ExtendedModelMap model = new ExtendedModelMap();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void anEndedDeployLeadsToItsRecord() {
		assertThat(show(() -> Deployer.DeployOutcome.ended(record(7, DeployStatus.Applied))))
			.isEqualTo("redirect:/deployments/7");
	}

	@Test
	void aPausedDeployAsksToConfirmTheDiffWithTheFormToSendAgain() {
		String diff = "--- live\n+++ new\n@@ -1 +1 @@\n-tier: front\n+tier: back\n";

		assertThat(show(() -> new Deployer.DeployOutcome(null, null, diff, 3))).isEqualTo("deployments/confirm");

		DeployAnswers.Confirmation confirmation = (DeployAnswers.Confirmation) this.model.get("confirmation");
		assertThat(confirmation.conflict()).isFalse();
		assertThat(confirmation.subject()).isEqualTo("web to staging/team-a");
		assertThat(confirmation.action()).isEqualTo("/templates/1/deploy");
		assertThat(confirmation.fields()).isEqualTo(FIELDS);
		assertThat(confirmation.hunks()).singleElement()
			.satisfies((hunk) -> assertThat(hunk.lines()).extracting((line) -> line.text())
				.containsExactly("tier: front", "tier: back"));
	}

	@Test
	void theConfirmationAppliesTheRevisionWhoseDiffItShowsNotALaterOne() {
		List<DeployForm.Field> latest = List.of(new DeployForm.Field("namespace", "team-a"),
				new DeployForm.Field("revision", ""));

		DeployAnswers.show(() -> new Deployer.DeployOutcome(null, null, "--- live\n+++ new\n@@ -1 +1 @@\n-a\n+b\n", 3),
				() -> "web to staging/team-a", "/templates/1/deploy", latest, "/templates/1/deploy", this.model,
				this.response, BACK);

		assertThat(((DeployAnswers.Confirmation) this.model.get("confirmation")).fields())
			.containsExactly(new DeployForm.Field("namespace", "team-a"), new DeployForm.Field("revision", "3"));
	}

	@Test
	void fieldsOwnedByAnotherManagerAreOfferedToTakeOver() {
		List<FieldConflict> conflicts = List.of(new FieldConflict("kubectl-edit", ".metadata.labels.tier"));
		DeploymentView failed = record(9, DeployStatus.Failed);

		String view = show(() -> {
			throw new DeployProblem(Kind.CONFLICT, "Conflict", "Apply failed with 1 conflict", failed, conflicts, null,
					false);
		});

		assertThat(view).isEqualTo("deployments/confirm");
		assertThat(this.response.getStatus()).isEqualTo(409);
		DeployAnswers.Confirmation confirmation = (DeployAnswers.Confirmation) this.model.get("confirmation");
		assertThat(confirmation.conflict()).isTrue();
		assertThat(confirmation.conflicts()).isEqualTo(conflicts);
		assertThat(confirmation.failed()).isEqualTo(failed);
		assertThat(confirmation.message()).isEqualTo("Apply failed with 1 conflict");
	}

	@Test
	void aDryRunGoesBackWithItsResult() {
		DryRun passed = new DryRun("The server-side dry run passed: Pod web would be created.", List.of(), "Pod", "web",
				"default", 1, "staging", 1, "web", 1, Map.of(), null, Instant.EPOCH, "alice");

		assertThat(show(() -> Deployer.DeployOutcome.dryRun(passed)))
			.isEqualTo("dry run: The server-side dry run passed: Pod web would be created.");
		assertThat(show(() -> {
			throw new DeployProblem(Kind.INVALID, "Dry run: refused by the cluster", "forbidden", null, List.of(), null,
					true);
		})).isEqualTo("failed: forbidden, no record");
		assertThat(this.response.getStatus()).isEqualTo(422);
	}

	@Test
	void aFailedDeployGoesBackWithItsRecordAndBadInputWithTheReason() {
		assertThat(show(() -> {
			throw new DeployProblem(Kind.INVALID, "Refused", "forbidden", record(11, DeployStatus.Failed), List.of(),
					null, false);
		})).isEqualTo("failed: forbidden, record 11");

		assertThat(show(() -> {
			throw new DeployProblem(Kind.INVALID, "Invalid fields", "namespace must be a DNS label");
		})).isEqualTo("form: namespace must be a DNS label");
		assertThat(show(() -> {
			throw new MissingValuesException(List.of("TAG"));
		})).isEqualTo("form: Enter a value for TAG: required, without a default.");
		assertThat(this.response.getStatus()).isEqualTo(422);
	}

	private String show(Supplier<Deployer.DeployOutcome> deploy) {
		return DeployAnswers.show(deploy, () -> "web to staging/team-a", "/templates/1/deploy", FIELDS,
				"/templates/1/deploy", this.model, this.response, BACK);
	}

	/** Says where the answer went back to, and with what. */
	private static final DeployAnswers.Back BACK = new DeployAnswers.Back() {

		@Override
		public String badInput(String problem) {
			return "form: " + problem;
		}

		@Override
		public String failed(DeployProblem problem) {
			return "failed: " + problem.getMessage() + ", "
					+ ((problem.deployment() == null) ? "no record" : "record " + problem.deployment().id());
		}

		@Override
		public String dryRun(DryRun result) {
			return "dry run: " + result.message();
		}
	};

	private static DeploymentView record(long id, DeployStatus status) {
		return new DeploymentView(id, status, "message", List.of(), "Pod", "web", "default", 1, "staging", 1, "web", 1,
				Map.of(), null, Instant.EPOCH, "alice", null, null);
	}

}
