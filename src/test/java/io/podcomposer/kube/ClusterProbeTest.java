package io.podcomposer.kube;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.podcomposer.kube.KubeConnection.Credentials.BearerToken;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterProbeTest {

	private static final String TOKEN = "fake-token-for-probe-test";

	private final FakeKubernetes fake = FakeKubernetes.start(TOKEN);

	@AfterEach
	void stop() {
		fake.close();
	}

	@Test
	void checkGivesVersionLatencyAndTheVisibleNamespaces() {
		fake.createNamespace("team-a", Map.of("team", "a"));

		ClusterCheck check = ClusterProbe.check(fake.connection(Duration.ofSeconds(5)));

		assertThat(check.reachable()).as(check.message()).isTrue();
		assertThat(check.message()).isNull();
		assertThat(check.serverVersion()).isEqualTo(FakeKubernetes.GIT_VERSION);
		assertThat(check.latencyMillis()).isBetween(0L, 5000L);
		assertThat(check.namespaces()).containsExactly("default", "kube-system", "team-a");
		assertThat(fake.requests()).extracting(FakeKubernetes.RecordedRequest::path)
			.containsExactly("/version/", "/api/v1/namespaces");
	}

	@Test
	void anAccountThatMayNotListNamespacesStillReachesTheClusterAndIsToldWhy() {
		fake.allowServiceAccountToken("deployer-token");
		KubeConnection connection = fake.connection(fake.caPem(), false, new BearerToken("deployer-token"));

		ClusterCheck check = ClusterProbe.check(connection);

		assertThat(check.reachable()).isTrue();
		assertThat(check.serverVersion()).isEqualTo(FakeKubernetes.GIT_VERSION);
		assertThat(check.namespaces()).isEmpty();
		assertThat(check.message())
			.isEqualTo("Namespaces cannot be listed: The cluster denied the request (403 Forbidden): "
					+ "namespaces is forbidden: User \"system:serviceaccount:ci:deployer\" cannot list resource \"namespaces\" "
					+ "in API group \"\" at the cluster scope");
	}

	@Test
	void caDataMayBeGivenAsAKubeconfigHoldsItInBase64() {
		String base64 = Base64.getEncoder().encodeToString(fake.caPem().getBytes(StandardCharsets.US_ASCII));
		KubeConnection connection = fake.connection(base64, false, new BearerToken(TOKEN));

		ClusterCheck check = ClusterProbe.check(connection);

		assertThat(check.reachable()).as(check.message()).isTrue();
	}

	@Test
	void insecureSkipTlsVerifyNeedsNoCa() {
		KubeConnection connection = fake.connection(null, true, new BearerToken(TOKEN));

		assertThat(ClusterProbe.check(connection).serverVersion()).isEqualTo(FakeKubernetes.GIT_VERSION);
	}

	@Test
	void aClientCertificateSignedByTheClustersCaIsAccepted() {
		TestCa.ClientCertificate certificate = fake.clientCertificate("jane");
		KubeConnection connection = fake.connection(fake.caPem(), false,
				new KubeConnection.Credentials.ClientCertificate(certificate.certificatePem(), certificate.keyPem()));

		ClusterCheck check = ClusterProbe.check(connection);

		assertThat(check.reachable()).as(check.message()).isTrue();
	}

	@Test
	void basicAuthIsAcceptedAndAWrongPasswordRefused() {
		KubeConnection right = fake.connection(fake.caPem(), false,
				new KubeConnection.Credentials.Basic(FakeKubernetes.BASIC_USER, TOKEN));
		KubeConnection wrong = fake.connection(fake.caPem(), false,
				new KubeConnection.Credentials.Basic(FakeKubernetes.BASIC_USER, "wrong"));

		assertThat(ClusterProbe.check(right).reachable()).isTrue();
		assertThat(ClusterProbe.check(wrong).message()).contains("401 Unauthorized");
	}

	@Test
	void aClientCertificateFromAnotherCaIsRefused() {
		TestCa.ClientCertificate stranger = new TestCa("another-ca").issueClientCertificate("jane");
		KubeConnection connection = fake.connection(fake.caPem(), false,
				new KubeConnection.Credentials.ClientCertificate(stranger.certificatePem(), stranger.keyPem()));

		ClusterCheck check = ClusterProbe.check(connection);

		// the client offers no certificate the server's CA did not sign, so none is sent
		assertThat(check.message()).isEqualTo("The cluster refused our credentials (401 Unauthorized): Unauthorized");
	}

	@Test
	void aWrongTokenIsRefusedWithTheClustersWords() {
		KubeConnection connection = fake.connection(fake.caPem(), false, new BearerToken("wrong"));

		ClusterCheck check = ClusterProbe.check(connection);

		assertThat(check.reachable()).isFalse();
		assertThat(check.message()).isEqualTo("The cluster refused our credentials (401 Unauthorized): Unauthorized");
	}

	@Test
	void aServerCertificateFromAnotherCaIsATlsFailure() {
		String otherCa = new TestCa("some-other-ca").certificatePem();
		KubeConnection connection = fake.connection(otherCa, false, new BearerToken(TOKEN));

		ClusterCheck check = ClusterProbe.check(connection);

		assertThat(check.reachable()).isFalse();
		assertThat(check.message()).isEqualTo("TLS failure talking to " + fake.url() + ": its certificate is not "
				+ "trusted. Give the CA that signed it as the cluster's certificate-authority-data in the kubeconfig; "
				+ "without one only the CAs the portal's Java trusts are.");
		assertThat(fake.requests()).isEmpty();
	}

	@Test
	void aServerThatIsDownIsUnreachableWithinTheTimeout() {
		fake.goDown();
		Duration timeout = Duration.ofSeconds(2);

		long started = System.nanoTime();
		ClusterCheck check = ClusterProbe.check(fake.connection(timeout));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(timeout);
		assertThat(check.reachable()).isFalse();
		assertThat(check.message()).startsWith("The cluster at " + fake.url() + " is unreachable: ");
	}

	@Test
	void aSlowServerTimesOut() {
		fake.beSlow(Duration.ofSeconds(3));

		long started = System.nanoTime();
		ClusterCheck check = ClusterProbe.check(fake.connection(Duration.ofMillis(500)));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(check.reachable()).isFalse();
		assertThat(check.message()).startsWith("The cluster at " + fake.url() + " did not answer within 500 ms");
	}

	@Test
	void aServerErrorIsReportedWithTheClustersMessage() {
		fake.failWith500(true);

		ClusterCheck check = ClusterProbe.check(fake.connection(Duration.ofSeconds(5)));

		assertThat(check.reachable()).isFalse();
		assertThat(check.message())
			.isEqualTo("The cluster failed with 500: Internal error occurred: etcdserver: request timed out");
	}

	@Test
	void timeoutsAreNeverLongerThanFifteenSeconds() {
		KubeConnection connection = fake.connection(fake.caPem(), false, new BearerToken(TOKEN), Duration.ofMinutes(5));

		assertThat(connection.timeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(connection.apiClient().getReadTimeout()).isEqualTo(15_000);
		assertThat(connection.apiClient().getConnectTimeout()).isEqualTo(15_000);
	}

	@Test
	void caDataOrAClientCertificateThatCannotBeReadIsSaidInPlainWords() {
		String notPem = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";
		for (KubeConnection connection : new KubeConnection[] { fake.connection(notPem, false, new BearerToken(TOKEN)),
				fake.connection("not base64 at all!", false, new BearerToken(TOKEN)), fake.connection(fake.caPem(),
						false, new KubeConnection.Credentials.ClientCertificate(notPem, notPem)) }) {
			ClusterCheck check = ClusterProbe.check(connection);

			assertThat(check.reachable()).isFalse();
			assertThat(check.message()).isEqualTo("The cluster settings cannot be used: its CA data or client "
					+ "certificate cannot be read (PEM, or base64 of PEM, as in a kubeconfig's *-data fields).");
		}
		assertThat(fake.requests()).isEmpty();
	}

	@Test
	void credentialsAreNotPrinted() {
		KubeConnection connection = fake.connection(fake.caPem(), false, new BearerToken(TOKEN));

		assertThat(connection.toString()).doesNotContain(TOKEN);
	}

}
