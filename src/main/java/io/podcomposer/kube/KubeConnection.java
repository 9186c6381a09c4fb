package io.podcomposer.kube;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.credentials.Authentication;
import io.kubernetes.client.util.credentials.ClientCertificateAuthentication;
import io.kubernetes.client.util.credentials.UsernamePasswordAuthentication;
import okhttp3.OkHttpClient;

/**
 * What it takes to talk to one cluster, as plain values: where it is, how its certificate
 * is checked, who we are and which server addresses may be called. Builds a client-java
 * {@link ApiClient} whose calls never wait longer than {@link #timeout()}, so that no
 * page hangs on a cluster. Without CA data an https server's certificate is checked
 * against the JVM's trusted CAs, as kubectl checks it against the system's.
 */
public record KubeConnection(String server, String certificateAuthority, boolean insecureSkipTlsVerify,
		Credentials credentials, Duration timeout, ServerAddresses addresses) {

	/** The longest any call to a cluster may wait, for a connection or for an answer. */
	public static final Duration MAX_TIMEOUT = Duration.ofSeconds(15);

	public KubeConnection {
		Objects.requireNonNull(server, "server");
		Objects.requireNonNull(credentials, "credentials");
		Objects.requireNonNull(addresses, "addresses");
		if (timeout == null || timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
			timeout = MAX_TIMEOUT;
		}
	}

	/**
	 * @throws IllegalArgumentException when the CA data or the client certificate cannot
	 * be read, saying so in words that name no exception
	 */
	public ApiClient apiClient() {
		ApiClient client;
		try {
			ClientBuilder builder = new ClientBuilder().setBasePath(server)
				.setVerifyingSsl(!insecureSkipTlsVerify)
				.setAuthentication(credentials.authentication())
				.setReadTimeout(timeout);
			if (!insecureSkipTlsVerify && certificateAuthority != null && !certificateAuthority.isBlank()) {
				builder.setCertificateAuthority(pem(certificateAuthority));
			}
			client = builder.build();
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("its CA data or client certificate cannot be read (PEM, or base64 of "
					+ "PEM, as in a kubeconfig's *-data fields).", ex);
		}
		int millis = (int) timeout.toMillis();
		client.setConnectTimeout(millis);
		client.setReadTimeout(millis);
		client.setWriteTimeout(millis);
		OkHttpClient.Builder http = client.getHttpClient().newBuilder();
		addresses.guard(http);
		http.addInterceptor(new StrictFieldValidation());
		client.setHttpClient(http.build());
		return client;
	}

	/**
	 * PEM text as given, or the base64 of it as a kubeconfig's {@code *-data} fields hold
	 * it.
	 */
	static byte[] pem(String pemOrBase64) {
		String text = pemOrBase64.strip();
		if (text.startsWith("-----BEGIN")) {
			return text.getBytes(StandardCharsets.US_ASCII);
		}
		return Base64.getMimeDecoder().decode(text);
	}

	/** One way to prove who we are to the cluster. */
	public sealed interface Credentials {

		Authentication authentication();

		record BearerToken(String token) implements Credentials {

			@Override
			public Authentication authentication() {
				return new AccessTokenAuthentication(token);
			}

			@Override
			public String toString() {
				return "BearerToken[***]";
			}
		}

		record ClientCertificate(String certificate, String key) implements Credentials {

			@Override
			public Authentication authentication() {
				return new ClientCertificateAuthentication(pem(certificate), pem(key));
			}

			@Override
			public String toString() {
				return "ClientCertificate[***]";
			}
		}

		record Basic(String username, String password) implements Credentials {

			@Override
			public Authentication authentication() {
				return new UsernamePasswordAuthentication(username, password);
			}

			@Override
			public String toString() {
				return "Basic[" + username + ", ***]";
			}
		}

	}
}
