package io.podcomposer.kube;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.kubernetes.client.openapi.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Says what went wrong in a call to a cluster. Only what a Kubernetes API server says is
 * quoted: the message of a {@code Status} it answered. Any other answer, and a failed
 * connection, is described in fixed words, so that no body of some other server, nor an
 * exception's text, reaches a page, an answer or the log of a deployment.
 */
public final class ClusterFailure {

	/**
	 * A media type as a header gives it, without parameters: shown, so kept to what such
	 * a type is.
	 */
	private static final Pattern MEDIA_TYPE = Pattern
		.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,40}/[a-z0-9][a-z0-9!#$&^_.+-]{0,60}");

	private ClusterFailure() {
	}

	public static String describe(ApiException ex, KubeConnection connection) {
		int code = ex.getCode();
		if (code == 0) {
			return transportFailure(ex.getCause() != null ? ex.getCause() : ex, connection);
		}
		String said = statusMessage(ex.getResponseBody());
		return (said != null) ? describe(code, said) : notKubernetes(code, contentType(ex.getResponseHeaders()));
	}

	/**
	 * Whether the cluster's message refuses fields of the object its schema does not know
	 * or that are given twice: server-side apply's "field not declared in schema", or
	 * strict field validation's "strict decoding error".
	 */
	static boolean refusesFields(String said) {
		return said != null && (said.contains(": field not declared in schema")
				|| said.contains("strict decoding error") || said.startsWith("error strict decoding YAML"));
	}

	/**
	 * What an answer with this status and the message of the cluster's {@code Status}
	 * means, the message quoted.
	 */
	static String describe(int code, String said) {
		String quoted = said == null ? "" : ": " + said;
		if (refusesFields(said) && (said.contains("already set in map") || said.contains("duplicate field"))) {
			return "The cluster refused the object, which gives a field twice" + quoted;
		}
		if (refusesFields(said)) {
			return "The cluster refused fields of the object that its schema does not allow" + quoted;
		}
		if (code == 401) {
			return "The cluster refused our credentials (401 Unauthorized)" + quoted;
		}
		if (code == 403) {
			return "The cluster denied the request (403 Forbidden)" + quoted;
		}
		if (code >= 500) {
			return "The cluster failed with " + code + quoted;
		}
		return "The cluster answered " + code + quoted;
	}

	/**
	 * An answer that is no Kubernetes {@code Status}: its status and, when sane, its
	 * media type, never its body.
	 */
	static String notKubernetes(int code, String contentType) {
		return "The server answered " + code + " with something that is not a Kubernetes API server's answer"
				+ (contentType == null ? "" : " (" + contentType + ")") + "; is the cluster's server address right?";
	}

	/** Whether the failure is the connection's timeout running out. */
	static boolean isTimeout(Throwable cause) {
		return find(cause, InterruptedIOException.class) != null;
	}

	/**
	 * A call that got no answer a client could read: the connection failed, or what came
	 * back could not be read as the Kubernetes object asked for.
	 */
	static String transportFailure(Throwable cause, KubeConnection connection) {
		String server = connection.server();
		Throwable refused = find(cause, ServerAddresses.RefusedServerException.class);
		if (refused != null) {
			return refused.getMessage();
		}
		if (find(cause, SSLPeerUnverifiedException.class) != null) {
			return "TLS failure talking to " + server + ": its certificate does not name the host "
					+ ServerAddresses.host(server) + ".";
		}
		if (find(cause, CertificateException.class, CertPathBuilderException.class,
				CertPathValidatorException.class) != null) {
			return "TLS failure talking to " + server + ": its certificate is not trusted. Give the CA that signed it "
					+ "as the cluster's certificate-authority-data in the kubeconfig; without one only the CAs the "
					+ "portal's Java trusts are.";
		}
		if (find(cause, SSLException.class) != null) {
			return "TLS failure talking to " + server + ": the handshake failed (a server that does not speak TLS, "
					+ "or one that does not accept our client certificate).";
		}
		if (find(cause, InterruptedIOException.class) != null) {
			return "The cluster at " + server + " did not answer within " + readable(connection.timeout()) + ".";
		}
		if (find(cause, UnknownHostException.class) != null) {
			return "The cluster at " + server + " is unreachable: its name does not resolve.";
		}
		if (find(cause, ConnectException.class, NoRouteToHostException.class) != null) {
			return "The cluster at " + server + " is unreachable: nothing accepts connections there.";
		}
		if (find(cause, IOException.class) != null) {
			return "The cluster at " + server + " is unreachable: the connection failed.";
		}
		return notKubernetes(connection);
	}

	/** An answer that could not be read as the Kubernetes object asked for. */
	static String notKubernetes(KubeConnection connection) {
		return "The server at " + connection.server()
				+ " answered with something that is not a Kubernetes API server's answer; is the cluster's server "
				+ "address right?";
	}

	/** The first exception in the chain of causes that is one of the types. */
	@SafeVarargs
	private static Throwable find(Throwable thrown, Class<? extends Throwable>... types) {
		for (Throwable current = thrown; current != null; current = current.getCause()) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(current)) {
					return current;
				}
			}
		}
		return null;
	}

	static String readable(Duration timeout) {
		long millis = timeout.toMillis();
		return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
	}

	/**
	 * The {@code message} of a Kubernetes {@code Status} body; null when the body is
	 * none.
	 */
	static String statusMessage(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode status = JsonMapper.shared().readTree(body);
			if (isStatus(status.path("kind").asString(null)) && status.path("message").isString()) {
				return status.path("message").asString();
			}
		}
		catch (JacksonException ex) {
			// not a Status
		}
		return null;
	}

	/**
	 * Whether the kind is the one every failure of a Kubernetes API server answers with.
	 */
	static boolean isStatus(String kind) {
		return "Status".equals(kind);
	}

	/** The media type of the answer, when it looks like one. */
	private static String contentType(Map<String, List<String>> headers) {
		if (headers == null) {
			return null;
		}
		return headers.entrySet()
			.stream()
			.filter((header) -> "content-type".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty())
			.map((header) -> header.getValue().get(0).split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
			.filter((type) -> MEDIA_TYPE.matcher(type).matches())
			.findFirst()
			.orElse(null);
	}

}
