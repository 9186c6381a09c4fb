package io.podcomposer.kube;

import java.time.Duration;

import io.kubernetes.client.openapi.ApiClient;
import io.podcomposer.kube.KubeConnection.Credentials.BearerToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeClientsTest {

	private static final String TOKEN = "fake-token-for-clients-test";

	private final FakeKubernetes fake = FakeKubernetes.start(TOKEN);

	private final KubeClients clients = new KubeClients();

	@AfterEach
	void stop() {
		fake.close();
	}

	@Test
	void aClusterKeepsItsClientWhileItsConnectionStaysTheSame() {
		ApiClient first = clients.client(1, fake.connection(Duration.ofSeconds(5)));
		new ClusterCalls(fake.connection(Duration.ofSeconds(5)), first).namespace("default").orElseThrow();

		ApiClient second = clients.client(1, fake.connection(Duration.ofSeconds(5)));

		assertThat(second).isSameAs(first);
		assertThat(new ClusterCalls(fake.connection(Duration.ofSeconds(5)), second).namespace("default")).isPresent();
		assertThat(first.getHttpClient().connectionPool().connectionCount()).isEqualTo(1);
		assertThat(clients.client(2, fake.connection(Duration.ofSeconds(5)))).isNotSameAs(first);
	}

	@Test
	void changedCredentialsGetANewClientThatSignsInWithThem() {
		KubeConnection old = fake.connection(fake.caPem(), false, new BearerToken("old-token"), Duration.ofSeconds(5));
		ApiClient first = clients.client(1, old);
		assertThatThrownBy(() -> new ClusterCalls(old, first).namespace("default"))
			.isInstanceOfSatisfying(ClusterCallException.class, (ex) -> assertThat(ex.status()).isEqualTo(401));

		ApiClient second = clients.client(1, fake.connection(Duration.ofSeconds(5)));

		assertThat(second).isNotSameAs(first);
		assertThat(new ClusterCalls(fake.connection(Duration.ofSeconds(5)), second).namespace("default")).isPresent();
	}

	@Test
	void aForgottenClusterGetsANewClientAndTheOldOnesConnectionsAreClosed() {
		KubeConnection connection = fake.connection(Duration.ofSeconds(5));
		ApiClient first = clients.client(1, connection);
		new ClusterCalls(connection, first).namespace("default").orElseThrow();

		clients.forget(1);

		assertThat(first.getHttpClient().connectionPool().connectionCount()).isZero();
		assertThat(clients.client(1, connection)).isNotSameAs(first);
	}

}
