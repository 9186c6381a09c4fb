package io.podcomposer.kube;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.podcomposer.kube.KubeConnection.Credentials.BearerToken;
import io.podcomposer.manifest.WorkloadKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A cluster whose address answers as some other HTTP server: nothing it says reaches a
 * check or a call's failure, only its status and media type in fixed words.
 */
class NotKubernetesAnswerTest {

	private static final String TOKEN = "cluster-token-for-other-server";

	private static final JsonNode POD = JsonMapper.shared()
		.readTree("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"}}");

	static List<NotKubernetesCase> servers() {
		return List.of(new NotKubernetesCase(200, "text/html", () -> NotKubernetes.htmlPage(200)),
				new NotKubernetesCase(500, "text/html", () -> NotKubernetes.htmlPage(500)),
				new NotKubernetesCase(401, "text/html", () -> NotKubernetes.htmlPage(401)),
				new NotKubernetesCase(302, "text/html", () -> NotKubernetes.htmlPage(302)),
				new NotKubernetesCase(200, "application/json", () -> NotKubernetes.json(200)),
				new NotKubernetesCase(404, "application/json", () -> NotKubernetes.json(404)), new NotKubernetesCase(
						503, "text/plain", () -> NotKubernetes.answering(503, "text/plain", NotKubernetes.SECRET)));
	}

	@ParameterizedTest
	@MethodSource("servers")
	void aCheckNamesOnlyTheStatusAndMediaType(NotKubernetesCase given) {
		try (NotKubernetes other = given.start().get()) {
			ClusterCheck check = ClusterProbe.check(connection(other));

			assertThat(check.reachable()).isFalse();
			assertThat(check.message()).doesNotContain(NotKubernetes.SECRET);
			if (given.status() == 200 && given.mediaType().equals("application/json")) {
				// the body was read, and was not the version asked for
				assertThat(check.message()).isEqualTo("The server at " + other.url() + " answered with something "
						+ "that is not a Kubernetes API server's answer; is the cluster's server address right?");
			}
			else {
				assertThat(check.message()).isEqualTo("The server answered " + given.status()
						+ " with something that is not a Kubernetes API server's answer (" + given.mediaType()
						+ "); is the cluster's server address right?");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("servers")
	void theCallsOfADeployQuoteNothingOfIt(NotKubernetesCase given) {
		try (NotKubernetes other = given.start().get()) {
			KubeConnection connection = connection(other);
			ClusterCalls calls = new ClusterCalls(connection, connection.apiClient());
			List<Function<ClusterCalls, Object>> each = List.of((c) -> c.namespace("apps"),
					(c) -> c.get(WorkloadKind.DEPLOYMENT, "apps", "web"),
					(c) -> c.list(WorkloadKind.POD, "apps", "app=web"), (c) -> c.events("apps", "Pod", "web"),
					(c) -> c.delete(WorkloadKind.POD, "apps", "web"),
					(c) -> c.apply(WorkloadKind.POD, "apps", POD, true, false),
					(c) -> c.logs("apps", "web", "web", 10));

			for (int i = 0; i < each.size(); i++) {
				Object answer;
				try {
					answer = each.get(i).apply(calls);
				}
				catch (ClusterCallException ex) {
					assertThat(ex.getMessage()).as("call " + i)
						.doesNotContain(NotKubernetes.SECRET)
						.contains("not a Kubernetes API server");
					continue;
				}
				// a delete says only that it went through; a log, which is text of any
				// kind, comes back as sent
				assertThat(i).as("call " + i + " answered " + answer).isIn(4, each.size() - 1);
				assertThat(given.status()).isEqualTo(200);
			}
		}
	}

	@Test
	void aStatusOfTheClusterIsStillQuoted() {
		try (NotKubernetes cluster = NotKubernetes.answering(403, "application/json", """
				{"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "Forbidden", "code": 403,
				 "message": "namespaces is forbidden: User \\"jane\\" cannot list resource \\"namespaces\\""}
				""")) {
			ClusterCheck check = ClusterProbe.check(connection(cluster));

			assertThat(check.message()).isEqualTo("The cluster denied the request (403 Forbidden): namespaces is "
					+ "forbidden: User \"jane\" cannot list resource \"namespaces\"");
			ClusterCallException refused = catchThrowableOfType(ClusterCallException.class,
					() -> new ClusterCalls(connection(cluster), connection(cluster).apiClient()).namespace("apps"));
			assertThat(refused.getMessage()).isEqualTo("The cluster denied the request (403 Forbidden): namespaces is "
					+ "forbidden: User \"jane\" cannot list resource \"namespaces\"");
			assertThat(refused.reason()).isEqualTo("Forbidden");
		}
	}

	@Test
	void aJsonMessageThatIsNoStatusIsNotQuoted() {
		try (NotKubernetes other = NotKubernetes.json(403)) {
			ClusterCallException refused = catchThrowableOfType(ClusterCallException.class,
					() -> new ClusterCalls(connection(other), connection(other).apiClient()).namespace("apps"));

			assertThat(refused.getMessage()).isEqualTo("The server answered 403 with something that is not a "
					+ "Kubernetes API server's answer; is the cluster's server address right?");
		}
	}

	private static KubeConnection connection(NotKubernetes server) {
		return new KubeConnection(server.url(), null, false, new BearerToken(TOKEN), Duration.ofSeconds(5),
				ServerAddresses.LOCAL_ALLOWED);
	}

	record NotKubernetesCase(int status, String mediaType, Supplier<NotKubernetes> start) {

		@Override
		public String toString() {
			return this.status + " " + this.mediaType;
		}

	}

}
