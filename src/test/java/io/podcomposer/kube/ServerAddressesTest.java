package io.podcomposer.kube;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.podcomposer.kube.KubeConnection.Credentials.BearerToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Which cluster servers may be called: never the portal's own host unless allowed, never
 * link-local or metadata.
 */
class ServerAddressesTest {

	private static final String TOKEN = "token-that-must-not-leave";

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "https://127.0.0.1", "http://127.9.8.7", "http://[::1]:6443",
			"http://2130706433", "http://0x7f.1", "http://0x7F000001", "http://0177.0.0.1", "http://017700000001",
			"http://127.1", "http://127.0.1", "https://[::ffff:127.0.0.1]", "https://[::ffff:7f00:1]",
			"https://[::127.0.0.1]", "http://0.0.0.0:6443", "http://0", "http://[::]", "https://localhost:6443",
			"https://LOCALHOST" })
	void theHostsOwnAddressesAreRefusedUnlessAllowed(String server) {
		assertThat(ServerAddresses.LOCAL_REFUSED.refusal(server))
			.hasValueSatisfying((refusal) -> assertThat(refusal).contains("an address of the portal's own host",
					"podcomposer.clusters.allow-local-servers=true (PODCOMPOSER_CLUSTERS_ALLOW_LOCAL_SERVERS)",
					"kind or k3s cluster on the same host"));
		assertThat(ServerAddresses.LOCAL_ALLOWED.refusal(server)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254", "http://169.254.169.254/latest/meta-data/", "http://2852039166",
			"http://0xa9.0xfe.0xa9.0xfe", "http://[fd00:ec2::254]", "http://[::ffff:169.254.169.254]",
			"http://100.100.100.200" })
	void metadataAddressesAreRefusedEvenWhenLocalServersAreAllowed(String server) {
		for (ServerAddresses addresses : ServerAddresses.values()) {
			assertThat(addresses.refusal(server)).hasValueSatisfying(
					(refusal) -> assertThat(refusal).contains("a cloud metadata address", "never calls it"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.1.1", "https://169.254.170.2", "http://[fe80::1]", "http://[febf::1]" })
	void linkLocalAddressesAreRefusedEvenWhenLocalServersAreAllowed(String server) {
		for (ServerAddresses addresses : ServerAddresses.values()) {
			assertThat(addresses.refusal(server))
				.hasValueSatisfying((refusal) -> assertThat(refusal).contains("a link-local address"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://10.0.0.5:6443", "https://192.168.1.20:6443", "https://172.18.0.2:6443",
			"https://203.0.113.7", "https://[2001:db8::1]:6443", "https://[fd12:3456::1]", "https://167772165",
			"https://0xa.5", "https://k3s.invalid:6443" })
	void otherAddressesAndNamesThatDoNotResolveNowPass(String server) {
		assertThat(ServerAddresses.LOCAL_REFUSED.refusal(server)).isEmpty();
	}

	@Test
	void aRefusalSaysWhatANameStandsFor() {
		assertThat(ServerAddresses.LOCAL_REFUSED.refusal("http://2130706433"))
			.hasValueSatisfying((refusal) -> assertThat(refusal).startsWith("The server 2130706433 (127.0.0.1) is "));
	}

	@Test
	void aNameThatResolvesToTheHostIsRefusedWhenCalledAndNothingIsSent() {
		try (FakeKubernetes fake = FakeKubernetes.start(TOKEN)) {
			String byName = fake.url().replace("127.0.0.1", "localhost");
			KubeConnection connection = new KubeConnection(byName, fake.caPem(), false, new BearerToken(TOKEN),
					Duration.ofSeconds(5), ServerAddresses.LOCAL_REFUSED);

			ClusterCheck check = ClusterProbe.check(connection);

			assertThat(check.reachable()).isFalse();
			assertThat(check.message())
				.startsWith("The server localhost (127.0.0.1) is an address of the portal's own host")
				.doesNotContain(TOKEN);
			ClusterCallException refused = catchThrowableOfType(ClusterCallException.class,
					() -> new ClusterCalls(connection, connection.apiClient()).namespace("default"));
			assertThat(refused.getMessage()).isEqualTo(check.message());
			assertThat(fake.requests()).isEmpty();
		}
	}

	@Test
	void anAddressWrittenAsSuchIsRefusedWhenCalledAndNothingIsSent() {
		try (NotKubernetes other = NotKubernetes.htmlPage(200)) {
			String decimal = other.url().replace("127.0.0.1", "2130706433");
			for (String server : new String[] { other.url(), decimal }) {
				ClusterCheck check = ClusterProbe.check(new KubeConnection(server, null, false, new BearerToken(TOKEN),
						Duration.ofSeconds(5), ServerAddresses.LOCAL_REFUSED));

				assertThat(check.reachable()).isFalse();
				assertThat(check.message()).contains("is an address of the portal's own host");
			}
			assertThat(other.authorizations()).isEmpty();
		}
	}

	@Test
	void redirectsAreNotFollowed() {
		try (FakeKubernetes fake = FakeKubernetes.start(TOKEN);
				NotKubernetes redirecting = NotKubernetes.redirectingTo(fake.url() + "/version/")) {
			// a server off the host could send the client on to one on it
			ClusterCheck check = ClusterProbe.check(new KubeConnection(redirecting.url(), null, false,
					new BearerToken(TOKEN), Duration.ofSeconds(5), ServerAddresses.LOCAL_ALLOWED));

			assertThat(check.message()).startsWith("The server answered 302 ");
			assertThat(fake.requests()).isEmpty();
		}
	}

}
