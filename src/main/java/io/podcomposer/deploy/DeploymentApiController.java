package io.podcomposer.deploy;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /api/v1/deployments}: deploy a template to a cluster, watch it, read its logs,
 * delete it.
 */
@RestController
@RequestMapping("/api/v1/deployments")
@Tag(name = "Deployments",
		description = "Deploys of templates to clusters (reads: VIEWER; deploy, logs, delete: DEPLOYER)")
class DeploymentApiController {

	private final Deployer deployer;

	private final Deployments deployments;

	private final PodLogs podLogs;

	private final DriftReader driftReader;

	private final Undeployer undeployer;

	private final Redeployer redeployer;

	DeploymentApiController(Deployer deployer, Deployments deployments, PodLogs podLogs, DriftReader driftReader,
			Undeployer undeployer, Redeployer redeployer) {
		this.deployer = deployer;
		this.deployments = deployments;
		this.podLogs = podLogs;
		this.driftReader = driftReader;
		this.undeployer = undeployer;
		this.redeployer = redeployer;
	}

	@Operation(summary = "Deploy a template", description = "Renders the revision (default: latest) with the values, "
			+ "validates it (errors block), dry-runs it on the cluster, then server-side applies it as field manager "
			+ "pod-composer without force. 201 with the record. dryRun: true stops after the dry run and records "
			+ "nothing: 200 with the result in the record's shape, without an id, status DryRunPassed and dryRun: "
			+ "true. A refusal by the cluster: 422 with its message, and for a pod its namespace's Pod Security level "
			+ "refuses, podSecurity naming the failing checks; fields another manager owns: 409 naming them (send "
			+ "force: true to take them over); unreachable: 502, no answer in 15 s: 504. Each failure of a deploy "
			+ "leaves a Failed record, in the problem's deployment property; a failed dry run says dryRun: true. "
			+ "Changes the cluster does not make to a live object in place (a Pod's spec beyond its images, "
			+ "activeDeadlineSeconds and added tolerations; a workload's selector; a StatefulSet's spec beyond replicas, "
			+ "ordinals, template, updateStrategy, revisionHistoryLimit, persistentVolumeClaimRetentionPolicy and "
			+ "minReadySeconds; a Job's template and completions) are refused before anything is sent: 409, title "
			+ "Needs replacing, immutableChanges [{rule, field, message}], nothing recorded. replace: true then deletes "
			+ "the object, waits up to 60 s until it is gone, and creates it again (its pods stop); the record says "
			+ "replaced.")
	@ApiResponse(responseCode = "201", description = "Deployed; the record",
			content = @Content(schema = @Schema(implementation = DeploymentView.class)))
	@ApiResponse(responseCode = "200", description = "dryRun: true, and the dry run passed; nothing recorded",
			content = @Content(schema = @Schema(implementation = DryRun.class)))
	@PostMapping
	ResponseEntity<Object> deploy(@RequestBody DeployRequest request) {
		Deployer.DeployOutcome outcome = this.deployer.deploy(request, false);
		if (outcome.dryRun() != null) {
			return ResponseEntity.ok(outcome.dryRun());
		}
		return ResponseEntity.created(location(outcome.record())).body(outcome.record());
	}

	@Operation(summary = "Deployment history", description = "Newest first; filter by template, cluster or both. "
			+ "Each record has the health of its object now (health: {status, reason, message}; status Healthy, "
			+ "Progressing, Degraded, Missing, Deleted or Unknown; reason a word such as ImagePullBackOff, "
			+ "CrashLoopBackOff, BackoffLimitExceeded or ClusterUnreachable) and, when a newer deploy of the same "
			+ "object replaced it, that deploy's id in replacedBy. The clusters are read at once, for at most 3 s: "
			+ "an object whose cluster did not answer by then is Unknown.")
	@GetMapping
	Deployments.HistoryPage history(@RequestParam(required = false) Long templateId,
			@RequestParam(required = false) Long clusterId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.deployments.history(templateId, clusterId, page, size);
	}

	@Operation(summary = "A deployment and its live state",
			description = "health: the object's health now, as in the history; replacedBy: the id of the newer "
					+ "deploy of the same object that replaced this one, if any. live: phase, pod IP, node, conditions, "
					+ "containers, or replicas and pods for a workload, and events oldest first; exists false with a "
					+ "message when it cannot be read.")
	@GetMapping("/{id}")
	DeploymentDetail deployment(@PathVariable long id) {
		Deployments.Detail detail = this.deployments.detail(id);
		return new DeploymentDetail(detail.deployment(), detail.health(), detail.replacedBy(), detail.live());
	}

	@Operation(summary = "A container's last log lines",
			description = "pod may be left out when there is one; "
					+ "container when the pod has one. tailLines 1 to 10000, default 100.")
	@GetMapping(value = "/{id}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
	String logs(@PathVariable long id, @RequestParam(required = false) String pod,
			@RequestParam(required = false) String container, @RequestParam(defaultValue = "100") int tailLines) {
		return this.podLogs.logs(id, pod, container, tailLines);
	}

	@Operation(summary = "Drift",
			description = "How the live object differs from what this deploy applied, in the "
					+ "fields it applied, and who else wrote to it.")
	@GetMapping("/{id}/drift")
	DriftReader.Drift drift(@PathVariable long id) {
		return this.driftReader.drift(id);
	}

	@Operation(summary = "Deploy again", description = "The same template, place and values: the same revision, or "
			+ "with latest: true the template's latest; force and replace as for a deploy. Answers as a deploy does.")
	@PostMapping("/{id}/redeploy")
	ResponseEntity<DeploymentView> redeploy(@PathVariable long id,
			@RequestBody(required = false) RedeployRequest request) {
		RedeployRequest given = (request == null) ? new RedeployRequest(false, false, false) : request;
		return created(this.redeployer.redeploy(id, given.latest(), given.force(), given.replace(), false).record());
	}

	@Operation(summary = "Delete from the cluster",
			description = "Removes the object (and a workload's pods); the "
					+ "record stays, marked Deleted. 409 when this deploy applied nothing.")
	@DeleteMapping("/{id}")
	DeploymentView undeploy(@PathVariable long id) {
		return this.undeployer.undeploy(id);
	}

	private static ResponseEntity<DeploymentView> created(DeploymentView record) {
		return ResponseEntity.created(location(record)).body(record);
	}

	private static URI location(DeploymentView record) {
		return UriComponentsBuilder.fromPath("/api/v1/deployments/{id}").buildAndExpand(record.id()).toUri();
	}

	/** A record with its object's health and live state beside its own fields. */
	record DeploymentDetail(@JsonUnwrapped DeploymentView deployment, Health health, Long replacedBy, LiveState live) {
	}

	record RedeployRequest(Boolean latest, Boolean force, Boolean replace) {

		RedeployRequest {
			latest = Boolean.TRUE.equals(latest);
			force = Boolean.TRUE.equals(force);
			replace = Boolean.TRUE.equals(replace);
		}

	}

}
