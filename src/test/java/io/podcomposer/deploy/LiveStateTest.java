package io.podcomposer.deploy;

import java.util.List;

import io.podcomposer.manifest.ManifestReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a pod's and its events' state out of what the API server answers. */
class LiveStateTest {

	@Test
	void eachContainerIsWaitingRunningOrTerminatedWithItsReason() {
		LiveState.PodState pod = LiveState.PodState.of(ManifestReader.readYaml(
				"""
						metadata: {name: web-1}
						spec:
						  nodeName: node-a
						  initContainers: [{name: migrate}]
						  containers: [{name: app}, {name: sidecar}, {name: late}]
						status:
						  phase: Pending
						  podIP: 10.1.2.3
						  startTime: "2026-11-29T05:00:00Z"
						  conditions:
						  - {type: Ready, status: "False", reason: ContainersNotReady, message: "containers with unready status: [app]"}
						  initContainerStatuses:
						  - name: migrate
						    ready: true
						    restartCount: 0
						    state: {terminated: {exitCode: 0, reason: Completed, finishedAt: "2026-11-29T05:00:05Z"}}
						  containerStatuses:
						  - name: app
						    ready: false
						    restartCount: 4
						    state: {waiting: {reason: CrashLoopBackOff, message: back-off 40s restarting failed container}}
						  - name: sidecar
						    ready: true
						    restartCount: 0
						    state: {running: {startedAt: "2026-11-29T05:00:06Z"}}
						"""));

		assertThat(pod.name()).isEqualTo("web-1");
		assertThat(pod.phase()).isEqualTo("Pending");
		assertThat(pod.podIP()).isEqualTo("10.1.2.3");
		assertThat(pod.node()).isEqualTo("node-a");
		assertThat(pod.conditions()).containsExactly(new LiveState.Condition("Ready", "False", "ContainersNotReady",
				"containers with unready status: [app]", null));
		assertThat(pod.containers()).containsExactly(
				new LiveState.ContainerState("migrate", true, true, 0, "terminated", "Completed", null,
						"2026-11-29T05:00:05Z", 0),
				new LiveState.ContainerState("app", false, false, 4, "waiting", "CrashLoopBackOff",
						"back-off 40s restarting failed container", null, null),
				new LiveState.ContainerState("sidecar", false, true, 0, "running", null, null, "2026-11-29T05:00:06Z",
						null),
				new LiveState.ContainerState("late", false, false, 0, "waiting", "NotCreated", null, null, null));
		assertThat(pod.ready()).isFalse();
		assertThat(pod.restarts()).isEqualTo(4);
		assertThat(pod.containerNames()).containsExactly("migrate", "app", "sidecar", "late");
	}

	@Test
	void eventsAreOldestFirstWhicheverTimestampTheyCarry() {
		List<LiveState.Event> events = LiveState.Event.inOrder(List.of(ManifestReader.readYaml("""
				{type: Warning, reason: BackOff, message: back-off, count: 7, lastTimestamp: "2026-11-29T05:03:00Z",
				 involvedObject: {kind: Pod, name: web-1}}
				"""), ManifestReader.readYaml("""
				{type: Normal, reason: Pulled, message: pulled, eventTime: "2026-11-29T05:01:00.000000Z",
				 involvedObject: {kind: Pod, name: web-1}}
				"""), ManifestReader.readYaml("""
				{type: Normal, reason: Scheduled, message: assigned, firstTimestamp: "2026-11-29T05:00:00Z",
				 lastTimestamp: "2026-11-29T05:00:00Z", involvedObject: {kind: Pod, name: web-1}}
				""")));

		assertThat(events).extracting(LiveState.Event::reason).containsExactly("Scheduled", "Pulled", "BackOff");
		assertThat(events.get(2).count()).isEqualTo(7);
		assertThat(events.get(2).object()).isEqualTo("Pod/web-1");
	}

	@Test
	void eventsOfTheSameSecondAreInTheOrderTheClusterRecordedThem() {
		// as a cluster lists them: by name, which for events of several objects is not
		// their order
		assertThat(LiveState.Event.inOrder(List.of(event("web-1.b", "Started", "1207", null),
				event("web-1.c", "Scheduled", "1203", null), event("web-1.d", "Pulled", "1205", null),
				event("web-1.a", "Pulling", "1204", null), event("web.e", "SuccessfulCreate", "1202", null))))
			.as("by resourceVersion")
			.extracting(LiveState.Event::reason)
			.containsExactly("SuccessfulCreate", "Scheduled", "Pulling", "Pulled", "Started");
		assertThat(LiveState.Event.inOrder(List.of(event("web-1.x", "Started", "9", "2026-11-29T05:00:00.900000Z"),
				event("web-1.y", "Scheduled", "10", "2026-11-29T05:00:00.100000Z"))))
			.as("by the precise eventTime first, where there is one")
			.extracting(LiveState.Event::reason)
			.containsExactly("Scheduled", "Started");
	}

	private static tools.jackson.databind.JsonNode event(String name, String reason, String resourceVersion,
			String eventTime) {
		return ManifestReader.readYaml("{metadata: {name: " + name + ", resourceVersion: \"" + resourceVersion
				+ "\"}, reason: " + reason + ", lastTimestamp: \"2026-11-29T05:00:00Z\""
				+ ((eventTime == null) ? "" : ", eventTime: \"" + eventTime + "\"") + "}");
	}

}
